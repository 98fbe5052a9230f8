package io.liaison.gateway.deployment;

import java.util.Arrays;
import java.util.Locale;

/** What {@code init} does about the gateway's S/MIME identity. */
public enum SmimeChoice {
    /** No S/MIME key: the gateway runs OpenPGP only, and the directory must name no S/MIME contact. */
    NONE("none"),
    /** A key and a self-signed certificate, usable at once; contacts pin it by fingerprint (the directory pins theirs). */
    SELF_SIGNED("self-signed"),
    /** A key and a certificate signing request for a CA; S/MIME stays off in the settings until the certificate is back. */
    CSR("csr");

    private final String option;

    SmimeChoice(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static SmimeChoice parse(String text) {
        return Arrays.stream(values()).filter(c -> c.option.equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new DeploymentRefusedException("--smime " + text + ": expected none, self-signed or csr"));
    }
}
