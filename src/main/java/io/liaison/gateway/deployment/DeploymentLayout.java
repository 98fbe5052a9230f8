package io.liaison.gateway.deployment;

import java.nio.file.Path;

/**
 * Where each part of a deployment lives inside its folder. Every path is absolute, so no command's meaning
 * depends on the folder it is run from (the trial's {@code status} opened an empty database that way).
 */
public record DeploymentLayout(Path root) {
    public DeploymentLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path settings() {
        return root.resolve("gateway.properties");
    }

    public Path directory() {
        return root.resolve("directory.yaml");
    }

    /** Contacts' certificates, named in the directory relative to its own folder: {@code certs/<poc-id>.asc}. */
    public Path certificates() {
        return root.resolve("certs");
    }

    public Path keys() {
        return root.resolve("keys");
    }

    /** The gateway's secret OpenPGP key, protected by the passphrase. */
    public Path openPgpSecretKey() {
        return keys().resolve("gateway.sec.asc");
    }

    /** The gateway's public certificate: what every point of contact is given. */
    public Path openPgpCertificate() {
        return root.resolve("gateway-certificate.asc");
    }

    public Path smimeKey() {
        return keys().resolve("smime-gateway.key.pem");
    }

    public Path smimeCertificate() {
        return root.resolve("gateway-smime.pem");
    }

    public Path smimeRequest() {
        return root.resolve("gateway-smime.csr.pem");
    }

    /** Database, acceptance journals, fax spool: what the gateway writes while it runs. */
    public Path data() {
        return root.resolve("data");
    }

    /** The embedded H2 database's file prefix (H2 adds {@code .mv.db}). */
    public Path database() {
        return data().resolve("gateway");
    }

    public Path journals() {
        return data().resolve("journal");
    }

    public Path faxSpool() {
        return data().resolve("fax-spool");
    }

    public Path notices() {
        return root.resolve("notices");
    }

    /**
     * The database URL: the built-in one's options with this folder's absolute path. WRITE_DELAY=0 keeps a commit
     * on disk before the next message goes out; DB_CLOSE_ON_EXIT=FALSE leaves closing to the gateway.
     */
    public String databaseUrl() {
        return "jdbc:h2:file:" + database() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;FILE_LOCK=FS";
    }
}
