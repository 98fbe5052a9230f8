package io.liaison.gateway.directory;

import java.util.Locale;

/** The independent means by which a point of contact is reached. */
public enum ChannelKind {
    EMAIL, SMS, FAX;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
