package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.exercise.ScenarioParser;
import io.liaison.gateway.exercise.Scenario;
import io.liaison.gateway.exercise.ExerciseRunner;
import io.liaison.gateway.exercise.ExerciseReport;
import io.liaison.gateway.app.DemoOnly;
import io.liaison.gateway.app.Gateway;
import io.liaison.gateway.app.GatewaySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exercise run SCENARIO.yaml [--simulated]}: an exercise on the real chain, then its report. */
@Command(name = "exercise", description = "Exercises (演習): run a scenario of timed notices and expected replies.",
        subcommands = ExerciseCommand.Run.class)
public final class ExerciseCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("usage: exercise run SCENARIO.yaml [--simulated] [--config FILE]");
        return 0;
    }

    @Command(name = "run", description = "Send the scenario's notices as exercise traffic at their times and report.")
    static final class Run implements Callable<Integer> {
        @Parameters(paramLabel = "SCENARIO.yaml")
        Path file;

        @Option(names = "--simulated", description = "Rehearse on a throw-away gateway (temporary database, own clock, in-process servers: nothing is sent) and play the expected replies.")
        boolean simulated;

        @Option(names = "--config", description = "Properties file overriding the built-in settings.")
        Path config;

        @Override
        public Integer call() throws Exception {
            Scenario scenario = new ScenarioParser().parse(file);
            GatewaySettings settings = GatewaySettings.load(Optional.ofNullable(config), new Properties());
            if (simulated) {
                // never the real gateway: a throw-away one with its own database, clock and in-process peers
                // the in-process peers are demo-only: absent from liaison-gateway-server.jar, so named as a string
                Optional<Class<?>> simulator = DemoOnly.find(DemoOnly.SIMULATED_EXERCISE);
                if (simulator.isEmpty()) {
                    System.err.println(DemoOnly.NOT_IN_THIS_ARTIFACT);
                    return 2;
                }
                ExerciseReport report = simulate(simulator.get(), settings, scenario);
                System.out.println("SIMULATED exercise: nothing was sent; the real gateway's database and clock were not touched.");
                System.out.print(report.render(settings.zone()));
                return 0;
            }
            try (Gateway gateway = Gateway.builder(settings).start()) {
                ExerciseReport report = new ExerciseRunner(gateway.exerciseChain(), ExerciseCommand::sleepUntil, false).run(scenario);
                System.out.print(report.render(gateway.zone()));
                return 0;
            }
        }
    }

    private static ExerciseReport simulate(Class<?> simulator, GatewaySettings settings, Scenario scenario) throws Exception {
        try {
            return (ExerciseReport) simulator.getMethod("run", GatewaySettings.class, Scenario.class).invoke(null, settings, scenario);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // the rehearsal's own failure, not the reflection's: report it as the command would have
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
