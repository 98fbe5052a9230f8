package io.liaison.gateway.stats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The table as CSV for Excel: UTF-8 with a byte-order mark (without it Excel in Japan reads the file as Shift_JIS
 * and garbles every label), CRLF lines, every field quoted (RFC 4180), one line per row with Japanese and English
 * labels, "—" for quarters not yet reached as in the seed.
 */
public final class StatisticsCsv {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatisticsCsv() {
    }

    public static byte[] write(SharingStatistics s) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("表 / Table", "区分", "項目", "Group", "Item"));
        s.columns().forEach(c -> header.add(c.japanese().equals(c.english()) ? c.japanese() : c.japanese() + " / " + c.english()));
        line(b, header);
        for (SharingStatistics.Line l : s.lines()) {
            List<String> fields = new ArrayList<>(List.of(l.row().table().japanese() + " / " + l.row().table().english(),
                    l.row().groupJa(), l.row().itemJa(), l.row().groupEn(), l.row().itemEn()));
            for (int c = 0; c < s.columns().size(); c++) {
                fields.add(s.cell(l, c));
            }
            line(b, fields);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void line(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
        }
        b.append("\r\n");
    }
}
