package io.liaison.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.inbound.format.InboundDocument;
import io.liaison.gateway.inbound.format.InboundDocumentParser;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.yaml.YamlLimits;
import io.liaison.gateway.reshare.KnownIdentifier;
import io.liaison.gateway.reshare.ReporterIdentifiers;
import io.liaison.gateway.testing.EditedDirectory;
import io.liaison.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Japanese staff read organisations by their Japanese names: an organisation may carry {@code name_ja}, shown
 * before its name wherever the name is shown, and a sanitised re-share removes it as surely as the English one.
 */
class OrganisationsJapaneseNameIsShownBesideItsNameTest {
    @TempDir
    Path work;

    @Test
    void aJapaneseNameIsReadAndShownBeforeTheName() throws Exception {
        Directory directory = load(EditedDirectory.ofSample(work)
                .replace("    name: East Power Co. (sample)\n", "    name: East Power Co. (sample)\n    name_ja: 東電力株式会社（サンプル）\n"));

        Organisation east = directory.organisation("east-power").orElseThrow();
        assertEquals(Optional.of("東電力株式会社（サンプル）"), east.nameJa());
        assertEquals("東電力株式会社（サンプル） / East Power Co. (sample)", east.displayName());
        Organisation west = directory.organisation("west-power").orElseThrow();
        assertEquals("West Power Co. (sample)", west.displayName(), "without name_ja the name alone");
    }

    @Test
    void anEmptyJapaneseNameIsRefusedNamingTheField() throws Exception {
        DirectoryException refused = assertThrows(DirectoryException.class, () -> load(EditedDirectory.ofSample(work)
                .replace("    name: East Power Co. (sample)\n", "    name: East Power Co. (sample)\n    name_ja: \"\"\n")));
        assertTrue(refused.problems().stream().anyMatch(p -> p.field().equals("name_ja") && p.reason().contains("empty")),
                refused.problems().toString());
    }

    @Test
    void aSanitisedReshareKnowsTheJapaneseNameAsTheReporters() throws Exception {
        Directory directory = load(EditedDirectory.ofSample(work)
                .replace("    name: East Power Co. (sample)\n", "    name: East Power Co. (sample)\n    name_ja: 東電力株式会社\n"));

        InboundDocument.IncidentReport report = (InboundDocument.IncidentReport) new InboundDocumentParser(YamlLimits.defaults())
                .parse("""
                        liaison: 1
                        type: incident-report
                        incident: EP-1
                        contact:
                          person: 山田
                          means:
                            - email: soc@east-power.sample.invalid
                        tlp: TLP:AMBER
                        summary: 東電力株式会社の制御系サーバの不審な通信
                        trigger:
                          category: cyber-attack
                          case: attack-detected
                        event_type: malware-infection
                        """, false);
        List<String> known = ReporterIdentifiers.of(directory, "east-power", "east-power-soc", report, List.of()).all().stream()
                .map(KnownIdentifier::text).toList();
        assertTrue(known.contains("東電力株式会社"), known.toString());
    }

    private static Directory load(EditedDirectory edited) throws Exception {
        return new DirectoryLoader(MutableClock.sampleDay(), new OpenPgpCertificateReader()).load(edited.write());
    }
}
