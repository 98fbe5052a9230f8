package io.liaison.gateway.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A gateway (or any main class of the tests) in a JVM of its own, to be killed as a real process is. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The test's class path without its empty entries: an empty entry is the working directory, where the
     * project's routes/ folder would then be found a second time beside the copy in target/classes.
     */
    public static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code java [jvmOptions] -cp <the tests' class path> mainClass args}. */
    public static ProcessBuilder of(Class<?> mainClass, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
