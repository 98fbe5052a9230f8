package io.liaison.gateway.inbound.format;

import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.ReferenceNumber;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import io.liaison.gateway.yaml.BoundedYaml;
import io.liaison.gateway.yaml.YamlLimitException;
import io.liaison.gateway.yaml.YamlLimits;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the machine-readable part (docs/inbound-format.md). Strict about structure — unknown fields,
 * wrong types and values outside the taxonomy are refused, all listed at once — and lenient about
 * completeness: an incident report needs only its incident id and a usable contact.
 */
public final class InboundDocumentParser {
    public static final int FORMAT_VERSION = 1;
    static final int NOTE_MAX = 1000;
    static final int LINE_MAX = 200;
    static final int TEXT_MAX = 20_000;
    private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");
    private static final Set<String> ACK_KEYS = Set.of("liaison", "type", "reference", "note", "tlp");
    private static final Set<String> REPORT_KEYS = Set.of("liaison", "type", "incident", "tlp", "exercise", "contact",
            "summary", "trigger", "event_type", "causes", "affected_system", "response", "spread", "notes", "do_not_share");
    private static final Set<String> CONTACT_KEYS = Set.of("person", "means");
    private static final Set<String> MEANS_KINDS = Set.of("phone", "email", "fax");
    private static final Set<String> TRIGGER_KEYS = Set.of("category", "case");
    private static final Set<String> SYSTEM_KEYS = Set.of("hardware", "software", "version", "patch_state");
    private static final Set<String> RESPONSE_KEYS = Set.of("measures", "contacted");

    private final YamlLimits limits;

    /** With the default limits ({@link YamlLimits#defaults()}). */
    public InboundDocumentParser() {
        this(YamlLimits.defaults());
    }

    public InboundDocumentParser(YamlLimits limits) {
        this.limits = limits;
    }

    /**
     * The media type of the part decides the syntax: JSON for application/json, YAML otherwise.
     *
     * @throws FormatException listing every problem; {@link FormatException#limitExceeded()} when a limit refused
     *                         the document before it was read
     */
    public InboundDocument parse(String text, boolean json) throws FormatException {
        Object root;
        try {
            root = json ? json(text) : yaml(text);
        } catch (YamlLimitException e) {
            throw FormatException.limit(limitProblem(e));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new FormatException(List.of("expected a mapping with liaison: 1 and type"));
        }
        List<String> problems = new ArrayList<>();
        Object version = map.get("liaison");
        if (version == null) {
            problems.add("liaison: required (the format version, " + FORMAT_VERSION + ")");
        } else if (!(version instanceof Number n) || !isFormatVersion(n)) {
            problems.add("liaison: format version " + version + " is not supported; this gateway reads " + FORMAT_VERSION);
        }
        Optional<String> type = text(map, "type", "type", problems, LINE_MAX);
        if (type.isEmpty()) {
            if (!map.containsKey("type")) {
                problems.add("type: required (acknowledgement or incident-report)");
            }
            throw new FormatException(problems);
        }
        InboundDocument document = switch (type.get()) {
            case "acknowledgement" -> acknowledgement(map, problems);
            case "incident-report" -> report(map, problems);
            default -> {
                problems.add("type: \"" + type.get() + "\" is not one of acknowledgement, incident-report");
                yield null;
            }
        };
        if (!problems.isEmpty()) {
            throw new FormatException(problems);
        }
        return document;
    }

    /** 1, 1.0 and 1e0 alike; YAML's .nan and .inf are numbers too, and no version. */
    private static boolean isFormatVersion(Number n) {
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return false;
        }
        try {
            return new BigDecimal(n.toString()).compareTo(BigDecimal.valueOf(FORMAT_VERSION)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The setting that holds the limit, for the duty officer and the sender alike. */
    private String limitProblem(YamlLimitException e) {
        String setting = switch (e.limit()) {
            case DEPTH -> "gateway.inbound.max-document-depth (" + limits.maxDepth() + ")";
            case ALIASES -> "gateway.inbound.max-document-aliases (" + limits.maxAliases() + ")";
            case NUMBER_CHARS -> "gateway.inbound.max-number-chars (" + limits.maxNumberChars() + ")";
            case STRING_CHARS -> "gateway.inbound.max-string-chars (" + limits.maxStringChars() + ")";
            case CODE_POINTS -> "gateway.inbound.max-part-bytes (" + limits.maxCodePoints() + " characters)";
        };
        return "exceeds " + setting + ": " + e.getMessage();
    }

    private Object yaml(String text) throws FormatException {
        try {
            return BoundedYaml.load(BoundedYaml.loader(limits), text);
        } catch (YamlLimitException e) {
            throw e;
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new FormatException(List.of("not valid YAML" + where + ": " + e.getProblem()));
        } catch (YAMLException | IllegalArgumentException e) {
            throw new FormatException(List.of("not valid YAML"));
        }
    }

    private Object json(String text) throws FormatException {
        try {
            return StrictJson.parse(text, limits);
        } catch (StrictJson.Malformed e) {
            throw new FormatException(List.of("not valid JSON " + e.getMessage()));
        }
    }

    private InboundDocument acknowledgement(Map<?, ?> map, List<String> problems) {
        unknownKeys(map, ACK_KEYS, "", problems);
        Optional<String> reference = text(map, "reference", "reference", problems, LINE_MAX);
        if (reference.isEmpty() && !map.containsKey("reference")) {
            problems.add("reference: required (the notice's reference number, e.g. NISC-EW-2026-00001)");
        }
        reference.filter(r -> !ReferenceNumber.isWellFormed(r))
                .ifPresent(r -> problems.add("reference: \"" + r + "\" is not a reference number like NISC-EW-2026-00001"));
        Optional<String> note = text(map, "note", "note", problems, NOTE_MAX);
        Optional<Tlp> level = level(map, problems);
        return reference.map(r -> new InboundDocument.Acknowledgement(r, note, level)).orElse(null);
    }

    private InboundDocument report(Map<?, ?> map, List<String> problems) {
        unknownKeys(map, REPORT_KEYS, "", problems);
        Optional<String> incident = text(map, "incident", "incident", problems, 64);
        if (incident.isEmpty() && !map.containsKey("incident")) {
            problems.add("incident: required (your own identifier for the incident; updates repeat it)");
        }
        incident.filter(i -> !INCIDENT_ID.matcher(i).matches()).ifPresent(i -> problems.add("incident: \"" + i
                + "\" must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        Optional<Tlp> level = level(map, problems);
        boolean exercise = bool(map, "exercise", problems);
        InboundDocument.Contact contact = contact(map.get("contact"), problems);
        Optional<String> summary = text(map, "summary", "summary", problems, LINE_MAX);

        Optional<TriggerCategory> category = Optional.empty();
        Optional<TriggerCategory.TriggerCase> triggerCase = Optional.empty();
        Map<?, ?> trigger = mapping(map, "trigger", "trigger", TRIGGER_KEYS, problems);
        if (trigger != null) {
            category = enumValue(trigger, "category", "trigger.category", TriggerCategory::parse, TriggerCategory.values(),
                    TriggerCategory::code, problems);
            triggerCase = enumValue(trigger, "case", "trigger.case", TriggerCategory.TriggerCase::parse,
                    TriggerCategory.TriggerCase.values(), TriggerCategory.TriggerCase::code, problems);
            if (category.isPresent() && triggerCase.isPresent() && !category.get().cases().contains(triggerCase.get())) {
                problems.add("trigger.case: \"" + triggerCase.get().code() + "\" is not a case of " + category.get().code()
                        + "; expected one of " + String.join(", ", category.get().cases().stream().map(TriggerCategory.TriggerCase::code).toList()));
            }
            if (triggerCase.isPresent() && category.isEmpty() && !trigger.containsKey("category")) {
                problems.add("trigger.case: given without trigger.category");
            }
        }
        Optional<EventType> eventType = enumValue(map, "event_type", "event_type", EventType::parse, EventType.values(),
                EventType::code, problems);
        List<Cause> causes = new ArrayList<>();
        for (String c : stringList(map, "causes", "causes", problems)) {
            Optional<Cause> cause = Cause.parse(c);
            if (cause.isEmpty()) {
                problems.add("causes: \"" + c + "\" is not one of " + codes(Cause.values(), Cause::code));
            } else if (!causes.contains(cause.get())) {
                causes.add(cause.get());
            }
        }
        Optional<InboundDocument.AffectedSystem> system = Optional.empty();
        Map<?, ?> sys = mapping(map, "affected_system", "affected_system", SYSTEM_KEYS, problems);
        if (sys != null) {
            system = Optional.of(new InboundDocument.AffectedSystem(
                    text(sys, "hardware", "affected_system.hardware", problems, LINE_MAX),
                    text(sys, "software", "affected_system.software", problems, LINE_MAX),
                    text(sys, "version", "affected_system.version", problems, LINE_MAX),
                    text(sys, "patch_state", "affected_system.patch_state", problems, TEXT_MAX)));
        }
        Optional<InboundDocument.Response> response = Optional.empty();
        Map<?, ?> resp = mapping(map, "response", "response", RESPONSE_KEYS, problems);
        if (resp != null) {
            response = Optional.of(new InboundDocument.Response(text(resp, "measures", "response.measures", problems, TEXT_MAX),
                    stringList(resp, "contacted", "response.contacted", problems)));
        }
        Optional<String> spread = text(map, "spread", "spread", problems, TEXT_MAX);
        Optional<String> notes = text(map, "notes", "notes", problems, TEXT_MAX);
        boolean doNotShare = bool(map, "do_not_share", problems);
        if (incident.isEmpty() || contact == null) {
            return null;
        }
        return new InboundDocument.IncidentReport(incident.get(), level, exercise, contact, summary, category, triggerCase,
                eventType, causes, system, response, spread, notes, doNotShare);
    }

    private static InboundDocument.Contact contact(Object value, List<String> problems) {
        if (value == null) {
            problems.add("contact: required — the contact person and at least one usable means (phone, email or fax)");
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("contact: expected a mapping with person and means");
            return null;
        }
        unknownKeys(map, CONTACT_KEYS, "contact.", problems);
        Optional<String> person = text(map, "person", "contact.person", problems, LINE_MAX).filter(p -> !p.isBlank());
        if (person.isEmpty()) {
            problems.add("contact.person: required (who to call back)");
        }
        List<InboundDocument.ContactMeans> means = new ArrayList<>();
        Object list = map.get("means");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            problems.add("contact.means: required, a list of at least one of - phone: \"+81...\", - email: ..., - fax: \"+81...\"");
        } else {
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> entry) || entry.size() != 1) {
                    problems.add("contact.means: each entry is one of phone: ..., email: ... or fax: ...");
                    continue;
                }
                Map.Entry<?, ?> e = entry.entrySet().iterator().next();
                String kind = String.valueOf(e.getKey());
                String address = e.getValue() == null ? "" : String.valueOf(e.getValue()).strip();
                if (!MEANS_KINDS.contains(kind)) {
                    problems.add("contact.means: \"" + kind + "\" is not one of phone, email, fax");
                } else if (kind.equals("email") ? !EMAIL.matcher(address).matches() : !PHONE.matcher(address).matches()) {
                    problems.add("contact.means." + kind + ": \"" + clip(address) + "\" is not a usable " + kind
                            + (kind.equals("email") ? " address" : " number (write it in quotes, e.g. \"+81312345678\")"));
                } else {
                    means.add(new InboundDocument.ContactMeans(kind, address));
                }
            }
        }
        if (person.isEmpty() || means.isEmpty()) {
            return null;
        }
        return new InboundDocument.Contact(person.get().strip(), means);
    }

    private static Optional<Tlp> level(Map<?, ?> map, List<String> problems) {
        Optional<String> text = text(map, "tlp", "tlp", problems, LINE_MAX);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Tlp> level = Tlp.parse(text.get());
        if (level.isEmpty()) {
            problems.add("tlp: \"" + clip(text.get()) + "\" is not one of " + Tlp.acceptedLabels());
        }
        return level;
    }

    private static Map<?, ?> mapping(Map<?, ?> map, String key, String path, Set<String> known, List<String> problems) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(path + ": expected a mapping with " + String.join(", ", known.stream().sorted().toList()));
            return null;
        }
        unknownKeys(m, known, path + ".", problems);
        return m;
    }

    private static <E> Optional<E> enumValue(Map<?, ?> map, String key, String path, Function<String, Optional<E>> parse,
                                             E[] values, Function<E, String> code, List<String> problems) {
        Optional<String> text = text(map, key, path, problems, LINE_MAX);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> value = parse.apply(text.get());
        if (value.isEmpty()) {
            problems.add(path + ": \"" + clip(text.get()) + "\" is not one of " + codes(values, code));
        }
        return value;
    }

    private static <E> String codes(E[] values, Function<E, String> code) {
        List<String> out = new ArrayList<>();
        for (E v : values) {
            out.add(code.apply(v));
        }
        return String.join(", ", out);
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String prefix, List<String> problems) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                unknown.add(clip(String.valueOf(key)));
            }
        }
        for (String key : unknown) {
            problems.add(prefix + key + ": unknown field; expected one of " + String.join(", ", known.stream().sorted().toList()));
        }
    }

    /** Free text: numbers are taken as written (a version 2.1 is text to a person), anything else structured is refused. */
    private static Optional<String> text(Map<?, ?> map, String key, String path, List<String> problems, int max) {
        Object v = map.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String) && !(v instanceof Number)) {
            problems.add(path + ": expected text, found " + describe(v));
            return Optional.empty();
        }
        String s = String.valueOf(v);
        if (s.length() > max) {
            problems.add(path + ": longer than " + max + " characters");
            return Optional.empty();
        }
        OptionalInt hidden = s.codePoints().filter(InboundDocumentParser::hiddenControl).findFirst();
        if (hidden.isPresent()) {
            problems.add(path + String.format(": contains the control character U+%04X", hidden.getAsInt()));
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /**
     * Control characters other than tab and line ends, and the bidi overrides and isolates: text shown to
     * duty officers in status and relays must read as it is stored (a U+202E reorders what follows it).
     */
    private static boolean hiddenControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean bool(Map<?, ?> map, String key, List<String> problems) {
        Object v = map.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        problems.add(key + ": expected true or false, found " + describe(v));
        return false;
    }

    private static List<String> stringList(Map<?, ?> map, String key, String path, List<String> problems) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            problems.add(path + ": expected a list, found " + describe(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String s && s.length() <= LINE_MAX && s.codePoints().noneMatch(InboundDocumentParser::hiddenControl)) {
                out.add(s);
            } else {
                problems.add(path + ": expected short text entries, found " + describe(item));
            }
        }
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        return v == null ? "nothing" : v.getClass().getSimpleName().toLowerCase() + " " + clip(String.valueOf(v));
    }

    /** Quoted input is clipped so a hostile value cannot flood the reason sent back or stored. */
    private static String clip(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
    }
}
