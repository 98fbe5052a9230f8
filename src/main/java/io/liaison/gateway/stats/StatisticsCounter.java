package io.liaison.gateway.stats;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts stored traffic into the seed's table.
 *
 * <ul>
 *   <li>An incident (thread ORG/ID) counts once, in the quarter of its first non-exercise report (第1報): the seed's
 *       event breakdown adds up to its report count, so it counts cases, not every 第N報.</li>
 *   <li>Its event type and causes are those of the latest report that states them, received by the end of the
 *       period: later reports refine earlier ones, and the same period always gives the same table.</li>
 *   <li>重要インフラ事業者等 are organisations of kind operator, CEPTOAR or council; 関係省庁・関係機関 of kind
 *       ministry or agency (by the directory); NISC's own reports are not sharing with NISC.</li>
 *   <li>The event and cause breakdowns are of the first row, as in the seed (※1, ※2); causes are multi-select.</li>
 * </ul>
 */
public final class StatisticsCounter {
    private static final Set<OrganisationKind> INFRASTRUCTURE =
            Set.of(OrganisationKind.OPERATOR, OrganisationKind.CEPTOAR, OrganisationKind.COUNCIL);
    private static final Set<OrganisationKind> GOVERNMENT = Set.of(OrganisationKind.MINISTRY, OrganisationKind.AGENCY);

    private final Directory directory;

    public StatisticsCounter(Directory directory) {
        this.directory = directory;
    }

    public SharingStatistics count(StatisticsPeriod period, StatisticsSource source) {
        Instant end = period.end();
        List<Incident> incidents = incidents(source.reports(end));
        List<ProvisionFact> provisions = source.niscProvisions(directory.nisc().id(), end);
        List<StatisticsColumn> columns = columns(period, incidents, provisions);
        List<String> uncounted = new ArrayList<>();
        List<SharingStatistics.Line> lines = new ArrayList<>();
        for (StatisticsRow row : StatisticsLayout.ROWS) {
            List<Integer> values = new ArrayList<>();
            for (StatisticsColumn column : columns) {
                values.add(column.reached() ? count(row, column, incidents, provisions) : 0);
            }
            lines.add(new SharingStatistics.Line(row, values));
        }
        for (Incident i : incidents) {
            if (kind(i.org).filter(k -> INFRASTRUCTURE.contains(k) || GOVERNMENT.contains(k)).isEmpty()) {
                uncounted.add(i.key);
            }
        }
        int chart = period.wholeYear() ? columns.size() - 1 : columns.size() - 5 + period.throughQuarter() - 1;
        return new SharingStatistics(period, columns, lines, chart, notes(uncounted));
    }

    private int count(StatisticsRow row, StatisticsColumn column, List<Incident> incidents, List<ProvisionFact> provisions) {
        return switch (row.table()) {
            case FORM -> switch (row.key()) {
                case StatisticsRow.OPERATOR_REPORTS -> (int) incidents.stream().filter(i -> column.contains(i.first) && isInfrastructure(i)).count();
                case StatisticsRow.GOVERNMENT_SHARES -> (int) incidents.stream().filter(i -> column.contains(i.first)
                        && kind(i.org).filter(GOVERNMENT::contains).isPresent()).count();
                case StatisticsRow.NISC_PROVISIONS -> (int) provisions.stream().filter(p -> column.contains(p.createdAt())).count();
                default -> throw new IllegalStateException("unknown row " + row.key());
            };
            case EVENT -> (int) incidents.stream().filter(i -> column.contains(i.first) && isInfrastructure(i))
                    .filter(i -> i.event.map(row.key()::equals).orElse(row.key().equals(StatisticsRow.NOT_STATED))).count();
            case CAUSE -> (int) incidents.stream().filter(i -> column.contains(i.first) && isInfrastructure(i))
                    .filter(i -> i.causes.isEmpty() ? row.key().equals(StatisticsRow.NOT_STATED) : i.causes.contains(row.key())).count();
        };
    }

    private boolean isInfrastructure(Incident i) {
        return kind(i.org).filter(INFRASTRUCTURE::contains).isPresent();
    }

    private Optional<OrganisationKind> kind(String org) {
        return directory.organisation(org).map(Organisation::kind);
    }

    /** One per thread: first report's time, and the latest stated event type and causes. */
    private static List<Incident> incidents(List<ReportFact> reports) {
        Map<String, Incident> byKey = new LinkedHashMap<>();
        for (ReportFact r : reports) {
            Incident i = byKey.computeIfAbsent(r.incidentKey(), k -> new Incident(k, r.reporterOrg(), r.receivedAt()));
            if (r.eventType().isPresent()) {
                i.event = r.eventType();
            }
            if (!r.causes().isEmpty()) {
                i.causes = r.causes();
            }
        }
        return List.copyOf(byKey.values());
    }

    /** Earlier fiscal years since the first stored traffic, then the year's quarters and its total. */
    private static List<StatisticsColumn> columns(StatisticsPeriod period, List<Incident> incidents, List<ProvisionFact> provisions) {
        TreeSet<Integer> years = new TreeSet<>();
        incidents.forEach(i -> years.add(FiscalQuarter.fiscalYearOf(i.first)));
        provisions.forEach(p -> years.add(FiscalQuarter.fiscalYearOf(p.createdAt())));
        List<StatisticsColumn> columns = new ArrayList<>();
        int fy = period.fiscalYear();
        if (!years.isEmpty()) {
            for (int y = years.first(); y < fy; y++) {
                columns.add(new StatisticsColumn("FY" + y + " 計", "FY" + y + " total", true, yearStart(y), yearStart(y + 1)));
            }
        }
        for (int q = 1; q <= 4; q++) {
            FiscalQuarter quarter = new FiscalQuarter(fy, q);
            columns.add(new StatisticsColumn("FY" + fy + " " + q + "Q", "FY" + fy + " Q" + q, q <= period.throughQuarter(),
                    quarter.start(), quarter.end()));
        }
        columns.add(new StatisticsColumn("FY" + fy + " 計", "FY" + fy + " total", true, yearStart(fy), period.end()));
        return columns;
    }

    private static Instant yearStart(int fy) {
        return LocalDate.of(fy, 4, 1).atStartOfDay(FiscalQuarter.TOKYO).toInstant();
    }

    private static List<String> notes(List<String> uncounted) {
        List<String> notes = new ArrayList<>(List.of(
                "(注) FY:年度、Q:四半期。年度は4月〜翌年3月、四半期の境界は日本時間（1Q 4〜6月、2Q 7〜9月、3Q 10〜12月、4Q 1〜3月）。"
                        + " / FY = Japanese fiscal year, April to March; quarters in Asia/Tokyo time (Q1 Apr–Jun, Q2 Jul–Sep,"
                        + " Q3 Oct–Dec, Q4 Jan–Mar).",
                "情報連絡は事案（ORG/ID のスレッド）ごとに第1報を受信した四半期で1件と数え、第2報以降は数えない。事象・原因は期末までに受信した"
                        + "最新の報告による。 / Incident reports count once per incident (thread ORG/ID), in the quarter of its first"
                        + " report; later reports are not counted again. Event type and causes are those of the latest report"
                        + " stating them, received by the end of the period.",
                "重要インフラ事業者等 = 事業者・セプター・セプターカウンシル、関係省庁・関係機関 = 省庁・関係機関（ディレクトリの種別による）。"
                        + " / Operators etc. = organisations of kind operator, CEPTOAR or council; ministries and agencies ="
                        + " kind ministry or agency, as the directory says.",
                "NISCからの情報提供 = NISCが発信し1者以上に配信した情報提供・早期警戒情報（再共有を含む。転送・更新・取消・情報連絡の中継・受信保留通知は含まない）。"
                        + " / Provided by NISC = provisions and early warnings NISC originated that reached at least one"
                        + " recipient, re-shares included; not forwards, updates, cancellations, incident relays or quarantine"
                        + " notices.",
                "原因は複数選択のため、1件の報告が挙げた原因それぞれに数える（合計は件数を超えうる）。 / Causes are multi-select: a"
                        + " report counts under every cause it names, so the cause rows may add up to more than the reports.",
                "（記載なし）の行は、事象または原因の記載がない報告の件数（各内訳の合計が件数と一致するよう表示）。 / The (not stated)"
                        + " rows count reports that did not state the event type or cause, so that each breakdown adds up.",
                "演習（exercise）の通信は一切数えない。 / Exercise traffic is never counted."));
        if (!uncounted.isEmpty()) {
            notes.add("数えなかった事案 / Not counted (reported by NISC itself or by an organisation no longer in the directory): "
                    + String.join(", ", uncounted));
        }
        return notes;
    }

    /** An incident thread as the statistics see it. */
    private static final class Incident {
        final String key;
        final String org;
        final Instant first;
        Optional<String> event = Optional.empty();
        List<String> causes = List.of();

        Incident(String key, String org, Instant first) {
            this.key = key;
            this.org = org;
            this.first = first;
        }
    }
}
