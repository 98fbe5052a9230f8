package io.liaison.gateway.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the fan-out benchmark of issue 5. For each size, a fresh gateway on a generated
 * directory sends one early warning to every point of contact over both channels; then a single
 * urgent notice is timed to its first SMTP acceptance; then a GnuPG per-recipient loop is timed on
 * the same recipients and notice. Prints the figures, and the ratio of gateway to script.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Fan-out benchmark: N points of contact over e-mail and SMS, against a gpg loop.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--recipients", split = ",", defaultValue = "1000,10000",
            description = "Sizes of the fan-out, in points of contact (default ${DEFAULT-VALUE}).")
    List<Integer> sizes = new ArrayList<>();

    @Option(names = "--cache", defaultValue = ".bench-cache",
            description = "Where generated keys and directories are kept between runs (default ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--warmup", defaultValue = "50", description = "Urgent notices sent before each fan-out to warm the JIT.")
    int warmup;

    @Option(names = "--warmup-fan-outs", defaultValue = "12",
            description = "At most this many fan-outs of each size before the measured one; warming stops earlier once"
                    + " the JIT compilers took under 5%% of a fan-out's CPU. The first is reported as the cold figure"
                    + " (default ${DEFAULT-VALUE}).")
    int warmupFanOuts;

    @Option(names = "--latency-runs", defaultValue = "200", description = "Timed urgent notices (default ${DEFAULT-VALUE}).")
    int latencyRuns;

    @Option(names = "--sms-per-second", defaultValue = "10000",
            description = "The SMPP submit cap for the run (setting gateway.smpp.max-submits-per-second).")
    int smsPerSecond;

    @Option(names = "--gpg-max", defaultValue = "2147483647", description = "At most this many recipients in the gpg loop.")
    int gpgMax;

    @Option(names = "--no-gpg", description = "Skip the GnuPG baseline.")
    boolean noGpg;

    @Option(names = "--prepare-only", description = "Generate the keys and directories, then stop.")
    boolean prepareOnly;

    @Option(names = "--nodes", defaultValue = "1",
            description = "Gateways sharing the database and the servers (2 needs a PostgreSQL gateway.db.url in --set;"
                    + " the stage line is the first gateway's) (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Extra gateway setting for the run.")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        BenchReport report = new BenchReport(out);
        report.machine();
        List<Integer> ordered = sizes.stream().sorted().toList();
        List<FanOutRun.Result> fanOuts = new ArrayList<>();
        List<FanOutRun.Result> firsts = new ArrayList<>();
        UrgentLatency.Result latency = null;
        BenchFixture largest = null;
        for (int n : ordered) {
            BenchFixture fixture = BenchFixture.prepare(cache, n, out);
            largest = fixture;
            if (prepareOnly) {
                continue;
            }
            long start = System.nanoTime();
            try (BenchRig rig = new BenchRig(fixture, cache.resolve("run"), smsPerSecond, extraSettings(), nodes)) {
                report.started(fixture, System.nanoTime() - start);
                UrgentLatency.run(rig, fixture, 0, warmup);
                // Until the methods run once per recipient or once per batch have been called often enough, the
                // JIT compiles as much as the gateway sends. The first fan-out of each size is reported as what
                // a gateway that has not yet sent a large fan-out does; the measured one comes once the
                // compilers have (nearly) settled, as in a gateway that has been sending for a while.
                int warmed = 0;
                for (int w = 0; w < warmupFanOuts; w++) {
                    FanOutRun.Result warming = FanOutRun.run(rig, fixture);
                    warmed++;
                    if (w == 0) {
                        firsts.add(warming);
                        report.firstFanOut(warming);
                    }
                    if (warming.compilerShare() < 0.05) {
                        break;
                    }
                }
                report.warmedUp(warmed);
                FanOutRun.Result result = FanOutRun.run(rig, fixture);
                fanOuts.add(result);
                report.fanOut(result, rig.gateway);
                if (n == ordered.get(ordered.size() - 1) && latencyRuns > 0) {
                    latency = UrgentLatency.run(rig, fixture, 20, latencyRuns);
                    report.latency(latency, 20);
                }
            }
        }
        if (prepareOnly) {
            return 0;
        }
        GpgBaseline.Result gpg = null;
        if (!noGpg && largest != null) {
            if (GpgBaseline.available()) {
                gpg = GpgBaseline.run(largest, gpgMax);
                report.gpg(gpg);
            } else {
                out.println("gpg baseline: skipped, no gpg on PATH");
            }
        }
        report.summary(fanOuts, firsts, latency, gpg);
        return fanOuts.stream().allMatch(FanOutRun.Result::exact) ? 0 : 1;
    }

    private Properties extraSettings() {
        Properties p = new Properties();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--set expects KEY=VALUE, got " + s);
            }
            p.setProperty(s.substring(0, eq), s.substring(eq + 1));
        }
        return p;
    }

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format("%d cores, %.1f GiB memory, load average %.2f, Java %s, max heap %d MiB",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                os.getSystemLoadAverage(), System.getProperty("java.version"), HeapWatch.maxBytes() / (1024 * 1024));
    }
}
