package io.liaison.gateway.interfaces.web.session;

import io.liaison.gateway.application.Actor;
import io.liaison.gateway.application.Actors;
import io.liaison.gateway.application.UnknownActorException;
import io.liaison.gateway.application.Via;
import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.OidcIdentity;
import io.liaison.gateway.interfaces.http.GatewayHttpServer;
import io.liaison.gateway.interfaces.web.WebRequest;
import io.liaison.gateway.application.ConsoleSessions;
import io.liaison.gateway.store.ConsoleSession;
import io.liaison.gateway.store.PendingLogin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's login and sessions, mounted before every other door (docs/seams.md section 6).
 *
 * <p>People log in at their organisation's OpenID Connect provider with the authorization code flow and
 * PKCE; state, nonce and verifier are kept in the database (any gateway of several finishes the login),
 * used once, for {@value #LOGIN_MINUTES} minutes. The provider says only who logged in (issuer and subject):
 * the person, point of contact, organisation and role come from the directory, at every request — a person
 * removed from the directory is logged out at their next click. Sessions live in the database, found by
 * the SHA-256 of the cookie's value; the cookie is HttpOnly, SameSite=Lax (Strict would drop it on the way
 * back from the provider) and Secure whenever the console is served over TLS. Every request that may change
 * something carries the session's CSRF token (form field {@code _csrf}, or header {@code X-CSRF-Token}).
 */
public final class SessionDoor implements GatewayHttpServer.Door {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDoor.class);
    static final int LOGIN_MINUTES = 10;
    /** A session's last use is written at most this often: every click would otherwise be a write. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
    private static final List<String> OPEN = List.of("/login", "/login/callback", "/health");

    private final ConsoleLogin login;
    private final ConsoleSessions store;
    private final Actors actors;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Future<OAuth2Auth>> providers = new ConcurrentHashMap<>();
    private Vertx vertx;

    public SessionDoor(ConsoleLogin login, ConsoleSessions store, Actors actors, AuditLog audit, Clock clock) {
        this.login = login;
        this.store = store;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void mount(Vertx vertx, Router router) {
        this.vertx = vertx;
        // After the security headers (-1000) and the body (-900), before every page and the API's routes.
        router.route().order(-800).blockingHandler(this::session, false);
        router.get("/login").blockingHandler(this::loginPage, false);
        router.get("/login/callback").blockingHandler(this::callback, false);
        router.post("/logout").blockingHandler(this::logout, false);
    }

    // ---- every request ----

    private void session(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (OPEN.contains(path) || path.startsWith("/assets/") || path.startsWith("/api/")) {
            ctx.next(); // the API authenticates its bearer tokens itself; a cookie never authorises it
            return;
        }
        Instant now = clock.instant();
        Optional<String> id = Optional.ofNullable(ctx.request().getCookie(login.cookieName())).map(Cookie::getValue);
        Optional<ConsoleSession> found = id.flatMap(v -> store.find(sha256(v)));
        if (found.isPresent() && expired(found.get(), now).isPresent()) {
            store.end(found.get().idSha256());
            audit.record(ActorRef.gateway(), AuditAction.SESSION_LOGOUT, null, Map.of("reason", expired(found.get(), now).get(),
                    "issuer", found.get().issuer(), "subject", found.get().subject()));
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            refuseWithoutSession(ctx);
            return;
        }
        ConsoleSession s = found.get();
        String csrfToken = csrfToken(id.get());
        Actor actor;
        try {
            actor = actors.resolve(new OidcIdentity(s.issuer(), s.subject()), Via.CONSOLE);
        } catch (UnknownActorException e) {
            store.end(s.idSha256());
            audit.record(ActorRef.gateway(), AuditAction.SESSION_LOGOUT, null, Map.of("reason", "no longer in the directory",
                    "issuer", s.issuer(), "subject", s.subject()));
            page(ctx, 403, "ログインできません / Not allowed", "この方はゲートウェイの名簿に登録されていません。"
                    + " / The gateway's directory no longer names you; your session has ended.");
            return;
        }
        HttpMethod m = ctx.request().method();
        if (!(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS)) {
            String sent = Optional.ofNullable(ctx.request().getFormAttribute(WebRequest.CSRF_FIELD))
                    .orElse(ctx.request().getHeader(WebRequest.CSRF_HEADER));
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), csrfToken.getBytes(StandardCharsets.UTF_8))) {
                page(ctx, 403, "フォームの有効期限切れ / Form token missing or wrong",
                        "このフォームは送信されませんでした。ページを再読み込みしてやり直してください。"
                                + " / Nothing was done or stored: the form's token was missing or wrong. Reload the page and try again.");
                return;
            }
        }
        if (Duration.between(s.lastSeenAt(), now).compareTo(TOUCH_EVERY) >= 0) {
            store.touch(s.idSha256(), now);
        }
        WebRequest.attach(ctx, actor, csrfToken, locale(ctx));
        ctx.next();
    }

    private Optional<String> expired(ConsoleSession s, Instant now) {
        if (!now.isBefore(s.createdAt().plus(login.absoluteTimeout()))) {
            return Optional.of("absolute time-out");
        }
        if (!now.isBefore(s.lastSeenAt().plus(login.idleTimeout()))) {
            return Optional.of("idle time-out");
        }
        return Optional.empty();
    }

    private void refuseWithoutSession(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD) {
            String next = ctx.request().uri();
            ctx.response().setStatusCode(302).putHeader("Location", "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))
                    .putHeader("Cache-Control", "no-store").end();
        } else {
            page(ctx, 401, "ログインしてください / Please log in", "ログインしていないため、何も行われませんでした。"
                    + " / You are not logged in (or your session ended); nothing was done or stored.");
        }
    }

    static Locale locale(RoutingContext ctx) {
        // The console's language switch sets console_lang (docs/seams.md §6); a plain lang cookie is honoured too.
        Cookie lang = Optional.ofNullable(ctx.request().getCookie("console_lang")).orElse(ctx.request().getCookie("lang"));
        if (lang != null) {
            return "en".equals(lang.getValue()) ? Locale.ENGLISH : Locale.JAPANESE;
        }
        String accept = Optional.ofNullable(ctx.request().getHeader("Accept-Language")).orElse("ja").trim().toLowerCase(Locale.ROOT);
        return accept.startsWith("en") ? Locale.ENGLISH : Locale.JAPANESE;
    }

    // ---- login ----

    private void loginPage(RoutingContext ctx) {
        String next = localPath(ctx.request().getParam("next"));
        Optional<String> chosen = Optional.ofNullable(ctx.request().getParam("provider"));
        if (chosen.isEmpty() && login.providers().size() == 1) {
            chosen = Optional.of(login.providers().get(0).id());
        }
        if (chosen.isPresent()) {
            Optional<ConsoleLogin.Provider> provider = login.provider(chosen.get());
            if (provider.isEmpty()) {
                page(ctx, 400, "不明な認証先 / Unknown identity provider", "No identity provider \"" + chosen.get() + "\" is configured.");
                return;
            }
            begin(ctx, provider.get(), next);
            return;
        }
        StringBuilder list = new StringBuilder("<ul class=\"providers\">");
        for (ConsoleLogin.Provider p : login.providers()) {
            list.append("<li><a href=\"/login?provider=").append(Html.attr(p.id())).append("&amp;next=")
                    .append(Html.attr(URLEncoder.encode(next, StandardCharsets.UTF_8))).append("\">")
                    .append(Html.text(p.label())).append("</a></li>");
        }
        list.append("</ul>");
        if (login.providers().isEmpty()) {
            list = new StringBuilder("<p>No identity provider is configured (gateway.console.oidc.providers).</p>");
        }
        Html.send(ctx, 200, "ログイン / Log in", "<p>所属組織の認証でログインしてください。 / Log in with your organisation's account.</p>"
                + list);
    }

    private void begin(RoutingContext ctx, ConsoleLogin.Provider provider, String next) {
        OAuth2Auth auth;
        try {
            auth = provider(provider);
        } catch (RuntimeException e) {
            LOG.warn("identity provider {} at {} cannot be reached: {}", provider.id(), provider.issuer(), e.getMessage());
            page(ctx, 503, "認証先に接続できません / Identity provider unreachable", "The identity provider " + provider.label()
                    + " could not be reached; try again in a moment.");
            return;
        }
        String state = randomToken(32);
        String verifier = randomToken(48);
        String nonce = randomToken(24);
        store.beginLogin(new PendingLogin(sha256(state), provider.id(), nonce, verifier, next, clock.instant()));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256Bytes(verifier));
        String url = auth.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(login.redirectUri()).setScopes(List.of("openid"))
                .setState(state).setAdditionalParameters(Map.of("code_challenge", challenge, "code_challenge_method", "S256",
                        "nonce", nonce)));
        ctx.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end();
    }

    private void callback(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        String error = ctx.request().getParam("error");
        if (state == null || state.isBlank()) {
            page(ctx, 400, "ログインできません / Login failed", "The identity provider's answer has no state; log in again.");
            return;
        }
        Optional<PendingLogin> pending = store.takeLogin(sha256(state));
        Instant now = clock.instant();
        if (pending.isEmpty() || now.isAfter(pending.get().createdAt().plus(Duration.ofMinutes(LOGIN_MINUTES)))) {
            refused(ctx, 400, pending.map(PendingLogin::provider).orElse("?"), "?", "?",
                    pending.isEmpty() ? "unknown or already used state" : "login older than " + LOGIN_MINUTES + " minutes",
                    "This login link was already used or has expired; log in again.");
            return;
        }
        ConsoleLogin.Provider provider = login.provider(pending.get().provider()).orElse(null);
        if (provider == null) {
            page(ctx, 400, "ログインできません / Login failed", "The identity provider of this login is no longer configured.");
            return;
        }
        if (error != null || code == null) {
            refused(ctx, 401, provider.id(), provider.issuer(), "?", "the provider answered " + (error == null ? "without a code" : error),
                    "The identity provider did not log you in" + (error == null ? "." : " (" + error + ")."));
            return;
        }
        JsonObject idToken;
        try {
            User user = provider(provider).authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE).setCode(code)
                    .setRedirectUri(login.redirectUri()).setCodeVerifier(pending.get().codeVerifier()))
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            idToken = user.attributes().getJsonObject("idToken");
        } catch (Exception e) {
            refused(ctx, 401, provider.id(), provider.issuer(), "?", "code exchange failed: " + rootMessage(e),
                    "The identity provider's answer could not be verified; log in again.");
            return;
        }
        Optional<String> wrong = checkIdToken(idToken, provider, pending.get().nonce());
        if (wrong.isPresent()) {
            refused(ctx, 401, provider.id(), provider.issuer(), idToken == null ? "?" : idToken.getString("sub", "?"), wrong.get(),
                    "The identity provider's answer could not be verified; log in again.");
            return;
        }
        OidcIdentity who = new OidcIdentity(idToken.getString("iss"), idToken.getString("sub"));
        Actor actor;
        try {
            actor = actors.resolve(who, Via.CONSOLE);
        } catch (UnknownActorException e) {
            refused(ctx, 403, provider.id(), who.issuer(), who.subject(), "no person in the directory logs in so",
                    "You logged in at " + provider.label() + ", but the gateway's directory names nobody with that login."
                            + " Ask NISC's gateway operators to add you (person, point of contact, role).");
            return;
        }
        // Housekeeping at each login: sessions nobody came back to, logins abandoned at the provider.
        store.forgetExpired(now.minus(login.idleTimeout()), now.minus(login.absoluteTimeout()),
                now.minus(Duration.ofMinutes(LOGIN_MINUTES)));
        // A fresh id at every login: an id planted in the browser before the login never becomes a session.
        String sessionId = randomToken(32);
        store.create(new ConsoleSession(sha256(sessionId), who.issuer(), who.subject(), provider.id(), now, now));
        Map<String, String> details = new TreeMap<>();
        details.put("provider", provider.id());
        details.put("issuer", who.issuer());
        details.put("subject", who.subject());
        audit.record(actor.auditRef(), AuditAction.SESSION_LOGIN, null, details);
        LOG.info("console login: {} for {} of {} via {}", actor.person().map(Object::toString).orElse(who.subject()), actor.pocId(),
                actor.organisationId(), provider.id());
        ctx.response().addCookie(Cookie.cookie(login.cookieName(), sessionId).setPath("/").setHttpOnly(true)
                .setSecure(login.secureCookie()).setSameSite(CookieSameSite.LAX));
        ctx.response().setStatusCode(302).putHeader("Location", pending.get().nextPath()).putHeader("Cache-Control", "no-store").end();
    }

    private Optional<String> checkIdToken(JsonObject idToken, ConsoleLogin.Provider provider, String nonce) {
        if (idToken == null) {
            return Optional.of("no ID token");
        }
        if (!provider.issuer().equals(idToken.getString("iss"))) {
            return Optional.of("ID token issuer " + idToken.getString("iss") + " is not the provider's " + provider.issuer());
        }
        Object aud = idToken.getValue("aud");
        boolean ours = aud instanceof String s ? s.equals(provider.clientId())
                : aud instanceof JsonArray a && a.contains(provider.clientId());
        if (!ours) {
            return Optional.of("ID token not for this gateway's client id");
        }
        String sent = idToken.getString("nonce");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("ID token nonce does not match the login's");
        }
        String sub = idToken.getString("sub");
        if (sub == null || sub.isBlank()) {
            return Optional.of("ID token without a subject");
        }
        return Optional.empty();
    }

    private void refused(RoutingContext ctx, int status, String provider, String issuer, String subject, String reason, String shown) {
        Map<String, String> details = new TreeMap<>();
        details.put("provider", provider);
        details.put("issuer", issuer);
        details.put("subject", subject);
        details.put("reason", reason);
        audit.record(ActorRef.gateway(), AuditAction.SESSION_REFUSED, null, details);
        LOG.warn("console login refused ({}): {} at {}", reason, subject, issuer);
        page(ctx, status, "ログインできません / Login refused", shown);
    }

    // ---- logout ----

    private void logout(RoutingContext ctx) {
        Actor actor = WebRequest.actor(ctx); // the session handler ran: there is a session and the CSRF token matched
        Cookie cookie = ctx.request().getCookie(login.cookieName());
        store.end(sha256(cookie.getValue()));
        audit.record(actor.auditRef(), AuditAction.SESSION_LOGOUT, null, Map.of("reason", "logout"));
        ctx.response().addCookie(Cookie.cookie(login.cookieName(), "").setPath("/").setHttpOnly(true).setSecure(login.secureCookie())
                .setSameSite(CookieSameSite.LAX).setMaxAge(0));
        Html.send(ctx, 200, "ログアウトしました / Logged out", "<p><a href=\"/login\">ログイン / Log in again</a></p>");
    }

    // ---- parts ----

    private OAuth2Auth provider(ConsoleLogin.Provider p) {
        Future<OAuth2Auth> f = providers.computeIfAbsent(p.id(), id -> OpenIDConnectAuth.discover(vertx, new OAuth2Options()
                .setFlow(OAuth2FlowType.AUTH_CODE).setClientId(p.clientId()).setClientSecret(p.clientSecret()).setSite(p.issuer())));
        try {
            return f.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            providers.remove(p.id(), f); // tried again at the next login
            throw new IllegalStateException("discovery at " + p.issuer() + " failed: " + rootMessage(e), e);
        }
    }

    /** A local path to return to after the login; anything else (another site, {@code //host}) goes home. */
    static String localPath(String next) {
        if (next == null || next.isEmpty() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f) || next.startsWith("/login")) {
            return "/";
        }
        return next;
    }

    private static void page(RoutingContext ctx, int status, String title, String message) {
        Html.send(ctx, status, title, "<p>" + Html.text(message) + "</p><p><a href=\"/login\">ログイン / Log in</a></p>");
    }

    private String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * The session's CSRF token, derived from its id rather than stored: the table holds neither, and the
     * token is worthless without the cookie it comes from.
     */
    static String csrfToken(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256Bytes("csrf:" + sessionId));
    }

    static String sha256(String value) {
        return HexFormat.of().formatHex(sha256Bytes(value));
    }

    private static byte[] sha256Bytes(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
