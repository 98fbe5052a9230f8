package io.liaison.gateway.application;

import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.store.ApiToken;
import io.liaison.gateway.store.ApiTokenScope;
import io.liaison.gateway.store.ApiTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API tokens for machines and for the CLI acting as an API client: issued and revoked by the local
 * administrator on the gateway host, directly or through serve's loopback administrator door (audited as
 * {@code token.created} / {@code token.revoked}, with the door), shown
 * once, stored as SHA-256 of the secret, expiring, scoped {@code read} or {@code act}. A token acts for
 * one point of contact (optionally as one person of the directory); who that is and what they may do
 * comes from the directory at each request, so a token outlives no change of the directory.
 */
public final class ApiTokens {
    /** The longest life a token may be given: a forgotten token must die on its own. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(366);

    private final ApiTokenStore store;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;

    public ApiTokens(ApiTokenStore store, Actors actors, AuditLog audit, Clock clock) {
        this.store = store;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just issued: {@link #text()} is shown once and never again. */
    public record Issued(ApiToken token, String text) {
        @Override
        public String toString() {
            return "Issued[" + token.id() + "]";
        }
    }

    /**
     * How the local administrator reached the tokens, kept in the audit entry as {@code door}: on the host
     * with the database opened by the command itself, or through a running {@code serve}'s loopback door
     * with the local administrator token that serve wrote for its own user.
     */
    public enum AdminDoor {
        HOST_DATABASE("host-database"),
        LOOPBACK_ADMIN_TOKEN("loopback-admin-token");

        private final String auditName;

        AdminDoor(String auditName) {
            this.auditName = auditName;
        }

        public String auditName() {
            return auditName;
        }
    }

    /** Who a presented token acts as, and what it may do. */
    public record Grant(String tokenId, Actor actor, ApiTokenScope scope) {
    }

    /**
     * Issues a token for {@code pocId} (as {@code person} when given). Only the local administrator
     * issues tokens; the point of contact and person are checked against the directory now.
     */
    public Issued issue(Actor admin, String pocId, Optional<String> person, ApiTokenScope scope, Duration validity, String label) {
        return issue(admin, AdminDoor.HOST_DATABASE, pocId, person, scope, validity, label);
    }

    /** As {@link #issue(Actor, String, Optional, ApiTokenScope, Duration, String)}, recording which door the administrator used. */
    public Issued issue(Actor admin, AdminDoor door, String pocId, Optional<String> person, ApiTokenScope scope, Duration validity,
                        String label) {
        requireLocalAdmin(admin, "issue an API token");
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("--valid: between 1 minute and " + MAX_VALIDITY.toDays() + " days, was " + validity);
        }
        Actor holder = person.map(p -> actors.resolvePerson(new PersonId(p), Via.API_TOKEN))
                .orElseGet(() -> asToken(actors.resolveLocal(pocId)));
        if (!holder.pocId().equals(pocId)) {
            throw new IllegalArgumentException("person " + person.orElseThrow() + " acts for " + holder.pocId() + ", not " + pocId);
        }
        Instant now = clock.instant();
        ApiTokenSecret secret = ApiTokenSecret.generate();
        ApiToken token = new ApiToken(secret.id(), secret.sha256(), holder.organisationId(), pocId, person, scope,
                label == null || label.isBlank() ? "(no label)" : label.strip(), now, now.plus(validity), Optional.empty(),
                Optional.empty());
        store.add(token);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("token", token.id());
        details.put("for", pocId + person.map(p -> " as " + p).orElse(""));
        details.put("scope", scope.yamlName());
        details.put("expires", token.expiresAt().toString());
        details.put("door", door.auditName());
        audit.record(admin.auditRef(), AuditAction.TOKEN_CREATED, null, details);
        return new Issued(token, secret.text());
    }

    public List<ApiToken> list(Actor admin) {
        requireLocalAdmin(admin, "list API tokens");
        return store.all();
    }

    /** Revokes at once; false when there is no such token or it was revoked already. */
    public boolean revoke(Actor admin, String tokenId) {
        return revoke(admin, AdminDoor.HOST_DATABASE, tokenId);
    }

    /** As {@link #revoke(Actor, String)}, recording which door the administrator used. */
    public boolean revoke(Actor admin, AdminDoor door, String tokenId) {
        requireLocalAdmin(admin, "revoke an API token");
        boolean revoked = store.revoke(tokenId, clock.instant());
        if (revoked) {
            audit.record(admin.auditRef(), AuditAction.TOKEN_REVOKED, null, Map.of("token", tokenId, "door", door.auditName()));
        }
        return revoked;
    }

    /**
     * The grant of a presented token, or empty when it is malformed, unknown, wrong, revoked or expired
     * (the caller answers 401 alike for all: which one is not told). A token whose point of contact or
     * person left the directory is refused too.
     */
    public Optional<Grant> authenticate(String presented) {
        Optional<ApiTokenSecret> parsed = ApiTokenSecret.parse(presented);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiToken> stored = store.find(parsed.get().id());
        Instant now = clock.instant();
        if (stored.isEmpty() || !parsed.get().matches(stored.get().secretSha256()) || !stored.get().usableAt(now)) {
            return Optional.empty();
        }
        ApiToken t = stored.get();
        Actor actor;
        try {
            actor = t.person().map(p -> actors.resolvePerson(new PersonId(p), Via.API_TOKEN))
                    .orElseGet(() -> asToken(actors.resolveLocal(t.pocId())));
        } catch (UnknownActorException e) {
            return Optional.empty();
        }
        if (!actor.pocId().equals(t.pocId())) {
            return Optional.empty(); // the person moved to another point of contact since
        }
        store.used(t.id(), now);
        return Optional.of(new Grant(t.id(), actor, t.scope()));
    }

    /** The point of contact as {@code --as} names it (role from its people, or its kind's acting role), through the API. */
    private static Actor asToken(Actor local) {
        return new Actor(local.person(), local.pocId(), local.organisationId(), local.kind(), local.role(), Via.API_TOKEN);
    }

    private static void requireLocalAdmin(Actor admin, String what) {
        if (admin.via() != Via.CLI_LOCAL_ADMIN) {
            throw new ActionRefusedException(admin, Action.VIEW_DIRECTORY, "API tokens", Verdict.FORBIDDEN,
                    "only the local administrator on the gateway host may " + what);
        }
    }
}
