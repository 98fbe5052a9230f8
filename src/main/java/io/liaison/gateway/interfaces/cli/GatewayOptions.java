package io.liaison.gateway.interfaces.cli;

import io.liaison.gateway.app.GatewaySettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Options every command that starts the gateway or opens its ledger shares. */
class GatewayOptions {
    @Option(names = "--config", description = "Properties file overriding the built-in settings.")
    Path config;

    GatewaySettings settings() {
        return GatewaySettings.load(Optional.ofNullable(config), new Properties());
    }
}
