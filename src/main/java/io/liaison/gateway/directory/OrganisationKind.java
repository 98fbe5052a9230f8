package io.liaison.gateway.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What role an organisation plays in the information-sharing system. */
public enum OrganisationKind {
    NISC, MINISTRY, CEPTOAR, COUNCIL, OPERATOR, AGENCY;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrganisationKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName().equals(text)).findFirst();
    }
}
