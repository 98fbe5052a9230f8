package io.liaison.gateway.application;

/** Which door an actor came through; kept with every audit entry. */
public enum Via {
    /** A person logged in to the web console (OpenID Connect). */
    CONSOLE,
    /** A machine (or a CLI acting as an API client) with an organisation's API token. */
    API_TOKEN,
    /** Someone with a shell on the gateway host, naming a point of contact or person with {@code --as}. */
    CLI_LOCAL_ADMIN,
    /** The gateway itself: escalation steps, quarantine notices, retries. */
    GATEWAY
}
