package io.liaison.gateway.intake;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.marking.Tlp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.liaison.gateway.yaml.BoundedYaml;
import io.liaison.gateway.yaml.YamlLimitException;
import io.liaison.gateway.yaml.YamlLimits;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import java.util.function.Supplier;

/**
 * Reads a notice file and checks it against the directory.get(). Every problem is collected so the sender
 * fixes the file once, not once per error.
 */
public final class NoticeParser {
    static final int SUMMARY_MAX = 70;
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 64 * 1024;
    private static final Set<String> TOP_KEYS =
            Set.of("kind", "priority", "level", "exercise", "from", "title", "summary", "body", "target", "references");
    private static final String CANCELLED_TITLE = "取消 / Cancelled";
    private static final Set<String> TARGET_KEYS = Set.of("sectors", "organisations", "include_dependent_sectors");

    private final Supplier<Directory> directory;

    public NoticeParser(Supplier<Directory> directory) {
        this.directory = directory;
    }

    public NoticeDraft parse(String source, byte[] yaml) {
        Object root;
        try {
            // An operator's file, but read with the inbound reader's bounds all the same: no file stops the sender.
            root = BoundedYaml.load(BoundedYaml.loader(YamlLimits.operatorFiles()), new String(yaml, StandardCharsets.UTF_8));
        } catch (YamlLimitException e) {
            throw new NoticeRejectedException(source, List.of("refused unread, " + e.getMessage()));
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? ""
                    : " at line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1);
            throw new NoticeRejectedException(source, List.of("not valid YAML" + where + ": " + e.getProblem()));
        } catch (YAMLException e) {
            throw new NoticeRejectedException(source, List.of("not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new NoticeRejectedException(source, List.of("expected a mapping with kind, level, from, title, body and target"));
        }
        List<String> problems = new ArrayList<>();
        unknownKeys(map, TOP_KEYS, "", problems);

        Optional<String> kindText = text(map, "kind", problems, true);
        Optional<FollowUp.Type> followUpType = kindText.flatMap(k -> java.util.Arrays.stream(FollowUp.Type.values())
                .filter(t -> t.yamlName().equals(k)).findFirst());
        Optional<NoticeKind> kind = kindText.filter(k -> followUpType.isEmpty()).flatMap(k -> {
            Optional<NoticeKind> parsed = NoticeKind.parse(k);
            if (parsed.isEmpty()) {
                problems.add("kind: \"" + k + "\" is not one of early-warning, provision, update, cancel");
            }
            return parsed;
        });
        if (followUpType.isPresent()) {
            return parseFollowUp(source, map, followUpType.get(), problems);
        }
        if (map.containsKey("references")) {
            problems.add("references: only an update or a cancel refers to an earlier notice");
        }
        Optional<Tlp> level = text(map, "level", problems, true).flatMap(l -> {
            Optional<Tlp> parsed = Tlp.parse(l);
            if (parsed.isEmpty()) {
                String hint = l.trim().equalsIgnoreCase("TLP:WHITE") ? " (TLP 2.0 replaced TLP:WHITE with TLP:CLEAR)" : "";
                problems.add("level: \"" + l + "\" is not a TLP 2.0 label; use one of " + Tlp.acceptedLabels() + hint);
            }
            return parsed;
        });
        Priority priority = text(map, "priority", problems, false).flatMap(p -> {
            Optional<Priority> parsed = Priority.parse(p);
            if (parsed.isEmpty()) {
                problems.add("priority: \"" + p + "\" is not one of urgent, high, normal, low");
            }
            return parsed;
        }).orElse(kind.orElse(NoticeKind.PROVISION) == NoticeKind.EARLY_WARNING ? Priority.URGENT : Priority.NORMAL);
        if (kind.orElse(null) == NoticeKind.EARLY_WARNING && priority != Priority.URGENT) {
            problems.add("priority: an early warning is always urgent, not " + priority.yamlName());
        }
        boolean exercise = bool(map, "exercise", problems);
        Optional<String> from = text(map, "from", problems, true);
        from.ifPresent(f -> checkSender(f, kind.orElse(NoticeKind.PROVISION), problems));
        Optional<String> title = text(map, "title", problems, true);
        title.filter(t -> t.isBlank()).ifPresent(t -> problems.add("title: must not be empty"));
        title.filter(t -> t.length() > TITLE_MAX).ifPresent(t -> problems.add("title: longer than " + TITLE_MAX + " characters"));
        title.filter(t -> t.contains("\n") || t.contains("\r")).ifPresent(t -> problems.add("title: must be a single line"));
        Optional<String> body = text(map, "body", problems, true);
        body.filter(String::isBlank).ifPresent(b -> problems.add("body: must not be empty"));
        body.filter(b -> b.length() > BODY_MAX).ifPresent(b -> problems.add("body: longer than " + BODY_MAX + " characters"));
        Optional<String> summary = text(map, "summary", problems, false);
        summary.filter(s -> s.length() > SUMMARY_MAX)
                .ifPresent(s -> problems.add("summary: longer than " + SUMMARY_MAX + " characters (it travels by SMS)"));
        summary.filter(s -> s.contains("\n") || s.contains("\r")).ifPresent(s -> problems.add("summary: must be a single line"));
        Target target = target(map.get("target"), problems);
        boolean fromNisc = from.flatMap(directory.get()::pointOfContact)
                .flatMap(p -> directory.get().organisation(p.organisationId()))
                .map(o -> o.kind() == OrganisationKind.NISC).orElse(true);
        if (!fromNisc && target.organisations().isEmpty()) {
            problems.add("target.organisations: a notice from outside NISC names the organisations it goes to (e.g. council)");
        }

        if (!problems.isEmpty()) {
            throw new NoticeRejectedException(source, problems);
        }
        String line = summary.orElseGet(() -> title.get().length() <= SUMMARY_MAX ? title.get() : title.get().substring(0, SUMMARY_MAX));
        return new NoticeDraft(kind.get(), priority, level.get(), exercise, from.get(), title.get().strip(), line, body.get(), target);
    }

    private void checkSender(String pocId, NoticeKind noticeKind, List<String> problems) {
        Optional<PointOfContact> poc = directory.get().pointOfContact(pocId);
        if (poc.isEmpty()) {
            problems.add("from: \"" + pocId + "\" is not a point of contact in the directory");
            return;
        }
        OrganisationKind kind = directory.get().organisation(poc.get().organisationId()).orElseThrow().kind();
        if (noticeKind == NoticeKind.EARLY_WARNING && kind != OrganisationKind.NISC) {
            problems.add("from: \"" + pocId + "\" belongs to a " + kind.yamlName()
                    + "; early warnings originate at NISC, others pass them on with 'forward'");
        } else if (kind == OrganisationKind.OPERATOR || kind == OrganisationKind.AGENCY) {
            problems.add("from: \"" + pocId + "\" belongs to an " + kind.yamlName()
                    + "; operators and agencies report to NISC, they do not send notices");
        }
    }

    /** An update or cancellation: what it refers to and its new text; recipients come from the original. */
    private NoticeDraft parseFollowUp(String source, Map<?, ?> map, FollowUp.Type type, List<String> problems) {
        Optional<String> references = text(map, "references", problems, true);
        references.filter(r -> !io.liaison.gateway.numbering.ReferenceNumber.isWellFormed(r))
                .ifPresent(r -> problems.add("references: \"" + r + "\" is not a reference number"));
        for (String key : List.of("target", "priority")) {
            if (map.containsKey(key)) {
                problems.add(key + ": an " + type.yamlName() + " goes to the recipients of the original with its "
                        + key + "; remove it");
            }
        }
        boolean update = type == FollowUp.Type.UPDATE;
        Optional<Tlp> level = text(map, "level", problems, update).flatMap(l -> {
            Optional<Tlp> parsed = Tlp.parse(l);
            if (parsed.isEmpty()) {
                problems.add("level: \"" + l + "\" is not a TLP 2.0 label; use one of " + Tlp.acceptedLabels());
            }
            return parsed;
        });
        boolean exercise = bool(map, "exercise", problems);
        Optional<String> from = text(map, "from", problems, true);
        from.filter(f -> directory.get().pointOfContact(f).isEmpty())
                .ifPresent(f -> problems.add("from: \"" + f + "\" is not a point of contact in the directory"));
        Optional<String> title = text(map, "title", problems, update);
        title.filter(t -> t.isBlank() || t.length() > TITLE_MAX || t.contains("\n") || t.contains("\r"))
                .ifPresent(t -> problems.add("title: one line of 1 to " + TITLE_MAX + " characters"));
        Optional<String> body = text(map, "body", problems, update);
        body.filter(b -> b.length() > BODY_MAX).ifPresent(b -> problems.add("body: longer than " + BODY_MAX + " characters"));
        Optional<String> summary = text(map, "summary", problems, false);
        summary.filter(s -> s.length() > SUMMARY_MAX || s.contains("\n"))
                .ifPresent(s -> problems.add("summary: one line of at most " + SUMMARY_MAX + " characters (it travels by SMS)"));
        if (!problems.isEmpty()) {
            throw new NoticeRejectedException(source, problems);
        }
        String t = title.map(String::strip).orElse(CANCELLED_TITLE);
        String line = summary.orElse(t.length() <= SUMMARY_MAX ? t : t.substring(0, SUMMARY_MAX));
        // Kind, priority and recipients are the original's: the policy desk fills them in from the ledger.
        return new NoticeDraft(NoticeKind.PROVISION, Priority.NORMAL, level.orElse(Tlp.CLEAR), exercise, from.get(), t, line,
                body.orElse(""), new Target(List.of(), List.of(), false), Optional.of(new FollowUp(type, references.get())));
    }

    private Target target(Object value, List<String> problems) {
        if (value == null) {
            problems.add("target: required (sectors and/or organisations)");
            return new Target(List.of(), List.of(), false);
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("target: expected a mapping with sectors and/or organisations");
            return new Target(List.of(), List.of(), false);
        }
        unknownKeys(map, TARGET_KEYS, "target.", problems);
        List<String> sectors = list(map, "sectors", "target.sectors", problems);
        List<String> organisations = list(map, "organisations", "target.organisations", problems);
        for (String s : sectors) {
            if (!directory.get().sectors().containsKey(s)) {
                problems.add("target.sectors: unknown sector \"" + s + "\"; known: " + String.join(", ", directory.get().sectors().keySet()));
            }
        }
        for (String o : organisations) {
            if (directory.get().organisation(o).isEmpty()) {
                problems.add("target.organisations: unknown organisation \"" + o + "\"");
            }
        }
        if (sectors.isEmpty() && organisations.isEmpty()) {
            problems.add("target: names no sector and no organisation");
        }
        boolean dependents = bool(map, "include_dependent_sectors", problems);
        return new Target(sectors, organisations, dependents);
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String prefix, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(prefix + key + ": unknown field; expected one of " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static Optional<String> text(Map<?, ?> map, String key, List<String> problems, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                problems.add(key + ": required");
            }
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            problems.add(key + ": expected text, found " + describe(v));
            return Optional.empty();
        }
        return Optional.of(s);
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

    private static List<String> list(Map<?, ?> map, String key, String path, List<String> problems) {
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
            if (item instanceof String s) {
                out.add(s);
            } else {
                problems.add(path + ": expected ids as text, found " + describe(item));
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
        // An empty list entry ("- " alone) is null in YAML; found by the fuzzer as a NullPointerException here.
        if (v == null) {
            return "an empty entry";
        }
        String text = String.valueOf(v).replaceAll("\\p{Cntrl}", "?");
        return v.getClass().getSimpleName().toLowerCase() + " " + (text.length() <= 60 ? text : text.substring(0, 60) + "…");
    }
}
