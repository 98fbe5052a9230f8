package io.liaison.gateway.stats;

import static io.liaison.gateway.stats.StatisticsRow.Table.CAUSE;
import static io.liaison.gateway.stats.StatisticsRow.Table.EVENT;
import static io.liaison.gateway.stats.StatisticsRow.Table.FORM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.Main;
import io.liaison.gateway.inbound.InboundMail;
import io.liaison.gateway.inbound.InboundStatus;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.reshare.Grounds;
import io.liaison.gateway.reshare.ReshareRequest;
import io.liaison.gateway.store.jdbc.JdbcStatisticsSource;
import io.liaison.gateway.testing.GatewayHarness;
import io.liaison.gateway.testing.Notices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known traffic across quarter boundaries (Tokyo time), sent through the real intake and outbound paths,
 * including exercise traffic, forwards, an update, a quarantine notice and the relays of the reports, none of
 * which may count; then the table for 2026Q1, 2026Q2 and the whole of FY2026, compared row by row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyStatisticsMatchKnownTrafficTest {
    private static final String EAST = "soc@east-power.sample.invalid";
    private static final String TELECOM = "soc@telecom-a.sample.invalid";

    private Path work;
    private Path config;
    private Map<StatisticsPeriod, SharingStatistics> tables;

    @BeforeAll
    void sendTheYearsTraffic(@TempDir Path dir) throws Exception {
        work = dir;
        StatisticsTraffic traffic = StatisticsTraffic.prepare(work);
        tables = new LinkedHashMap<>();
        try (GatewayHarness h = GatewayHarness.start(work)) {
            config = work.resolve("gateway.properties");
            Properties settings = h.overrides();
            settings.setProperty("gateway.directory", traffic.directory.toString());
            try (var w = Files.newBufferedWriter(config)) {
                settings.store(w, "the statistics fixture's database and directory");
            }
            StatisticsTraffic.at(h.clock, "2026-03-31T23:50");
            try (Gateway g = traffic.start(h)) {
                // FY2025 Q4, ten minutes before the fiscal year ends (2026-03-31 14:50 UTC)
                StatisticsTraffic.fromSample(g, h.clock.instant(), "east-power-soc", EAST,
                        StatisticsTraffic.report("EP-A", "leak", List.of("suspicious-mail"), false));
                StatisticsTraffic.at(h.clock, "2026-03-31T23:55");
                g.send(Notices.earlyWarning());

                // FY2026 Q1: 2026-04-01 00:10 Tokyo is still 31 March in UTC
                StatisticsTraffic.at(h.clock, "2026-04-01T00:10");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "telecom-a-soc", TELECOM,
                        StatisticsTraffic.report("TA-B", null, List.of(), false));
                StatisticsTraffic.at(h.clock, "2026-05-10T10:00");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "east-power-soc", EAST,
                        StatisticsTraffic.report("EP-C", "malware-infection", List.of("suspicious-mail", "suspicious-file-run"), false));
                String provision = g.send(Notices.provision()).reference();
                g.forward(new ForwardCommand(provision, "meti-liaison", List.of("power-ceptoar"), false));
                g.send(Notices.of("update", Files.readString(Path.of("keys-sample/notices/update-provision.yaml"))
                        .replace("NISC-PR3-2026-00001", provision)));
                StatisticsTraffic.at(h.clock, "2026-05-11T09:00");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "west-power-soc", "soc@west-power.sample.invalid",
                        StatisticsTraffic.report("WP-X", "precursor", List.of("dos"), true));
                g.send(exercise(Notices.earlyWarning()));
                StatisticsTraffic.at(h.clock, "2026-05-12T09:00");
                traffic.fromAgency(g, h.clock.instant(), StatisticsTraffic.report("JC-1", "intrusion", List.of("dos"), false));
                assertEquals(InboundStatus.QUARANTINED, g.receive(InboundMail.simple(new InboundMail.Envelope(
                        "soc@west-power.sample.invalid", h.clock.instant(), "<plain@west-power.sample.invalid>"),
                        "text/plain; charset=UTF-8", "unsigned")).status());

                // FY2026 Q2: TA-B's second report classifies it; EP-D is re-shared as a provision
                StatisticsTraffic.at(h.clock, "2026-07-01T00:05");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "telecom-a-soc", TELECOM,
                        StatisticsTraffic.report("TA-B", "unavailable", List.of("equipment-failure"), false));
                StatisticsTraffic.at(h.clock, "2026-08-20T10:00");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "east-power-soc", EAST,
                        StatisticsTraffic.report("EP-D", "precursor", List.of(), false));
                var proposal = g.reshare().propose(new ReshareRequest("east-power/EP-D", Optional.empty(), Grounds.VULNERABILITY,
                        Optional.empty(), List.of(), false, List.of()));
                g.reshare().approve(proposal.id(), "nisc-duty");

                // FY2026 Q3
                StatisticsTraffic.at(h.clock, "2026-10-05T10:00");
                StatisticsTraffic.fromSample(g, h.clock.instant(), "east-power-soc", EAST,
                        StatisticsTraffic.report("EP-E", "other", List.of("unknown", "other"), false));
                traffic.fromAgency(g, h.clock.instant(), StatisticsTraffic.report("JC-2", null, List.of(), false));
                g.send(Notices.provision());

                StatisticsCounter counter = new StatisticsCounter(g.directory());
                JdbcStatisticsSource source = new JdbcStatisticsSource(g.dataSource());
                for (StatisticsPeriod p : List.of(StatisticsPeriod.quarter(new FiscalQuarter(2026, 1)),
                        StatisticsPeriod.quarter(new FiscalQuarter(2026, 2)), StatisticsPeriod.fiscalYear(2026))) {
                    tables.put(p, counter.count(p, source));
                }
            }
        }
    }

    @Test
    void firstQuarterCountsTheBoundaryByTokyoTimeAndLeavesAnUnclassifiedReportNotStated() {
        SharingStatistics q1 = tables.get(StatisticsPeriod.quarter(new FiscalQuarter(2026, 1)));
        assertEquals(List.of("FY2025 計", "FY2026 1Q", "FY2026 2Q", "FY2026 3Q", "FY2026 4Q", "FY2026 計"),
                q1.columns().stream().map(StatisticsColumn::japanese).toList());
        assertTable(q1, Map.of(
                FORM + "/operator-reports", "1 2 — — — 2",
                FORM + "/government-shares", "0 1 — — — 1",
                FORM + "/nisc-provisions", "1 1 — — — 1",
                EVENT + "/leak", "1 0 — — — 0",
                EVENT + "/malware-infection", "0 1 — — — 1",
                EVENT + "/not-stated", "0 1 — — — 1",
                CAUSE + "/suspicious-mail", "1 1 — — — 1",
                CAUSE + "/suspicious-file-run", "0 1 — — — 1",
                CAUSE + "/not-stated", "0 1 — — — 1"));
    }

    @Test
    void secondQuarterCountsIncidentsOnceInTheirFirstQuarterClassifiedByTheirLatestReport() {
        assertTable(tables.get(StatisticsPeriod.quarter(new FiscalQuarter(2026, 2))), Map.ofEntries(
                Map.entry(FORM + "/operator-reports", "1 2 1 — — 3"),
                Map.entry(FORM + "/government-shares", "0 1 0 — — 1"),
                Map.entry(FORM + "/nisc-provisions", "1 1 1 — — 2"),
                Map.entry(EVENT + "/leak", "1 0 0 — — 0"),
                Map.entry(EVENT + "/malware-infection", "0 1 0 — — 1"),
                Map.entry(EVENT + "/unavailable", "0 1 0 — — 1"),
                Map.entry(EVENT + "/precursor", "0 0 1 — — 1"),
                Map.entry(CAUSE + "/suspicious-mail", "1 1 0 — — 1"),
                Map.entry(CAUSE + "/suspicious-file-run", "0 1 0 — — 1"),
                Map.entry(CAUSE + "/equipment-failure", "0 1 0 — — 1"),
                Map.entry(CAUSE + "/not-stated", "0 0 1 — — 1")));
    }

    @Test
    void theFiscalYearHasEveryQuarterAndTheirTotal() {
        assertTable(tables.get(StatisticsPeriod.fiscalYear(2026)), Map.ofEntries(
                Map.entry(FORM + "/operator-reports", "1 2 1 1 0 4"),
                Map.entry(FORM + "/government-shares", "0 1 0 1 0 2"),
                Map.entry(FORM + "/nisc-provisions", "1 1 1 1 0 3"),
                Map.entry(EVENT + "/leak", "1 0 0 0 0 0"),
                Map.entry(EVENT + "/malware-infection", "0 1 0 0 0 1"),
                Map.entry(EVENT + "/unavailable", "0 1 0 0 0 1"),
                Map.entry(EVENT + "/precursor", "0 0 1 0 0 1"),
                Map.entry(EVENT + "/other", "0 0 0 1 0 1"),
                Map.entry(CAUSE + "/suspicious-mail", "1 1 0 0 0 1"),
                Map.entry(CAUSE + "/suspicious-file-run", "0 1 0 0 0 1"),
                Map.entry(CAUSE + "/equipment-failure", "0 1 0 0 0 1"),
                Map.entry(CAUSE + "/other", "0 0 0 1 0 1"),
                Map.entry(CAUSE + "/unknown", "0 0 0 1 0 1"),
                Map.entry(CAUSE + "/not-stated", "0 0 1 0 0 1")));
    }

    @Test
    void csvAndHtmlCarryTheRowsWithJapaneseAndEnglishLabels() throws Exception {
        SharingStatistics q2 = tables.get(StatisticsPeriod.quarter(new FiscalQuarter(2026, 2)));
        List<Path> files = StatisticsFiles.write(q2, work.resolve("out"));
        assertEquals(List.of("stats-2026Q2.csv", "stats-2026Q2.html"), files.stream().map(p -> p.getFileName().toString()).toList());

        byte[] csvBytes = Files.readAllBytes(files.get(0));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csvBytes[0], csvBytes[1], csvBytes[2]), "UTF-8 BOM for Excel");
        List<String> csv = List.of(new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("\"表 / Table\",\"区分\",\"項目\",\"Group\",\"Item\",\"FY2025 計 / FY2025 total\",\"FY2026 1Q / FY2026 Q1\","
                + "\"FY2026 2Q / FY2026 Q2\",\"FY2026 3Q / FY2026 Q3\",\"FY2026 4Q / FY2026 Q4\",\"FY2026 計 / FY2026 total\"", csv.get(0));
        assertTrue(csv.contains("\"実施形態 / Form of sharing\",\"\",\"重要インフラ事業者等からNISCへの情報連絡(※)\",\"\","
                + "\"Incident reports from critical-infrastructure operators etc. to NISC (*)\",\"1\",\"2\",\"1\",\"—\",\"—\",\"3\""), csv.get(1));
        assertTrue(csv.stream().anyMatch(l -> l.contains("\"偶発的な原因\",\"機器等の故障\",\"Accidental causes\",\"Equipment failure\","
                + "\"0\",\"1\",\"0\",\"—\",\"—\",\"1\"")), String.join("\n", csv));
        assertEquals(1 + StatisticsLayout.ROWS.size(), csv.size());

        String html = Files.readString(files.get(1), StandardCharsets.UTF_8);
        assertTrue(html.contains("重要インフラにおける情報共有件数について（2026年度第2四半期）"), html);
        assertTrue(html.contains("2026年7月〜9月"), html);
        assertTrue(html.contains("FY2026 Q2 (July–September 2026)"));
        assertTrue(html.contains("予兆・ヒヤリハット") && html.contains("Precursors, near misses"));
        assertTrue(html.contains("<svg") && html.contains("<rect"), "bar charts");
        assertFalse(html.contains("<script") || html.contains("http://cdn") || html.contains("https://"), "self-contained");
    }

    @Test
    void officialSheetHeadsTheCauseTableWith原因AndSaysNothingAboutWhereItsLayoutCameFrom() throws Exception {
        SharingStatistics q2 = tables.get(StatisticsPeriod.quarter(new FiscalQuarter(2026, 2)));
        List<Path> files = StatisticsFiles.write(q2, work.resolve("sheet"));
        String html = Files.readString(files.get(1), StandardCharsets.UTF_8);
        String causes = html.substring(html.indexOf(StatisticsRow.Table.CAUSE.japanese()));
        assertTrue(causes.contains("<th rowspan=\"2\" colspan=\"2\">原因<br><span class=\"en\">Cause</span>"), causes);
        String both = html + Files.readString(files.get(0), StandardCharsets.UTF_8);
        for (String word : List.of("seed", "Seed", "004", "ゲートウェイが追加", "gateway's addition")) {
            assertFalse(both.contains(word), "an official sheet says nothing of its sources: " + word);
        }
    }

    @Test
    void theStatsCommandWritesTheSameTableFromTheStoredTraffic() throws Exception {
        Path out = work.resolve("cli");
        String printed = run(0, "stats", "--quarter", "2026Q2", "--out", out.toString(), "--config", config.toString());
        assertTrue(printed.contains("2026年度第2四半期") && printed.contains("wrote "), printed);
        assertTrue(java.util.Arrays.equals(StatisticsCsv.write(tables.get(StatisticsPeriod.quarter(new FiscalQuarter(2026, 2)))),
                Files.readAllBytes(out.resolve("stats-2026Q2.csv"))), "the command counts what the counter counts");
        run(0, "stats", "--fiscal-year", "2026", "--out", out.toString(), "--config", config.toString());
        assertTrue(Files.exists(out.resolve("stats-FY2026.html")));
    }

    @Test
    void badPeriodsAreRefusedWithTheFormatToUse() {
        assertTrue(run(2, "stats", "--quarter", "2026Q5").contains("write YYYYQn, e.g. 2026Q3"));
        assertTrue(run(2, "stats", "--quarter", "Q3-2026").contains("not a fiscal quarter"));
        assertTrue(run(2, "stats", "--quarter", "2026Q1", "--fiscal-year", "2026").contains("mutually exclusive"));
        assertTrue(run(2, "stats").contains("--quarter"));
    }

    @Test
    void everyEventTypeAndCauseOfTheInboundFormatHasARow() {
        for (var e : io.liaison.gateway.inbound.format.EventType.values()) {
            assertTrue(StatisticsLayout.ROWS.stream().anyMatch(r -> r.table() == EVENT && r.key().equals(e.code())), e.code());
        }
        for (var c : io.liaison.gateway.inbound.format.Cause.values()) {
            assertTrue(StatisticsLayout.ROWS.stream().anyMatch(r -> r.table() == CAUSE && r.key().equals(c.code())), c.code());
        }
    }

    /** Every row: the ones given as expected, all others zero in every reached column and "—" in the rest. */
    private static void assertTable(SharingStatistics s, Map<String, String> expected) {
        StringBuilder mismatches = new StringBuilder();
        for (SharingStatistics.Line line : s.lines()) {
            StringBuilder zero = new StringBuilder();
            StringBuilder actual = new StringBuilder();
            for (int c = 0; c < s.columns().size(); c++) {
                zero.append(c == 0 ? "" : " ").append(s.columns().get(c).reached() ? "0" : "—");
                actual.append(c == 0 ? "" : " ").append(s.cell(line, c));
            }
            String key = line.row().table() + "/" + line.row().key();
            String want = expected.getOrDefault(key, zero.toString());
            if (!want.contentEquals(actual)) {
                mismatches.append(key).append(": expected ").append(want).append(", got ").append(actual).append('\n');
            }
        }
        assertEquals("", mismatches.toString(), StatisticsText.render(s));
    }

    /** Runs the CLI, insists on the exit code, returns what it printed (both streams). */
    private static String run(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previousOut = System.out;
        PrintStream previousErr = System.err;
        int code;
        try {
            PrintStream both = new PrintStream(out, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            code = Main.run(args);
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(expectedCode, code, text);
        return text;
    }

    private static NoticeFile exercise(NoticeFile notice) {
        String yaml = new String(notice.yaml(), StandardCharsets.UTF_8).replace("kind: early-warning", "kind: early-warning\nexercise: true");
        return Notices.of("exercise", yaml);
    }
}
