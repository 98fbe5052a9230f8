package io.liaison.gateway.bench;

/**
 * The benchmark's notices: an early warning to the whole benchmark sector with a body of about 3 KB
 * (the size the issue compares at), and a short urgent one to the single urgent-notice operator.
 */
final class BenchNotice {
    private static final String PARAGRAPH = """
            【概要】複数の事業者の関連会社を装った標的型メールが確認されています。添付ファイルを開くと
            遠隔操作型マルウェアに感染するおそれがあります。件名「系統運用データ更新のお知らせ」のメールを
            開かず、送信元ドメインへの通信を遮断し、兆候を確認した場合は情報連絡（第1報）をNISCへ送ること。
            Summary: spear-phishing mails posing as affiliates carry a remote-access implant. Block the listed
            domain, do not open the attachment, and report any sighting to NISC as an incident report.
            """;

    private BenchNotice() {
    }

    /** About 3 KB of UTF-8, mixed Japanese and English as real notices are. */
    static String body() {
        StringBuilder b = new StringBuilder();
        while (b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 3000) {
            b.append(PARAGRAPH).append('\n');
        }
        return b.toString();
    }

    static String fanOutYaml() {
        return notice("Benchmark fan-out: signs of a targeted attack", "sectors: [" + BenchFixture.SECTOR + "]", body());
    }

    static String urgentYaml() {
        return notice("Benchmark urgent notice", "organisations: [" + BenchFixture.URGENT_ORG + "]",
                "Urgent: block power-update.example now.\n");
    }

    private static String notice(String title, String target, String body) {
        StringBuilder y = new StringBuilder();
        y.append("kind: early-warning\nlevel: TLP:AMBER\nfrom: nisc-duty\n");
        y.append("title: \"").append(title).append("\"\n");
        y.append("summary: 至急確認を。Check at once.\n");
        y.append("body: |\n");
        for (String line : body.split("\n", -1)) {
            y.append("  ").append(line).append('\n');
        }
        y.append("target:\n  ").append(target).append('\n');
        return y.toString();
    }
}
