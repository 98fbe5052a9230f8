package io.liaison.gateway.app;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * The demo-only classes (demo, peers, bench and GreenMail) are in liaison-gateway.jar but not in the
 * production artifact liaison-gateway-server.jar. The gateway names them only as strings here, so the
 * server jar starts without them and says plainly which commands it lacks.
 */
public final class DemoOnly {
    public static final String DEMO_COMMAND = "io.liaison.gateway.demo.DemoCommand";
    public static final String BENCH_COMMAND = "io.liaison.gateway.bench.BenchCommand";
    public static final String SIMULATED_EXERCISE = "io.liaison.gateway.demo.SimulatedExercise";
    public static final String NOT_IN_THIS_ARTIFACT = "not in this artifact: use liaison-gateway.jar for the demo";

    private DemoOnly() {}

    /** The class if this artifact carries it; empty in the production jar. */
    public static Optional<Class<?>> find(String className) {
        try {
            return Optional.of(Class.forName(className, true, DemoOnly.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            // a demo class present without GreenMail counts as absent too: the demo could not run
            return Optional.empty();
        }
    }

    /** The command itself, or a stand-in under its name that refuses with exit 2. */
    static Object commandOrStandIn(String className) {
        return find(className).<Object>map(DemoOnly::instantiate).orElseGet(NotInThisArtifact::new);
    }

    private static Object instantiate(Class<?> c) {
        try {
            return c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the command " + c.getName(), e);
        }
    }

    @Command(description = "Not in this artifact: use liaison-gateway.jar for the demo.")
    static final class NotInThisArtifact implements Callable<Integer> {
        @Unmatched
        List<String> ignored;

        @Override
        public Integer call() {
            System.err.println(NOT_IN_THIS_ARTIFACT);
            return io.liaison.gateway.interfaces.cli.ExitCodes.REFUSED;
        }
    }
}
