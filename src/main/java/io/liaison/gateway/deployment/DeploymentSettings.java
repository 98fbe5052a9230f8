package io.liaison.gateway.deployment;

import java.time.LocalDate;

/**
 * The settings file {@code init} writes: only what a deployment must decide, every path absolute, and no secret
 * in it: each one is the name of an environment variable (or a file) the gateway reads at start. Everything
 * not named here keeps the built-in default (see {@code application.properties}).
 */
final class DeploymentSettings {
    private DeploymentSettings() {
    }

    static String render(DeploymentRequest request, DeploymentLayout layout, SmimeChoice smime, LocalDate today) {
        String smimeLines = switch (smime) {
            case SELF_SIGNED -> """
                    # S/MIME: the gateway's key (encrypted with the same passphrase as the OpenPGP key) and its self-signed
                    # certificate. Give %s to S/MIME contacts with its SHA-256 fingerprint.
                    gateway.smime.key.file=%s
                    gateway.smime.certificate.file=%s
                    """.formatted(escape(layout.smimeCertificate().toString()), escape(layout.smimeKey().toString()),
                    escape(layout.smimeCertificate().toString()));
            case CSR -> """
                    # S/MIME is off until your CA returns the certificate for %s. Then save it as
                    # %s and uncomment both lines (the key is encrypted with the gateway's passphrase).
                    # Until then the directory must name no S/MIME contact.
                    gateway.smime.key.file=
                    #gateway.smime.key.file=%s
                    #gateway.smime.certificate.file=%s
                    """.formatted(escape(layout.smimeRequest().toString()), escape(layout.smimeCertificate().toString()),
                    escape(layout.smimeKey().toString()), escape(layout.smimeCertificate().toString()));
            case NONE -> """
                    # No S/MIME key: OpenPGP only, and the directory must name no S/MIME contact.
                    gateway.smime.key.file=
                    """;
        };
        return """
                # Liaison Gateway deployment settings, written by `init` on %1$s.
                # Every path is absolute: any command given --config %2$s
                # reads the same database and files from whatever folder it is run in.
                # No secret is written here: each is read at start from the environment variable (or file) named.
                # Settings not listed keep their built-in defaults (application.properties in the artifact).

                # --- directory and keys ---
                gateway.directory=%3$s
                gateway.key.file=%4$s
                # The passphrase of gateway.key.file: the environment variable LIAISON_KEY_PASSPHRASE, or
                # LIAISON_KEY_PASSPHRASE_FILE naming a file that holds it, or this file (owner-only). Never the command line.
                gateway.key.passphrase-file=
                %5$s
                gateway.from-address=%6$s
                gateway.demo-mode=false
                gateway.reference-prefix=NISC
                gateway.zone=Asia/Tokyo

                # --- database: H2 in this folder; its password from LIAISON_DB_PASSWORD (or gateway.db.password-file) ---
                gateway.db.url=%7$s
                gateway.db.user=sa
                gateway.db.password-env=LIAISON_DB_PASSWORD
                gateway.db.password-file=
                gateway.dispatch.journal-dir=%8$s

                # --- e-mail: your organisation's submission relay. STARTTLS is required; the relay's certificate must chain
                # to the JVM's roots or to gateway.tls.truststore.file (PKCS #12 or JKS). Password from LIAISON_SMTP_PASSWORD.
                gateway.smtp.host=smtp.example.invalid
                gateway.smtp.port=587
                gateway.smtp.starttls=required
                gateway.smtp.username=
                gateway.smtp.password-env=LIAISON_SMTP_PASSWORD
                gateway.tls.truststore.file=
                gateway.tls.truststore.password-env=LIAISON_TRUSTSTORE_PASSWORD

                # --- SMS: your SMS provider's SMPP 3.4 account, over TLS. Password from LIAISON_SMPP_PASSWORD.
                gateway.smpp.host=smpp.example.invalid
                gateway.smpp.port=3550
                gateway.smpp.tls=true
                gateway.smpp.system-id=liaisongw
                gateway.smpp.password-env=LIAISON_SMPP_PASSWORD
                gateway.smpp.source-address=NISC-LGW

                # --- fax: an e-mail-to-fax gateway (FAX=+81...@domain, through the SMTP relay above), or a fax server's
                # spool folder (gateway.fax.mode=spool).
                gateway.fax.mode=email
                gateway.fax.gateway-domain=faxgw.example.invalid
                gateway.fax.spool-dir=%9$s

                # --- inbound replies over IMAPS: off until the gateway's mailbox exists. Password from LIAISON_IMAP_PASSWORD.
                gateway.imap.enabled=false
                gateway.imap.host=imap.example.invalid
                gateway.imap.port=993
                gateway.imap.username=gateway
                gateway.imap.password-env=LIAISON_IMAP_PASSWORD

                # --- escalation: the duty officer (a point of contact id in the directory) told when nobody confirms
                gateway.escalation.duty-poc=nisc-duty

                # --- logs: text lines on standard error unless set. json = one JSON object per line (a log collector);
                # a file is appended to, never rotated by the gateway (logrotate with copytruncate).
                #gateway.log.format=json
                #gateway.log.file=%10$s
                """.formatted(today, escape(layout.settings().toString()), escape(layout.directory().toString()),
                escape(layout.openPgpSecretKey().toString()), smimeLines.strip(), escape(request.mailbox()),
                escape(layout.databaseUrl()), escape(layout.journals().toString()), escape(layout.faxSpool().toString()),
                escape(layout.root().resolve("gateway.log").toString()));
    }

    /** A properties value: backslashes doubled (Windows paths), nothing else needs escaping in these values. */
    static String escape(String value) {
        return value.replace("\\", "\\\\");
    }
}
