package io.liaison.gateway.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code people} list of one point of contact. Every problem names the point of contact's
 * entry and the field ({@code people[1].role}), as every other directory problem does. A person's id,
 * OpenID Connect login (issuer and subject) and login e-mail each belong to one person in the whole
 * directory: a login that matched two people would let one act as the other.
 */
final class PeopleEntries {
    static final String FIELD = "people";
    private static final List<String> PERSON_KEYS = List.of("id", "name", "role", "oidc", "email");
    private static final List<String> OIDC_KEYS = List.of("issuer", "subject");

    private final Map<String, String> firstHolder;

    /** @param firstHolder who first used each person id and login, across the whole load */
    PeopleEntries(Map<String, String> firstHolder) {
        this.firstHolder = firstHolder;
    }

    List<Person> read(YamlEntry poc, String pocId, Optional<OrganisationKind> kind) {
        Optional<List<?>> raw = poc.list(FIELD, false);
        List<Person> people = new ArrayList<>();
        if (raw.isEmpty()) {
            return people;
        }
        for (int i = 0; i < raw.get().size(); i++) {
            String at = FIELD + "[" + i + "]";
            if (!(raw.get().get(i) instanceof Map<?, ?> m)) {
                poc.problem(at, "must be a mapping with id, name, role and a login (oidc and/or email); got "
                        + YamlText.describe(raw.get().get(i)));
                continue;
            }
            readOne(poc, at, m, pocId, kind).ifPresent(people::add);
        }
        return people;
    }

    private Optional<Person> readOne(YamlEntry poc, String at, Map<?, ?> m, String pocId, Optional<OrganisationKind> kind) {
        int problems = 0;
        Optional<String> id = text(poc, at, m, "id", true);
        Optional<String> name = text(poc, at, m, "name", true);
        Optional<String> roleText = text(poc, at, m, "role", true);
        Optional<Role> role = roleText.flatMap(Role::parse);
        if (roleText.isPresent() && role.isEmpty()) {
            poc.problem(at + ".role", "\"" + roleText.get() + "\" is not a role; use one of " + roleNames());
            problems++;
        }
        if (role.isPresent() && kind.isPresent() && !role.get().fits(kind.get())) {
            poc.problem(at + ".role", "\"" + role.get().yamlName() + "\" is not a role in " + kind.get().yamlName()
                    + " organisations; use one of " + rolesFor(kind.get()));
            problems++;
        }
        Optional<OidcIdentity> oidc = oidc(poc, at, m.get("oidc"));
        Optional<String> email = text(poc, at, m, "email", false);
        if (email.isPresent() && !DirectoryLoader.EMAIL.matcher(email.get()).matches()) {
            poc.problem(at + ".email", "\"" + email.get() + "\" is not an e-mail address (local-part@domain.example)");
            email = Optional.empty();
            problems++;
        }
        if (!m.containsKey("oidc") && !m.containsKey("email")) {
            poc.problem(at, "has no login: give oidc (issuer and subject) and/or email, or the person can never act");
            problems++;
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String k) || !PERSON_KEYS.contains(k)) {
                poc.problem(at + "." + key, "is not a known field; known fields: " + String.join(", ", PERSON_KEYS));
                problems++;
            }
        }
        String who = poc.name() + "." + at;
        if (id.isPresent() && !claim(poc, at + ".id", "person id " + id.get(), "person:" + id.get(), who)) {
            problems++;
        }
        if (oidc.isPresent() && !claim(poc, at + ".oidc", "OpenID Connect login " + oidc.get(),
                "oidc:" + oidc.get().issuer() + '\u0000' + oidc.get().subject(), who)) {
            problems++;
        }
        if (email.isPresent() && !claim(poc, at + ".email", "login e-mail " + email.get(),
                "login-email:" + email.get().toLowerCase(Locale.ROOT), who)) {
            problems++;
        }
        if (problems > 0 || id.isEmpty() || name.isEmpty() || role.isEmpty() || (m.containsKey("oidc") && oidc.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Person(id.get(), pocId, name.get(), role.get(), oidc, email));
    }

    private Optional<OidcIdentity> oidc(YamlEntry poc, String at, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> m)) {
            poc.problem(at + ".oidc", "must be a mapping with issuer and subject; got " + YamlText.describe(value));
            return Optional.empty();
        }
        Optional<String> issuer = text(poc, at + ".oidc", m, "issuer", true);
        Optional<String> subject = text(poc, at + ".oidc", m, "subject", true);
        boolean known = true;
        for (Object key : m.keySet()) {
            if (!(key instanceof String k) || !OIDC_KEYS.contains(k)) {
                poc.problem(at + ".oidc." + key, "is not a known field; known fields: " + String.join(", ", OIDC_KEYS));
                known = false;
            }
        }
        if (issuer.isPresent() && !issuer.get().startsWith("https://") && !loopback(issuer.get())) {
            // tokens from a provider reached in clear could be altered on the way: only https, or loopback for the demo
            poc.problem(at + ".oidc.issuer", "\"" + issuer.get() + "\" must be an https:// URL (http:// only on 127.0.0.1 or localhost)");
            return Optional.empty();
        }
        return issuer.isPresent() && subject.isPresent() && known
                ? Optional.of(new OidcIdentity(issuer.get(), subject.get())) : Optional.empty();
    }

    private static boolean loopback(String url) {
        return url.startsWith("http://127.0.0.1:") || url.startsWith("http://127.0.0.1/")
                || url.startsWith("http://localhost:") || url.startsWith("http://localhost/");
    }

    private static Optional<String> text(YamlEntry poc, String at, Map<?, ?> m, String key, boolean required) {
        Object value = m.get(key);
        if (value == null) {
            if (required) {
                poc.problem(at + "." + key, "is required");
            }
            return Optional.empty();
        }
        if (!(value instanceof String s) || s.isBlank()) {
            poc.problem(at + "." + key, "must be non-empty text; got " + YamlText.describe(value));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    private boolean claim(YamlEntry poc, String field, String what, String key, String who) {
        String earlier = firstHolder.putIfAbsent(key, who);
        if (earlier != null && !earlier.equals(who)) {
            poc.problem(field, what + " is already used by " + earlier + "; each person id and login belongs to one person");
            return false;
        }
        return true;
    }

    private static String roleNames() {
        return String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::yamlName).toList());
    }

    private static String rolesFor(OrganisationKind kind) {
        return String.join(", ", java.util.Arrays.stream(Role.values()).filter(r -> r.fits(kind)).map(Role::yamlName).toList());
    }
}
