package io.liaison.gateway.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time per group of threads over an interval (threads named alike, digits ignored), so the
 * report can say which part of the process the cores went to: on Linux every thread of the process,
 * the JVM's compilers and collectors included (from /proc, at 10 ms resolution); elsewhere only Java
 * threads.
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> start;

    private ThreadCpu(Map<String, Long> start) {
        this.start = start;
    }

    static ThreadCpu begin() {
        return new ThreadCpu(sample());
    }

    /** Seconds of CPU per thread group since {@link #begin()}. */
    Map<String, Double> end() {
        Map<String, Double> groups = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, Long> now = sample(names);
        now.forEach((id, nanos) -> {
            long used = nanos - start.getOrDefault(id, 0L);
            if (used > 0) {
                groups.merge(group(names.get(id)), used / 1e9, Double::sum);
            }
        });
        return groups;
    }

    private static Map<String, Long> sample() {
        return sample(new HashMap<>());
    }

    private static Map<String, Long> sample(Map<String, String> names) {
        Map<String, Long> cpu = new HashMap<>();
        if (Files.isDirectory(TASKS)) {
            try (Stream<Path> tasks = Files.list(TASKS)) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        int close = stat.lastIndexOf(')');
                        String[] fields = stat.substring(close + 2).split(" ");
                        // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux)
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        String id = task.getFileName().toString();
                        cpu.put(id, ticks * 10_000_000L);
                        names.put(id, stat.substring(stat.indexOf('(') + 1, close));
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended between listing and reading
                    }
                });
                return cpu;
            } catch (IOException e) {
                cpu.clear();
            }
        }
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (nanos >= 0 && info != null) {
                cpu.put("java-" + id, nanos);
                names.put("java-" + id, info.getThreadName());
            }
        }
        return cpu;
    }

    /** The JIT compiler threads' group ("C1 CompilerThread0", cut to 15 characters by the kernel). */
    static final String COMPILERS = "C# CompilerThre";

    private static String group(String name) {
        return name.replaceAll("\\d+", "#").replace("Camel (camel-#", "Camel");
    }
}
