package io.liaison.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.gateway.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's procedure without the gateway: docs/verify-audit.sh (bash, sha256sum, gpg) accepts a real
 * export, with Japanese text, quotes, backslashes and tabs in its details, and names the edited line.
 */
class ExportVerifiesWithTheShellProcedureTest {
    @TempDir
    Path dir;

    @Test
    void scriptAcceptsAnUntouchedExportAndNamesAnEditedLine() throws Exception {
        assumeTrue(ExternalTool.available("gpg", "--version"), "gpg not installed");
        assumeTrue(ExternalTool.available("sha256sum", "--version"), "sha256sum not installed");
        Path export = dir.resolve("audit.jsonl");
        try (AuditTrailFixture trail = new AuditTrailFixture(4)) {
            trail.record(9);
            trail.checkpoints.checkpointNow();
            AuditExport.write(export, trail.log.read(Optional.empty(), Optional.empty()), trail.log.checkpoints());
        }
        Path script = Path.of("docs/verify-audit.sh").toAbsolutePath();
        Path cert = Path.of("keys-sample/gateway/gateway.asc").toAbsolutePath();
        ExternalTool.Result ok = ExternalTool.run(dir, "bash", script.toString(), export.toString(), cert.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        assertTrue(ok.stdout().contains("OK: 9 entries"), ok.toString());
        assertTrue(ok.stdout().contains("3 signed checkpoints"), ok.toString());

        List<String> lines = Files.readAllLines(export, StandardCharsets.UTF_8);
        lines.set(5, lines.get(5).replace("\"n\":\"6\"", "\"n\":\"7\""));
        Files.writeString(export, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        ExternalTool.Result edited = ExternalTool.run(dir, "bash", script.toString(), export.toString(), cert.toString());
        assertEquals(1, edited.exitCode(), edited.toString());
        assertTrue(edited.stdout().contains("line 6: entry #6 was changed"), edited.toString());
    }

    @Test
    void scriptNamesAForgedCheckpoint() throws Exception {
        assumeTrue(ExternalTool.available("gpg", "--version"), "gpg not installed");
        Path export = dir.resolve("audit.jsonl");
        try (AuditTrailFixture trail = new AuditTrailFixture(100)) {
            trail.record(3);
            trail.checkpoints.checkpointNow();
            AuditExport.write(export, trail.log.read(Optional.empty(), Optional.empty()), trail.log.checkpoints());
        }
        Path cps = AuditExport.checkpointsOf(export);
        String text = Files.readString(cps);
        // the signed head claims another hash: the signature no longer covers what the line says
        String forged = text.replaceFirst("checkpoint 3 [0-9a-f]{64}", "checkpoint 3 " + "ab".repeat(32));
        Files.writeString(cps, forged);
        ExternalTool.Result result = ExternalTool.run(dir, "bash", Path.of("docs/verify-audit.sh").toAbsolutePath().toString(),
                export.toString(), Path.of("keys-sample/gateway/gateway.asc").toAbsolutePath().toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("checkpoint at entry #3 is forged"), result.toString());
    }
}
