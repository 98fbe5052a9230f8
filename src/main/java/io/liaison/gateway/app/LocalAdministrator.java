package io.liaison.gateway.app;

import io.liaison.gateway.files.OwnerOnly;
import io.liaison.gateway.interfaces.api.LocalAdminDoor;
import io.liaison.gateway.store.jdbc.Database;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local administrator token of one {@code serve}: 256 random bits made at start, written with the server's
 * loopback address to a file only the gateway's user can read ({@code gateway.admin.token-file}, created
 * atomically, {@code rw-------}), removed at a clean stop. Whoever can read that file is the host's administrator
 * of this gateway, as whoever can read the settings and the database was before; the process keeps only the
 * token's SHA-256 once the file is written. The file's path is logged, never the token.
 */
public final class LocalAdministrator implements AutoCloseable {
    public static final String SETTING = "gateway.admin.token-file";
    private static final Logger LOG = LoggerFactory.getLogger(LocalAdministrator.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("lgwadmin_[A-Za-z0-9_-]{43}");

    private final Path file;
    private final byte[] sha256;
    private byte[] secret;
    private boolean published;

    private LocalAdministrator(Path file, byte[] secret) {
        this.file = file.toAbsolutePath().normalize();
        this.secret = secret;
        this.sha256 = LocalAdminDoor.sha256(text(secret));
    }

    /** A new token for the file at {@code file}; nothing is written until {@link #publish(String)}. */
    public static LocalAdministrator create(Path file) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new LocalAdministrator(file, secret);
    }

    /**
     * {@code gateway.admin.token-file}, or {@code admin-token} beside an H2 file database, or {@code ./data/admin-token}
     * (set it per gateway when several share a host).
     */
    public static Path file(GatewaySettings settings) {
        Optional<String> configured = settings.optional(SETTING);
        if (configured.isPresent()) {
            return Path.of(configured.get()).toAbsolutePath().normalize();
        }
        return Database.h2File(settings.get("gateway.db.url")).map(Path::getParent).orElse(Path.of("data").toAbsolutePath())
                .resolve("admin-token").normalize();
    }

    /** What the door compares presented tokens with. */
    public byte[] sha256() {
        return sha256.clone();
    }

    public Path path() {
        return file;
    }

    /**
     * Writes the token and the loopback {@code url} of the server that accepts it: to a temporary file created
     * {@code rw-------} in the same folder, then moved into place, so no reader ever sees a partial file or
     * one with wider permissions. Then forgets the token.
     */
    public synchronized void publish(String url) throws IOException {
        if (secret == null) {
            throw new IllegalStateException("the local administrator token was published already");
        }
        Path dir = file.getParent();
        OwnerOnly.createDirectories(dir);
        String content = "# Liaison Gateway: the local administrator token of the serve running now (token create|list|revoke\n"
                + "# read it on this host). Written at serve's start, removed at its stop. Never copy it elsewhere.\n"
                + "url=" + url + "\n" + "token=" + text(secret) + "\n";
        Path temporary = Files.createTempFile(dir, ".admin-token-", ".tmp", OwnerOnly.fileAttributes(dir));
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            OwnerOnly.restrict(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        Arrays.fill(secret, (byte) 0);
        secret = null;
        published = true;
        LOG.info("local administrator token for token create|list|revoke on this host: {} (owner only; removed at stop)", file);
    }

    /** The file serve wrote: the loopback URL of its server and the token, read by {@code token …} on the host. */
    public record Published(String url, String token) {
        @Override
        public String toString() {
            return "Published[" + url + "]";
        }
    }

    /**
     * The file's contents; empty when there is no such file (no serve running with these settings).
     *
     * @throws IOException when it exists but cannot be read (another user's serve) or is not such a file
     */
    public static Optional<Published> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        String url = p.getProperty("url", "").strip();
        String token = p.getProperty("token", "").strip();
        if (url.isEmpty() || !FORM.matcher(token).matches()) {
            throw new IOException(file + " is not a local administrator token file written by serve");
        }
        return Optional.of(new Published(url, token));
    }

    /** Removes the file at a clean stop, unless another serve on the same settings has replaced it since. */
    @Override
    public synchronized void close() {
        if (!published) {
            return;
        }
        published = false;
        try {
            Optional<Published> now = read(file);
            if (now.isPresent() && !MessageDigest.isEqual(LocalAdminDoor.sha256(now.get().token()), sha256)) {
                LOG.warn("{} holds another serve's token now; left in place", file);
                return;
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove the local administrator token file {}: {}", file, e.getMessage());
        }
    }

    private static String text(byte[] secret) {
        return "lgwadmin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
