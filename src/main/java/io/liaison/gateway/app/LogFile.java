package io.liaison.gateway.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code gateway.log.file}: where the log lines go instead of standard error. slf4j-simple takes its file
 * from a system property read once, when the first logger is made, so this runs first thing in
 * {@link Main#main}, before picocli (it reads {@code --config} from the arguments itself). A settings file
 * that cannot be read is left to the command, which refuses it with its own message.
 */
final class LogFile {
    static final String SETTING = "gateway.log.file";
    private static final String SIMPLE_LOGGER_FILE = "org.slf4j.simpleLogger.logFile";

    private LogFile() {
    }

    static void apply(String[] args) {
        if (System.getProperty(SIMPLE_LOGGER_FILE) != null) {
            return; // set explicitly on the java command line: that wins
        }
        Optional<Path> config = configArgument(args);
        try {
            GatewaySettings settings = GatewaySettings.load(config, new Properties());
            settings.optional(SETTING).filter(s -> !s.isBlank()).ifPresent(file ->
                    System.setProperty(SIMPLE_LOGGER_FILE, Path.of(file).toAbsolutePath().toString()));
        } catch (RuntimeException e) {
            // the command reads the same file and names the problem
        }
    }

    static Optional<Path> configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        return Optional.empty();
    }
}
