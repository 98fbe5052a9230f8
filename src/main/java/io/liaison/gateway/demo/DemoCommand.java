package io.liaison.gateway.demo;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: lives with the demo, so the production jar (without this package) still starts. */
@Command(name = "demo", description = "Run the whole chain against in-process SMTP/IMAP and SMPP servers, then exit.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Write every e-mail (.eml) and SMS (.txt) the servers received to DIR.")
    Path out;

    @Override
    public Integer call() throws Exception {
        return new Demo(System.out).run(Optional.ofNullable(out)) ? 0 : 1;
    }
}
