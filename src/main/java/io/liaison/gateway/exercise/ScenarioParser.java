package io.liaison.gateway.exercise;

import io.liaison.gateway.track.ConfirmationChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a scenario file. Notices are given inline or as files beside the scenario; every problem is
 * listed with where it is, and a notice that says {@code exercise: false} is refused: a scenario can
 * never send real traffic.
 */
public final class ScenarioParser {
    private static final Set<String> TOP = Set.of("scenario", "length", "notices", "replies");
    private static final Set<String> NOTICE = Set.of("at", "notice");
    private static final Set<String> REPLY = Set.of("at", "from", "acknowledges", "via");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h)");

    public Scenario parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        Object root;
        try {
            root = yaml().load(text);
        } catch (YAMLException e) {
            throw new ScenarioException(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> map)) {
            throw new ScenarioException(file + ": expected a mapping with scenario, notices and replies");
        }
        unknown(map, TOP, "", problems);
        String name = map.get("scenario") instanceof String s && !s.isBlank() ? s : null;
        if (name == null) {
            problems.add("scenario: required, the exercise's name");
        }
        List<Scenario.TimedNotice> notices = new ArrayList<>();
        List<?> noticeList = map.get("notices") instanceof List<?> l ? l : List.of();
        if (noticeList.isEmpty()) {
            problems.add("notices: required, at least one");
        }
        for (int i = 0; i < noticeList.size(); i++) {
            String where = "notices[" + (i + 1) + "]";
            if (!(noticeList.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + ": expected a mapping with at and notice");
                continue;
            }
            unknown(entry, NOTICE, where + ".", problems);
            Duration at = duration(entry.get("at"), where + ".at", problems);
            Object notice = entry.get("notice");
            Map<String, Object> yaml = null;
            String source = where;
            if (notice instanceof String path) {
                Path noticeFile = file.toAbsolutePath().getParent().resolve(path);
                source = noticeFile.toString();
                try {
                    Object loaded = yaml().load(Files.readString(noticeFile, StandardCharsets.UTF_8));
                    yaml = loaded instanceof Map<?, ?> m ? stringKeys(m) : null;
                } catch (IOException | YAMLException e) {
                    problems.add(where + ".notice: " + path + " cannot be read as YAML");
                    continue;
                }
            } else if (notice instanceof Map<?, ?> inline) {
                yaml = stringKeys(inline);
            }
            if (yaml == null) {
                problems.add(where + ".notice: a notice file name or an inline notice");
                continue;
            }
            if (Boolean.FALSE.equals(yaml.get("exercise"))) {
                problems.add(where + ".notice: says exercise: false; a scenario only sends exercise traffic");
            }
            notices.add(new Scenario.TimedNotice(i + 1, at, source, yaml));
        }
        List<Scenario.ExpectedReply> replies = new ArrayList<>();
        List<?> replyList = map.get("replies") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < replyList.size(); i++) {
            String where = "replies[" + (i + 1) + "]";
            if (!(replyList.get(i) instanceof Map<?, ?> entry)) {
                problems.add(where + ": expected a mapping with at, from, acknowledges and via");
                continue;
            }
            unknown(entry, REPLY, where + ".", problems);
            Duration at = duration(entry.get("at"), where + ".at", problems);
            String from = entry.get("from") instanceof String s ? s : null;
            if (from == null) {
                problems.add(where + ".from: required, the replying point of contact");
            }
            int acknowledges = entry.get("acknowledges") instanceof Integer n ? n : -1;
            if (acknowledges < 1 || acknowledges > noticeList.size()) {
                problems.add(where + ".acknowledges: the number of a notice of this scenario (1 to " + noticeList.size() + ")");
            }
            ConfirmationChannel via = channel(entry.get("via"), where + ".via", problems);
            replies.add(new Scenario.ExpectedReply(at, from, acknowledges, via));
        }
        Duration last = notices.stream().map(Scenario.TimedNotice::at).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        for (Scenario.ExpectedReply r : replies) {
            last = r.at().compareTo(last) > 0 ? r.at() : last;
        }
        Duration length = map.containsKey("length") ? duration(map.get("length"), "length", problems) : last.plusMinutes(1);
        if (length.compareTo(last) < 0) {
            problems.add("length: " + length.toMinutes() + "m ends before the last event");
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(file + ": scenario refused:\n  - " + String.join("\n  - ", problems));
        }
        return new Scenario(name, notices, replies, length);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static void unknown(Map<?, ?> map, Set<String> known, String prefix, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(prefix + key + ": unknown field; expected one of " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    /** 90s, 15m, 2h, or 1h30m. */
    static Duration duration(Object value, String where, List<String> problems) {
        String text = value == null ? "" : String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            problems.add(where + ": \"" + text + "\" is not a time offset like 0m, 90s, 15m or 1h30m");
            return Duration.ZERO;
        }
        return total;
    }

    private static ConfirmationChannel channel(Object value, String where, List<String> problems) {
        String v = String.valueOf(value);
        return switch (v) {
            case "sms" -> ConfirmationChannel.SMS_REPLY;
            case "email" -> ConfirmationChannel.SIGNED_EMAIL;
            case "cli", "phone" -> ConfirmationChannel.CLI;
            default -> {
                problems.add(where + ": \"" + v + "\" is not one of sms, email, cli (phone)");
                yield ConfirmationChannel.CLI;
            }
        };
    }
}
