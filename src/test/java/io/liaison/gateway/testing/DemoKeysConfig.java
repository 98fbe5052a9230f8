package io.liaison.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A --config file for commands run on the sample keys: demo mode, and the sample gateway key's passphrase file. */
public final class DemoKeysConfig {
    private DemoKeysConfig() {
    }

    /** Writes {@code folder/demo.properties} with {@code extraLines} appended and returns its path. */
    public static Path write(Path folder, String... extraLines) throws IOException {
        StringBuilder text = new StringBuilder("gateway.demo-mode=true\ngateway.key.passphrase-file=keys-sample/gateway/passphrase.txt\n");
        for (String line : extraLines) {
            text.append(line).append('\n');
        }
        return Files.writeString(Files.createDirectories(folder).resolve("demo.properties"), text.toString());
    }
}
