package io.liaison.gateway.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the passphrase of the gateway's secret key comes from: an environment variable or a file.
 * There is deliberately no way to pass it on the command line, where it would sit in the process
 * list and shell history. The value is read only when {@link #read()} is called and is never part of
 * {@link #toString()} or of any exception message.
 */
public final class PassphraseSource {
    /** Environment variable holding the passphrase itself. */
    public static final String DEFAULT_VARIABLE = "LIAISON_KEY_PASSPHRASE";
    /** Environment variable holding the path of a file that contains the passphrase (container-secret style). */
    public static final String FILE_VARIABLE = "LIAISON_KEY_PASSPHRASE_FILE";

    private final String variable;
    private final Map<String, String> environment;
    private final Path file;

    private PassphraseSource(String variable, Map<String, String> environment, Path file) {
        this.variable = variable;
        this.environment = environment;
        this.file = file;
    }

    /** The passphrase is the value of {@value #DEFAULT_VARIABLE}. */
    public static PassphraseSource fromEnvironment() {
        return fromEnvironment(DEFAULT_VARIABLE);
    }

    /** The passphrase is the value of the named variable of this process's environment. */
    public static PassphraseSource fromEnvironment(String variable) {
        return fromEnvironment(variable, System.getenv());
    }

    /** As {@link #fromEnvironment(String)}, against a given environment (tests cannot set real variables). */
    public static PassphraseSource fromEnvironment(String variable, Map<String, String> environment) {
        if (Objects.requireNonNull(variable, "variable").isBlank()) {
            throw new IllegalArgumentException("environment variable name must not be blank");
        }
        return new PassphraseSource(variable, Map.copyOf(environment), null);
    }

    /** The passphrase is the content of the file, without its trailing line break. */
    public static PassphraseSource fromFile(Path file) {
        return new PassphraseSource(null, null, Objects.requireNonNull(file, "file"));
    }

    /**
     * The gateway's rule for finding its passphrase: {@value #FILE_VARIABLE} names a file, else
     * {@value #DEFAULT_VARIABLE} holds the passphrase, else the file given in configuration. The
     * environment wins over configuration so an operator can override a deployment without editing
     * it; both variables at once is refused because it is unclear which one the operator meant.
     */
    public static PassphraseSource resolve(Map<String, String> environment, Optional<Path> configuredFile)
            throws GatewayKeyException {
        return resolve(environment, configuredFile, DEFAULT_VARIABLE, FILE_VARIABLE);
    }

    /**
     * The same rule with other variable names: the next key of a rollover has its own passphrase
     * ({@code LIAISON_NEXT_KEY_PASSPHRASE}, {@code LIAISON_NEXT_KEY_PASSPHRASE_FILE}).
     */
    public static PassphraseSource resolve(Map<String, String> environment, Optional<Path> configuredFile,
                                           String valueVariable, String fileVariable) throws GatewayKeyException {
        boolean hasFile = isSet(environment.get(fileVariable));
        boolean hasValue = isSet(environment.get(valueVariable));
        if (hasFile && hasValue) {
            throw new GatewayKeyException("both " + fileVariable + " and " + valueVariable
                    + " are set; set only one");
        }
        if (hasFile) {
            return fromFile(Path.of(environment.get(fileVariable)));
        }
        if (hasValue) {
            return fromEnvironment(valueVariable, environment);
        }
        return configuredFile.map(PassphraseSource::fromFile).orElseThrow(() -> new GatewayKeyException(
                "no key passphrase configured: set " + valueVariable + " or " + fileVariable
                        + ", or name a passphrase file in the configuration"));
    }

    /**
     * Reads the passphrase afresh. The caller owns the returned array and should overwrite it once
     * the key is unlocked.
     */
    public char[] read() throws GatewayKeyException {
        return file != null ? readFile() : readVariable();
    }

    private char[] readVariable() throws GatewayKeyException {
        String value = environment.get(variable);
        if (!isSet(value)) {
            throw new GatewayKeyException("environment variable " + variable + " is not set or is empty");
        }
        return value.toCharArray();
    }

    private char[] readFile() throws GatewayKeyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new GatewayKeyException(file, "passphrase file does not exist");
        } catch (IOException e) {
            throw new GatewayKeyException(file, "passphrase file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new GatewayKeyException(file, "passphrase file is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        // Editors add a final line break nobody means as part of the passphrase.
        int end = chars.limit();
        while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
            end--;
        }
        char[] passphrase = new char[end];
        chars.get(passphrase, 0, end);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        if (passphrase.length == 0) {
            throw new GatewayKeyException(file, "passphrase file is empty");
        }
        return passphrase;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    @Override
    public String toString() {
        return file != null ? "passphrase file " + file : "environment variable " + variable;
    }
}
