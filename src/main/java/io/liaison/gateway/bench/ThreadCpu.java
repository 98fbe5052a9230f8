package io.liaison.gateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per group of Java threads over an interval (threads named alike, digits ignored), so the
 * report can say which part of the process the cores went to. What the process used beyond these is
 * the JVM's own: JIT compilers and garbage collection.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();

    private ThreadCpu() {
    }

    static ThreadCpu begin() {
        ThreadCpu t = new ThreadCpu();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            if (cpu >= 0) {
                t.start.put(id, cpu);
            }
        }
        return t;
    }

    /** Seconds of CPU per thread group since {@link #begin()}, largest first. */
    Map<String, Double> end() {
        Map<String, Double> groups = new TreeMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long cpu = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (cpu < 0 || info == null) {
                continue;
            }
            long used = cpu - start.getOrDefault(id, 0L);
            if (used > 0) {
                groups.merge(group(info.getThreadName()), used / 1e9, Double::sum);
            }
        }
        return groups;
    }

    private static String group(String name) {
        String g = name.replaceAll("\\d+", "#");
        if (g.startsWith("Camel (camel-#) thread ## - ")) {
            return "dispatch " + g.substring("Camel (camel-#) thread ## - ".length());
        }
        return g;
    }
}
