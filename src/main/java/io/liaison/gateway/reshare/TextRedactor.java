package io.liaison.gateway.reshare;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes identifiers from one field of free text: first by shape (URLs, e-mail addresses, paths, MAC, IPv6
 * and IPv4 addresses, host names, phone and fax numbers), then everything {@link ReporterIdentifiers} knows
 * by name. The text is NFKC-normalised and "refanged" first, so full-width digits (１９２．０．２．１) and
 * defanged indicators (192[.]0[.]2[.]1, hxxp://) cannot slip past the patterns.
 *
 * <p>An ASCII token glued to a known identifier ({@code EASTPOWER\yamada}, {@code ep-fs01.east-power.log})
 * is removed whole: what is attached to a company's name is usually just as telling.
 */
public final class TextRedactor {
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?|ftps?|sftp|ssh|smb|file|ldaps?|rdp|telnet|wss?)://[^\\s<>\"'）」』】]+");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** UNC paths, drive paths and home directories: they carry server, share and user names. */
    private static final Pattern PATH = Pattern.compile(
            "\\\\\\\\[^\\s\\\\]+(?:\\\\[^\\s\\\\]*)*|(?<![A-Za-z0-9])[A-Za-z]:\\\\[^\\s]*|(?:/home|/Users)/[^\\s/]+(?:/[^\\s]*)?");
    private static final Pattern MAC = Pattern.compile(
            "(?<![0-9A-Fa-f:-])(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:-])");
    private static final Pattern IPV6_CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?(?:/\\d{1,3})?"
                    + "(?![0-9A-Za-z:])");
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9.])" + OCTET + "(?:\\." + OCTET + "){3}(?:/\\d{1,2})?(?::\\d{1,5})?(?!\\d|\\.\\d)");
    private static final Pattern HOST = Pattern.compile(
            "(?<![A-Za-z0-9@._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9]"
                    + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])");
    private static final Pattern PHONE_JOINED = Pattern.compile("(?<![\\w.+-])\\+?\\(?\\d[\\d()-]{7,}\\d(?![\\w-])");
    private static final Pattern PHONE_SPACED = Pattern.compile("(?<![\\w.+-])\\+?\\d{1,4}(?: \\d{1,4}){2,4}(?![\\w-])");
    private static final Pattern GLUE = Pattern.compile("[A-Za-z0-9._\\\\@-]");
    /** Extensions that make a dotted name a file rather than a host: a malware's file name is what others need. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("exe", "dll", "sys", "bat", "cmd", "ps1", "psm1", "vbs", "vbe",
            "js", "jse", "wsf", "hta", "lnk", "scr", "msi", "jar", "py", "sh", "pl", "rb", "php", "asp", "aspx", "jsp", "log",
            "txt", "csv", "tsv", "json", "xml", "yaml", "yml", "ini", "cfg", "conf", "config", "evtx", "evt", "pcap", "pcapng",
            "cap", "etl", "dmp", "mem", "raw", "img", "iso", "vhd", "vhdx", "vmdk", "zip", "rar", "7z", "gz", "tgz", "tar",
            "bz2", "xz", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "pdf", "rtf", "one", "html", "htm", "md",
            "eml", "msg", "pst", "ost", "bak", "tmp", "dat", "db", "sqlite", "pem", "crt", "cer", "der", "p12", "pfx", "png",
            "jpg", "jpeg", "gif", "bmp", "svg", "mp4", "wav");

    private final Map<String, KnownIdentifier> known = new HashMap<>();
    private final Pattern knownPattern;

    public TextRedactor(List<KnownIdentifier> identifiers) {
        List<String> alternatives = new ArrayList<>();
        for (KnownIdentifier id : identifiers) {
            String key = id.text().toLowerCase(Locale.ROOT);
            if (known.putIfAbsent(key, id) == null) {
                alternatives.add(id.text());
            }
        }
        alternatives.sort((a, b) -> Integer.compare(b.length(), a.length()));
        knownPattern = alternatives.isEmpty() ? null : Pattern.compile(
                alternatives.stream().map(Pattern::quote).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static boolean isJapanese(String text) {
        return text.codePoints().anyMatch(ReporterIdentifiers::isCjk);
    }

    public RedactedText redact(String field, String value) {
        String text = refang(Normalizer.normalize(value, Normalizer.Form.NFKC));
        Sweep s = new Sweep(field, isJapanese(text));
        text = s.shapes(text, URL, IdentifierKind.URL, x -> true);
        text = s.shapes(text, EMAIL, IdentifierKind.EMAIL, x -> true);
        text = s.shapes(text, PATH, IdentifierKind.PATH, x -> true);
        text = s.shapes(text, MAC, IdentifierKind.MAC, x -> true);
        text = s.shapes(text, IPV6_CANDIDATE, IdentifierKind.IP, TextRedactor::isIpv6);
        text = s.shapes(text, IPV4, IdentifierKind.IP, x -> true);
        text = s.shapes(text, HOST, IdentifierKind.HOST, x -> !isFileName(x));
        text = s.shapes(text, PHONE_JOINED, IdentifierKind.PHONE, TextRedactor::phoneLength);
        text = s.shapes(text, PHONE_SPACED, IdentifierKind.PHONE, TextRedactor::phoneLength);
        text = s.known(text);
        return new RedactedText(text, new ArrayList<>(s.found));
    }

    /** What one field's redaction found; the same finding twice in a field is listed once. */
    private final class Sweep {
        final String field;
        final boolean japanese;
        final Set<Redaction> found = new LinkedHashSet<>();

        Sweep(String field, boolean japanese) {
            this.field = field;
            this.japanese = japanese;
        }

        String shapes(String text, Pattern pattern, IdentifierKind kind, Predicate<String> accept) {
            Matcher m = pattern.matcher(text);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (m.find()) {
                String hit = m.group();
                if (!accept.test(hit)) {
                    continue;
                }
                String replacement = kind.placeholder(japanese);
                out.append(text, last, m.start()).append(replacement);
                found.add(new Redaction(field, kind, hit, replacement));
                last = m.end();
            }
            return out.append(text.substring(last)).toString();
        }

        String known(String text) {
            if (knownPattern == null) {
                return text;
            }
            Matcher m = knownPattern.matcher(text);
            StringBuilder out = new StringBuilder();
            int last = 0;
            while (last <= text.length() && m.find(last)) {
                KnownIdentifier id = known.get(m.group().toLowerCase(Locale.ROOT));
                int start = m.start();
                int end = m.end();
                if (!isJapanese(m.group())) {
                    while (start > last && GLUE.matcher(text.substring(start - 1, start)).matches()) {
                        start--;
                    }
                    while (end < text.length() && GLUE.matcher(text.substring(end, end + 1)).matches()) {
                        end++;
                    }
                    while (end > m.end() && text.charAt(end - 1) == '.') {
                        end--; // a sentence's full stop is not part of the name
                    }
                }
                String token = text.substring(start, end);
                IdentifierKind kind = id.kind();
                String replacement;
                if (token.equalsIgnoreCase(m.group())) {
                    replacement = id.replacement(japanese);
                } else {
                    kind = isFileName(token) ? IdentifierKind.FILE_NAME : IdentifierKind.IDENTIFIER;
                    replacement = kind.placeholder(japanese);
                }
                out.append(text, last, start).append(replacement);
                found.add(new Redaction(field, kind, token, replacement));
                last = end;
                if (last == text.length()) {
                    break;
                }
            }
            return out.append(text.substring(Math.min(last, text.length()))).toString();
        }
    }

    /** 192[.]0[.]2[.]1, example(.)com, hxxps://, user[@]host: written so nobody clicks them, still identifiers. */
    static String refang(String text) {
        return text.replaceAll("(?i)[\\[({]\\s*(?:\\.|dot)\\s*[\\])}]", ".")
                .replaceAll("(?i)[\\[({]\\s*(?:@|at)\\s*[\\])}]", "@")
                .replaceAll("\\[:\\]", ":")
                .replaceAll("(?i)\\bhxxp(s?)(?=\\[?:)", "http$1")
                .replaceAll("(?i)\\bfxp(?=\\[?:)", "ftp")
                .replace("[://]", "://");
    }

    static boolean isFileName(String token) {
        int dot = token.lastIndexOf('.');
        return dot > 0 && FILE_EXTENSIONS.contains(token.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean phoneLength(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 10 && digits <= 15;
    }

    /** RFC 4291 text forms: eight groups, or fewer around one "::"; the last two may be a dotted IPv4 address. */
    static boolean isIpv6(String candidate) {
        String s = candidate.replaceAll("%[0-9A-Za-z]+", "").replaceAll("/\\d{1,3}$", "");
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        List<String> groups = new ArrayList<>();
        if (doubleColon >= 0) {
            String head = s.substring(0, doubleColon);
            String tail = s.substring(doubleColon + 2);
            if (!head.isEmpty()) {
                groups.addAll(List.of(head.split(":", -1)));
            }
            if (!tail.isEmpty()) {
                groups.addAll(List.of(tail.split(":", -1)));
            }
        } else {
            groups.addAll(List.of(s.split(":", -1)));
        }
        int count = 0;
        for (int i = 0; i < groups.size(); i++) {
            String g = groups.get(i);
            if (i == groups.size() - 1 && g.contains(".")) {
                if (!g.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    return false;
                }
                count += 2;
            } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
                count++;
            } else {
                return false;
            }
        }
        return doubleColon >= 0 ? count <= 7 : count == 8;
    }
}
