package io.liaison.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throw-away GnuPG home for interop tests: the real gpg, as a recipient runs it. Short path (the agent's
 * socket must fit a Unix socket address); its agent is stopped and the folder removed on close.
 */
public final class GnuPgHome implements AutoCloseable {
    private static final Pattern VALIDSIG = Pattern.compile("^\\[GNUPG:] VALIDSIG (\\S+)(?: \\S+){8} (\\S+)$", Pattern.MULTILINE);

    private final Path home;
    private final Path work;

    private GnuPgHome(Path home, Path work) {
        this.home = home;
        this.work = work;
    }

    public static boolean available() {
        return ExternalTool.available("gpg", "--version");
    }

    /** @param work where the tool's captured output goes */
    public static GnuPgHome create(Path work) throws IOException {
        Path home = Files.createTempDirectory("gpg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
        return new GnuPgHome(home, work);
    }

    public ExternalTool.Result gpg(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--no-tty", "--homedir", home.toString()));
        command.addAll(List.of(arguments));
        return ExternalTool.run(work, Map.of("GNUPGHOME", home.toString()), 60, command);
    }

    /** Imports key files (certificates or secret keys); fails the test if gpg refuses them. */
    public void importFiles(Path... files) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--import"));
        for (Path f : files) {
            arguments.add(f.toAbsolutePath().toString());
        }
        ExternalTool.Result r = gpg(arguments.toArray(String[]::new));
        if (!r.ok()) {
            throw new AssertionError("gpg --import failed: " + r);
        }
    }

    /** Decrypts {@code armored} into {@code output}; the result's status lines say who signed. */
    public ExternalTool.Result decrypt(Path armored, Path output) throws IOException, InterruptedException {
        return gpg("--status-fd", "1", "--output", output.toString(), "--decrypt", armored.toString());
    }

    /** The primary-key fingerprint gpg reports for a good signature (VALIDSIG), or null when there is none. */
    public static String validSignatureBy(ExternalTool.Result result) {
        if (!result.stdout().contains("[GNUPG:] GOODSIG ")) {
            return null;
        }
        Matcher m = VALIDSIG.matcher(result.stdout());
        return m.find() ? m.group(2) : null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            ExternalTool.run(work, Map.of("GNUPGHOME", home.toString()), 60, List.of("gpgconf", "--kill", "all"));
        } finally {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
