package io.liaison.gateway.app;

import io.liaison.gateway.logging.GatewayLog;
import io.liaison.gateway.logging.LogFormat;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code gateway.log.file} and {@code gateway.log.format}: where the log lines go (standard error, or appended to
 * a file) and how (text, or one JSON object per line). Applied first thing in {@link Main#main}, before picocli
 * (it reads {@code --config} from the arguments itself), so the first lines of a start are already written the
 * chosen way. A settings file that cannot be read, or a format that is neither, is left to the command: the
 * gateway refuses it at start naming the setting ({@link #check}).
 */
final class LogFile {
    static final String SETTING = "gateway.log.file";
    static final String FORMAT = LogFormat.SETTING;

    private LogFile() {
    }

    static void apply(String[] args) {
        Optional<Path> config = configArgument(args);
        GatewaySettings settings;
        try {
            settings = GatewaySettings.load(config, new Properties());
        } catch (RuntimeException e) {
            return; // the command reads the same file and names the problem
        }
        LogFormat format;
        try {
            format = LogFormat.parse(settings.optional(FORMAT).orElse(""));
        } catch (IllegalArgumentException e) {
            return; // refused by the command's start (check), in the lines the operator already knows
        }
        ZoneId zone;
        try {
            zone = settings.zone();
        } catch (RuntimeException e) {
            zone = ZoneId.systemDefault();
        }
        GatewayLog.configure(format, settings.optional(SETTING).map(Path::of), zone);
    }

    /**
     * Refuses a {@code gateway.log.format} that is neither text nor json.
     *
     * @throws GatewaySettings.SettingsException naming the setting
     */
    static LogFormat check(GatewaySettings settings) {
        try {
            return LogFormat.parse(settings.optional(FORMAT).orElse(""));
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
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
