package io.liaison.gateway.directory;

import io.liaison.gateway.yaml.BoundedYaml;
import io.liaison.gateway.yaml.YamlLimitException;
import io.liaison.gateway.yaml.YamlLimits;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reading the directory file into plain maps, lists and scalars, and describing YAML values in problems. */
final class YamlText {
    private YamlText() {
    }

    /** The document's root, or empty after recording why the file cannot be read as YAML at all. */
    static Optional<Object> parse(Path file, ProblemLog log) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            log.add(null, null, "no such file");
            return Optional.empty();
        } catch (CharacterCodingException e) {
            log.add(null, null, "is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            log.add(null, null, "cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
        try {
            // Dates stay text so the loader can insist on yyyy-MM-dd and say so; SnakeYAML would otherwise
            // turn 2025-04-01 into a java.util.Date at midnight UTC and accept odd forms like 2025-4-1.
            Object root = BoundedYaml.load(BoundedYaml.loaderKeepingDatesAsText(YamlLimits.operatorFiles()), text);
            if (root == null) {
                log.add(null, null, "is empty; expected a mapping with sectors, organisations and points_of_contact");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (YamlLimitException e) {
            log.add(null, null, "is refused unread: " + e.getMessage());
            return Optional.empty();
        } catch (MarkedYAMLException e) {
            log.add(null, null, malformed(e));
            return Optional.empty();
        } catch (YAMLException e) {
            log.add(null, null, "is not valid YAML: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    private static String malformed(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        if (e.getContext() != null) {
            problem = e.getContext() + ": " + problem;
        }
        if (mark == null) {
            return "is not valid YAML: " + problem;
        }
        // SnakeYAML counts from 0; editors count from 1.
        return "is not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": " + problem;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** How a value reads in a problem; the YAML type matters, since a missing quote changes it. */
    static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        return "a " + value.getClass().getSimpleName();
    }

    /**
     * Why a value meant as text came out as something else. YAML drops the + of an unquoted +8190… and reads
     * unquoted yes/no/on/off as booleans.
     */
    static String quoteHint(Object value) {
        if (value instanceof Number) {
            return " (YAML reads an unquoted number as a number and drops a leading +; put it in quotes, e.g. \"+819012340001\")";
        }
        if (value instanceof Boolean) {
            return " (YAML reads unquoted yes/no/on/off/true/false as booleans; put the text in quotes)";
        }
        return "";
    }

    /** The known name nearest to a misspelt one, if it is close enough to be the likely intent. */
    static Optional<String> closest(String misspelt, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(misspelt, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int tolerance = Math.max(1, Math.min(3, misspelt.length() / 3));
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
