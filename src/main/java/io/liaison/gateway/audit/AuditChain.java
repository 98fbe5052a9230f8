package io.liaison.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How entries are chained: {@code hash = hex(SHA-256(previousHash || body))}, where {@code body} is the
 * {@link CanonicalJson canonical JSON} of the entry without its hash and {@code previousHash} the
 * 64 hex digits of the entry before (64 zeros before the first). An export line is the canonical JSON
 * of the entry with its hash, so removing {@code ,"hash":"…"} from a line gives back the body exactly.
 */
public final class AuditChain {
    /** The previous hash of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * Gives {@code event} its place after {@code previousHash}. The time is kept to the millisecond,
     * which every supported database stores exactly, so the hash recomputed from a read entry matches.
     */
    public static AuditEntry seal(long sequence, Instant at, AuditEvent event, String previousHash) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        String body = body(sequence, millis, event.who(), event.action().verb(), event.reference(), event.details(), previousHash);
        return new AuditEntry(sequence, millis, event.who(), event.action().verb(), event.reference(), event.details(),
                previousHash, hash(previousHash, body));
    }

    /**
     * An event's canonical parts that do not depend on its place in the chain, written before the
     * appender takes the chain's lock: the details (the largest part) are written once, for the hash
     * and for the stored column both. {@link #seal(long, Instant, String)} then fills in the time, the
     * sequence and the previous hash. The body it hashes is, byte for byte, the one
     * {@link #expectedHash(AuditEntry)} recomputes (the keys of an entry in canonical order are action,
     * at, details, previousHash, reference, sequence, who).
     */
    public static Draft draft(AuditEvent event) {
        return new Draft(event, CanonicalJson.write(event.details()));
    }

    /** See {@link #draft(AuditEvent)}. */
    public static final class Draft {
        private final AuditEvent event;
        private final String detailsJson;
        private final String head;
        private final String middle;
        private final String tail;
        private final String who;

        private Draft(AuditEvent event, String detailsJson) {
            this.event = event;
            this.detailsJson = detailsJson;
            this.head = "{\"action\":" + CanonicalJson.write(event.action().verb()) + ",\"at\":";
            this.middle = ",\"details\":" + detailsJson + ",\"previousHash\":";
            this.tail = ",\"reference\":" + CanonicalJson.write(event.reference().orElse(null)) + ",\"sequence\":";
            this.who = ",\"who\":" + CanonicalJson.write(whoJson(event.who())) + "}";
        }

        /** The details as the trail stores them (canonical JSON). */
        public String detailsJson() {
            return detailsJson;
        }

        /** As {@link AuditChain#seal(long, Instant, AuditEvent, String)}, from the parts written beforehand. */
        public AuditEntry seal(long sequence, Stamp at, String previousHash) {
            String body = head + at.json() + middle + quotedHash(previousHash) + tail + sequence + who;
            return new AuditEntry(sequence, at.instant(), event.who(), event.action().verb(), event.reference(), event.details(),
                    previousHash, hash(previousHash, body));
        }
    }

    /** An entry's time as the chain keeps it (to the millisecond) and as its body writes it; one per appended batch. */
    public record Stamp(Instant instant, String json) {
        public static Stamp of(Instant at) {
            Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
            return new Stamp(millis, CanonicalJson.write(DateTimeFormatter.ISO_INSTANT.format(millis)));
        }
    }

    /** A hash is 64 hex digits, which JSON writes as they are; anything else (a damaged head row) goes the long way. */
    private static String quotedHash(String hash) {
        for (int i = 0; i < hash.length(); i++) {
            char ch = hash.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return CanonicalJson.write(hash);
            }
        }
        return '"' + hash + '"';
    }

    /** The hash {@code entry} should carry, recomputed from its content. */
    public static String expectedHash(AuditEntry e) {
        return hash(e.previousHash(), body(e.sequence(), e.at(), e.who(), e.action(), e.reference(), e.details(), e.previousHash()));
    }

    /** The entry as one export line (canonical JSON, hash included, no line end). */
    public static String line(AuditEntry e) {
        Map<String, Object> m = fields(e.sequence(), e.at(), e.who(), e.action(), e.reference(), e.details(), e.previousHash());
        m.put("hash", e.hash());
        return CanonicalJson.write(m);
    }

    /**
     * Reads an export line back. The line must be exactly canonical: a line whose content is unchanged
     * but whose form was (spaces, key order) would verify here and not with the shell procedure.
     *
     * @throws IllegalArgumentException naming what is wrong with the line
     */
    public static AuditEntry parseLine(String line) {
        Object parsed = CanonicalJson.read(line);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        long sequence = number(map, "sequence");
        String at = text(map, "at");
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" is not an ISO-8601 instant: " + at);
        }
        ActorRef who = who(map.get("who"));
        Object reference = map.get("reference");
        if (reference != null && !(reference instanceof String)) {
            throw new IllegalArgumentException("\"reference\" must be a text or null");
        }
        Object details = map.get("details");
        if (!(details instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException("\"details\" must be an object");
        }
        Map<String, String> detailMap = new HashMap<>();
        for (Map.Entry<?, ?> de : d.entrySet()) {
            if (!(de.getValue() instanceof String v)) {
                throw new IllegalArgumentException("detail \"" + de.getKey() + "\" must be a text");
            }
            detailMap.put((String) de.getKey(), v);
        }
        if (map.size() != 8) {
            throw new IllegalArgumentException("an entry has exactly the fields action, at, details, hash, previousHash,"
                    + " reference, sequence, who; this line has " + map.keySet());
        }
        AuditEntry entry = new AuditEntry(sequence, instant, who, text(map, "action"), Optional.ofNullable((String) reference),
                detailMap, hex(map, "previousHash"), hex(map, "hash"));
        if (!line(entry).equals(line)) {
            throw new IllegalArgumentException("the line is not in canonical form (keys sorted, no spaces): it was edited");
        }
        return entry;
    }

    /** The exact bytes a checkpoint signature covers: ASCII {@code "<sequence> <hash>"}, no line end. */
    public static byte[] checkpointPayload(long sequence, String hash) {
        return (sequence + " " + hash).getBytes(StandardCharsets.US_ASCII);
    }

    static String body(long sequence, Instant at, ActorRef who, String action, Optional<String> reference,
                       Map<String, String> details, String previousHash) {
        return CanonicalJson.write(fields(sequence, at, who, action, reference, details, previousHash));
    }

    private static Map<String, Object> fields(long sequence, Instant at, ActorRef who, String action, Optional<String> reference,
                                              Map<String, String> details, String previousHash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("at", DateTimeFormatter.ISO_INSTANT.format(at));
        m.put("details", details);
        m.put("previousHash", previousHash);
        m.put("reference", reference.orElse(null));
        m.put("sequence", sequence);
        m.put("who", whoJson(who));
        return m;
    }

    private static Object whoJson(ActorRef who) {
        if (who.isGateway()) {
            return "gateway";
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", who.organisationId());
        m.put("person", who.person().orElse(null));
        m.put("pocId", who.pocId());
        return m;
    }

    private static ActorRef who(Object json) {
        if ("gateway".equals(json)) {
            return ActorRef.gateway();
        }
        if (json instanceof Map<?, ?> m && m.get("pocId") instanceof String poc && m.get("organisationId") instanceof String org
                && (m.get("person") == null || m.get("person") instanceof String)) {
            return new ActorRef(Optional.ofNullable((String) m.get("person")), poc, org);
        }
        throw new IllegalArgumentException("\"who\" must be \"gateway\" or {organisationId, person, pocId}");
    }

    static String hash(String previousHash, String body) {
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    // Looking the algorithm up cost more than hashing a short entry; a digest serves one thread at a time.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private static long number(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Long n)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number");
        }
        return n;
    }

    private static String text(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a text");
        }
        return s;
    }

    private static String hex(Map<?, ?> map, String key) {
        String s = text(map, key);
        if (!s.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("\"" + key + "\" must be 64 lower-case hex digits");
        }
        return s;
    }
}
