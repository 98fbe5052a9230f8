package io.liaison.gateway.deployment;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the operator asked {@code init} for.
 *
 * @param folder       the deployment folder: absent or empty
 * @param gatewayName  the gateway's display name, in its key's user ID and its From address
 * @param gatewayEmail the gateway's own e-mail address (From, and where replies come back)
 * @param smime        whether to make an S/MIME key, and with what certificate
 */
public record DeploymentRequest(Path folder, String gatewayName, String gatewayEmail, SmimeChoice smime) {
    /** Plain enough for a From address and a user ID; the directory's own check is stricter about contacts. */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    public DeploymentRequest {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(smime, "smime");
        if (gatewayName == null || gatewayName.isBlank() || gatewayName.chars().anyMatch(c -> c < 0x20 || c == '<' || c == '>')) {
            throw new DeploymentRefusedException("--name: \"" + gatewayName + "\" must be a plain display name (no control characters, no < or >)");
        }
        if (gatewayEmail == null || !EMAIL.matcher(gatewayEmail).matches()) {
            throw new DeploymentRefusedException("--email: \"" + gatewayEmail + "\" is not an e-mail address like gateway@nisc.go.jp");
        }
        // The H2 URL ends its file path at the first ';': a folder holding one would put the database elsewhere.
        if (folder.toAbsolutePath().toString().contains(";")) {
            throw new DeploymentRefusedException(folder + ": a deployment folder's path must not contain ';' (it ends the database URL's path)");
        }
    }

    /** "Liaison Gateway (NISC) &lt;gateway@nisc.go.jp&gt;": the key's user ID and the From address alike. */
    public String mailbox() {
        return gatewayName.strip() + " <" + gatewayEmail + ">";
    }
}
