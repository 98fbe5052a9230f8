package io.liaison.gateway.directory;

import java.util.Objects;

/** A login at an OpenID Connect provider: the issuer and the subject it gives the person (never their claims). */
public record OidcIdentity(String issuer, String subject) {
    public OidcIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return subject + " at " + issuer;
    }
}
