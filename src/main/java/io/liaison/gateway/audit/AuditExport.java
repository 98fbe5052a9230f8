package io.liaison.gateway.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An export of the trail: {@code FILE} holds one entry per line ({@link AuditChain#line canonical JSON},
 * LF-terminated); {@code FILE.checkpoints} holds the signed checkpoints within the exported entries, each
 * a line {@code checkpoint SEQUENCE HASH AT SIGNER} followed by its ASCII-armoured detached signature
 * over the text {@code "SEQUENCE HASH"}. Its first line says which entries the export holds
 * ({@code range FIRST LAST}), so an export whose first lines were cut is not taken for a later slice.
 * Both are checked without the gateway by {@code docs/verify-audit.sh}.
 */
public final class AuditExport {
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint (\\d+) ([0-9a-f]{64}) (\\S+) ([0-9A-F]+)");
    private static final Pattern RANGE = Pattern.compile("range (\\d+) (\\d+)");

    private AuditExport() {
    }

    /** Where an export's checkpoints are kept: beside it, {@code FILE.checkpoints}. */
    public static Path checkpointsOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".checkpoints");
    }

    /** Writes {@code entries} and the checkpoints that fall within them. */
    public static void write(Path file, List<AuditEntry> entries, List<AuditCheckpoint> checkpoints) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (AuditEntry e : entries) {
                out.write(AuditChain.line(e));
                out.write('\n');
            }
        }
        long first = entries.isEmpty() ? 0 : entries.get(0).sequence();
        long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
        StringBuilder cps = new StringBuilder();
        cps.append("range ").append(first).append(' ').append(last).append('\n');
        for (AuditCheckpoint cp : checkpoints) {
            if (cp.sequence() < first || cp.sequence() > last) {
                continue;
            }
            cps.append("checkpoint ").append(cp.sequence()).append(' ').append(cp.hash()).append(' ').append(cp.at())
                    .append(' ').append(cp.signer()).append('\n');
            String sig = cp.signature().replace("\r\n", "\n");
            cps.append(sig.endsWith("\n") ? sig : sig + "\n");
        }
        Files.writeString(checkpointsOf(file), cps, StandardCharsets.UTF_8);
    }

    /** An export read back: its entries with their line numbers, lines that are no entries, its checkpoints and range. */
    public record Read(List<ChainVerifier.Located> entries, List<String> unreadable, List<AuditCheckpoint> checkpoints,
                       long first, long last) {
        /** Verifies the export with {@code verifier}. */
        public ChainVerdict verify(ChainVerifier verifier) {
            return verifier.verify(entries, checkpoints, first, last, unreadable);
        }
    }

    /**
     * Reads an export. A line that is not a canonical entry becomes a problem naming the line; a missing
     * checkpoints file is a problem too (an export without checkpoints proves nothing signed).
     *
     * @throws NoSuchFileException when {@code file} does not exist
     */
    public static Read read(Path file) throws IOException {
        List<String> lines = lines(file);
        List<ChainVerifier.Located> entries = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() && i == lines.size() - 1) {
                continue;
            }
            try {
                entries.add(new ChainVerifier.Located(AuditChain.parseLine(line), i + 1));
            } catch (IllegalArgumentException e) {
                unreadable.add(file.getFileName() + " line " + (i + 1) + " is not an intact entry: " + e.getMessage());
            }
        }
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        long rangeFirst = 1;
        long rangeLast = 0;
        Path cpFile = checkpointsOf(file);
        if (!Files.exists(cpFile)) {
            unreadable.add(cpFile.getFileName() + " is missing: the export's signed checkpoints cannot be checked");
        } else {
            List<String> cpLines = lines(cpFile);
            for (int i = 0; i < cpLines.size(); i++) {
                Matcher range = RANGE.matcher(cpLines.get(i));
                if (range.matches()) {
                    rangeFirst = Long.parseLong(range.group(1));
                    rangeLast = Long.parseLong(range.group(2));
                    continue;
                }
                Matcher m = CHECKPOINT.matcher(cpLines.get(i));
                if (!m.matches()) {
                    continue;
                }
                StringBuilder sig = new StringBuilder();
                int j = i + 1;
                while (j < cpLines.size() && !CHECKPOINT.matcher(cpLines.get(j)).matches()) {
                    sig.append(cpLines.get(j)).append('\n');
                    j++;
                }
                try {
                    checkpoints.add(new AuditCheckpoint(Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)), m.group(4),
                            sig.toString()));
                } catch (RuntimeException e) {
                    unreadable.add(cpFile.getFileName() + " line " + (i + 1) + " is not a checkpoint: " + e.getMessage());
                }
                i = j - 1;
            }
        }
        return new Read(entries, unreadable, checkpoints, Math.max(rangeFirst, 1), rangeLast);
    }

    /**
     * The file's lines, split on LF only (a stray CR stays in its line and fails that line's parse), read as a
     * stream with each line bounded: an export is a file an operator was handed, and a single line of gigabytes
     * (no entry is near {@link #MAX_LINE_CHARS}) is refused by its line number instead of filling the memory.
     */
    static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (java.io.Reader in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), strict), 1 << 16)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    out.add(line.toString());
                    line.setLength(0);
                } else if (line.length() == MAX_LINE_CHARS) {
                    throw new IOException(file.getFileName() + " line " + (out.size() + 1) + " is longer than " + MAX_LINE_CHARS
                            + " characters: no audit entry is, so this is not an export");
                } else {
                    line.append((char) c);
                }
            }
            out.add(line.toString());
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        }
        return out;
    }

    /** Longer than any entry the gateway writes (details are bounded well below it). */
    static final int MAX_LINE_CHARS = 1 << 20;
}
