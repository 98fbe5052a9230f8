package io.liaison.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.marking.Tlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped sample directory, on the demo's date. With the real sample certificates once they exist; the
 * structure is also checked without them, so a broken sample file is caught before the keys arrive.
 */
class SampleDirectoryLoadsTest {
    private static final Path SAMPLE = Path.of("keys-sample/directory.yaml");
    // End of the demo day rather than its start: the sample keys are generated on that day, and a key is not
    // usable before its creation time.
    private static final Instant DEMO_DAY = Instant.parse("2026-11-21T23:59:59Z");
    private static final LocalDate DEMO_DATE = LocalDate.of(2026, 11, 21);
    private static final Clock CLOCK = Clock.fixed(DEMO_DAY, ZoneOffset.UTC);

    private static final List<String> POCS_WITH_KEYS = List.of("nisc-duty", "meti-liaison", "mic-liaison", "fsa-liaison",
            "power-ceptoar-duty", "power-ceptoar-deputy", "telecom-ceptoar-duty", "council-secretariat",
            "east-power-soc", "west-power-soc", "island-power-soc", "old-power-soc", "telecom-a-soc");

    @Test
    void loadsWithTheRealSampleCertificates() throws Exception {
        assumeTrue(Files.exists(Path.of("keys-sample/certs/east-power-soc.asc")), "sample certificates not generated yet");

        Directory d = new DirectoryLoader(CLOCK, new OpenPgpCertificateReader()).load(SAMPLE);

        for (String poc : POCS_WITH_KEYS) {
            assertTrue(d.pointOfContact(poc).orElseThrow().certificate().isPresent(), poc);
            assertTrue(d.pointOfContact(poc).orElseThrow().certificate().get().usableForEncryptionAt(DEMO_DAY), poc);
        }
        checkStructure(d);
    }

    @Test
    void hasTheSpecifiedStructure() throws Exception {
        Directory d = new DirectoryLoader(CLOCK, new DirectoryFixtures.AlwaysValidCertificates()).load(SAMPLE);

        checkStructure(d);
    }

    private static void checkStructure(Directory d) {
        assertEquals(10, d.sectors().size());
        assertEquals("電力", d.sectors().get("electric-power").nameJa());
        assertEquals("政府・行政サービス", d.sectors().get("government-administrative").nameJa());

        // seed 002: communications 6, electric power 10 (all 9 others here), water 8
        assertEquals(6, d.dependentsOf("information-communications").size());
        assertEquals(9, d.dependentsOf("electric-power").size());
        assertEquals(8, d.dependentsOf("water").size());
        assertFalse(d.dependentsOf("electric-power").contains("electric-power"));

        assertEquals("nisc", d.nisc().id());
        assertEquals(Map.of(
                "fsa", List.of("finance"),
                "mic", List.of("information-communications", "government-administrative"),
                "mhlw", List.of("medical", "water"),
                "meti", List.of("electric-power", "gas"),
                "mlit", List.of("aviation", "railway", "logistics")),
                d.organisationsOfKind(OrganisationKind.MINISTRY).stream().collect(Collectors.toMap(Organisation::id, Organisation::sectors)));
        assertEquals(List.of("east-power", "west-power", "island-power", "old-power"), d.organisation("power-ceptoar").orElseThrow().members());
        assertEquals(List.of("telecom-a"), d.organisation("telecom-ceptoar").orElseThrow().members());
        assertEquals(OrganisationKind.COUNCIL, d.organisation("council").orElseThrow().kind());
        assertEquals(List.of("power-ceptoar", "telecom-ceptoar"), d.organisation("council").orElseThrow().members());
        assertEquals(Set.of("east-power", "west-power", "island-power", "old-power", "telecom-a"),
                d.organisationsOfKind(OrganisationKind.OPERATOR).stream().map(Organisation::id).collect(Collectors.toSet()));

        assertEquals(List.of("power-ceptoar-duty"), d.activePointsOfContactOf("power-ceptoar").stream().map(PointOfContact::id).toList());
        assertTrue(d.pointOfContact("power-ceptoar-deputy").orElseThrow().standby());
        for (String ministry : List.of("meti", "mic", "fsa", "mhlw", "mlit")) {
            PointOfContact liaison = d.pointOfContact(ministry + "-liaison").orElseThrow();
            assertEquals("liaison", liaison.role());
            assertEquals(ministry, liaison.organisationId());
        }
        for (String withoutKey : List.of("mhlw-liaison", "mlit-liaison")) {
            PointOfContact poc = d.pointOfContact(withoutKey).orElseThrow();
            assertTrue(poc.certificate().isEmpty(), withoutKey);
            assertTrue(poc.channel(ChannelKind.EMAIL).isPresent() && poc.channel(ChannelKind.SMS).isPresent(), withoutKey);
        }
        for (PointOfContact poc : d.pointsOfContact().values()) {
            poc.channel(ChannelKind.SMS).ifPresent(sms -> assertTrue(sms.address().startsWith("+8190"), poc.id()));
        }
        PointOfContact faxDesk = d.pointOfContact("telecom-a-soc").orElseThrow();
        assertTrue(faxDesk.channel(ChannelKind.FAX).isPresent() && faxDesk.channel(ChannelKind.SMS).isEmpty(),
                "one desk shows e-mail + fax");

        // provider -> recipient : level, may forward, valid on the demo day
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("nisc->meti", "TLP:RED forward valid"),
                Map.entry("nisc->mic", "TLP:RED forward valid"),
                Map.entry("nisc->power-ceptoar", "TLP:AMBER forward valid"),
                Map.entry("meti->power-ceptoar", "TLP:AMBER forward valid"),
                Map.entry("nisc->telecom-ceptoar", "TLP:AMBER forward valid"),
                Map.entry("mic->telecom-ceptoar", "TLP:AMBER forward valid"),
                Map.entry("power-ceptoar->east-power", "TLP:AMBER no-forward valid"),
                Map.entry("nisc->east-power", "TLP:AMBER no-forward valid"),
                Map.entry("power-ceptoar->west-power", "TLP:GREEN no-forward valid"),
                Map.entry("nisc->west-power", "TLP:GREEN no-forward valid"),
                Map.entry("nisc->old-power", "TLP:AMBER no-forward expired"),
                Map.entry("power-ceptoar->old-power", "TLP:AMBER no-forward expired"),
                Map.entry("telecom-ceptoar->telecom-a", "TLP:AMBER no-forward valid"),
                Map.entry("nisc->telecom-a", "TLP:AMBER no-forward valid"),
                Map.entry("power-ceptoar->council", "TLP:AMBER forward valid"),
                Map.entry("telecom-ceptoar->council", "TLP:AMBER forward valid"),
                Map.entry("council->power-ceptoar", "TLP:AMBER forward valid"),
                Map.entry("council->telecom-ceptoar", "TLP:AMBER forward valid")));
        Map<String, String> actual = new TreeMap<>(d.agreements().stream().collect(Collectors.toMap(
                a -> a.provider() + "->" + a.recipient(),
                a -> a.highestLevel().label() + (a.recipientMayForward() ? " forward" : " no-forward")
                        + (a.isValidOn(DEMO_DATE) ? " valid" : " expired"))));
        assertEquals(expected, actual);
        assertTrue(d.agreements().stream().noneMatch(a -> a.recipient().equals("island-power") || a.provider().equals("island-power")));
        assertTrue(d.agreements().stream().filter(a -> a.isValidOn(DEMO_DATE))
                .allMatch(a -> a.validFrom().equals(LocalDate.of(2025, 4, 1)) && a.validUntil().equals(LocalDate.of(2027, 3, 31))));
        assertTrue(d.agreements().stream().filter(a -> a.recipient().equals("old-power"))
                .allMatch(a -> a.validUntil().equals(LocalDate.of(2025, 3, 31))));
        assertEquals(Tlp.RED, d.agreementsBetween("nisc", "meti").get(0).highestLevel());
    }
}
