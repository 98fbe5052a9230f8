package io.liaison.gateway.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A person who acts for one point of contact. Who they are, which point of contact and organisation
 * they act for and their role come from here; a login only says which person authenticated.
 *
 * @param oidc  the OpenID Connect login that identifies them, if they log in to the console
 * @param email their own e-mail address as a login identity (not a delivery channel), if any
 */
public record Person(String id, String pocId, String name, Role role, Optional<OidcIdentity> oidc, Optional<String> email) {
    public Person {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pocId, "pocId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(oidc, "oidc");
        Objects.requireNonNull(email, "email");
    }
}
