package io.liaison.gateway.interfaces.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial's trap: {@code status} run from another folder, with the relative default database path, opened a new
 * empty database there and answered as if the notice never existed. Commands that only read refuse instead.
 */
class StatusNeverCreatesADatabaseTest {
    @TempDir
    Path work;

    @Test
    void statusStatsAndIncidentShowRefuseAMissingDatabaseAndCreateNothing() throws Exception {
        Path data = work.resolve("elsewhere");
        Path config = work.resolve("gateway.properties");
        Files.writeString(config, "gateway.db.url=jdbc:h2:file:" + data.resolve("gateway") + ";FILE_LOCK=FS\n"
                + "gateway.demo-mode=true\n");
        for (String[] args : new String[][] {
                {"status", "NISC-EW-2026-00001", "--config", config.toString()},
                {"stats", "--quarter", "2026Q3", "--out", work.resolve("stats").toString(), "--config", config.toString()},
                {"incident", "show", "east-power/INC-1", "--config", config.toString()}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.code(), args[0] + ": " + run.out() + run.err());
            assertTrue(run.err().contains("no gateway database at " + data.resolve("gateway") + ".mv.db"), run.err());
            assertTrue(run.err().contains("--config"), run.err());
            assertFalse(Files.exists(data), args[0] + " created " + data);
        }
    }
}
