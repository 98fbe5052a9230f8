package io.liaison.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens (docs/seams.md §2): hashed secrets, scope, expiry, revocation. */
public interface ApiTokenStore {

    /** Stores a new token; an id already taken is refused (a {@link StoreException}-like failure of the adapter). */
    void add(ApiToken token);

    Optional<ApiToken> find(String id);

    /** Every token, newest first; revoked and expired ones included (an auditor wants to see them). */
    List<ApiToken> all();

    /** Marks the token revoked at {@code now}; false when there is no such token or it was revoked already. */
    boolean revoke(String id, Instant now);

    /** Records a use, so an operator can see which tokens are alive. */
    void used(String id, Instant now);
}
