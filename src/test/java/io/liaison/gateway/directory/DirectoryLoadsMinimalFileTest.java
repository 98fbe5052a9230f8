package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.load;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.marking.Tlp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLoadsMinimalFileTest {
    @TempDir
    Path dir;

    @Test
    void mapsEverySectionOntoTheRecords() throws Exception {
        Directory d = load(dir, minimal());

        assertEquals(new Sector("electric-power", "Electric power", "電力"), d.sectors().get("electric-power"));
        assertEquals(Set.of("gas"), d.dependentsOf("electric-power"));
        assertEquals(Set.of(), d.dependentsOf("gas"));

        assertEquals("nisc", d.nisc().id());
        Organisation meti = d.organisation("meti").orElseThrow();
        assertEquals(OrganisationKind.MINISTRY, meti.kind());
        assertEquals(List.of("electric-power", "gas"), meti.sectors());
        assertEquals(List.of("east-power"), d.organisation("power-ceptoar").orElseThrow().members());
        assertEquals(List.of("power-ceptoar"), d.organisation("council").orElseThrow().members());
        assertEquals(List.of("nisc", "meti", "power-ceptoar", "council", "east-power"),
                List.copyOf(d.organisations().keySet()), "directory order is kept");

        PointOfContact soc = d.pointOfContact("east-power-soc").orElseThrow();
        assertEquals("east-power", soc.organisationId());
        assertEquals("soc", soc.role());
        assertFalse(soc.standby(), "standby defaults to false");
        assertEquals(List.of(
                new ContactChannel(ChannelKind.EMAIL, "soc@east-power.test.invalid"),
                new ContactChannel(ChannelKind.SMS, "+819000000051"),
                new ContactChannel(ChannelKind.FAX, "+81312340001")), soc.channels(), "channels keep their order of preference");
        assertTrue(soc.certificate().isEmpty(), "an e-mail channel without a certificate is allowed");

        assertEquals(List.of(new HandlingAgreement("HA-1", "nisc", "power-ceptoar", Tlp.AMBER,
                LocalDate.of(2025, 4, 1), LocalDate.of(2027, 3, 31), true)), d.agreements());
    }

    @Test
    void optionalFieldsTakeTheirSafeDefaults() throws Exception {
        String yaml = replace(minimal(), "    recipient_may_forward: true\n", "");
        yaml = replace(yaml, "    role: soc\n", "    role: soc\n    standby: true\n");

        Directory d = load(dir, yaml);

        assertFalse(d.agreements().get(0).recipientMayForward(), "forwarding is a permission: absent means no");
        assertTrue(d.pointOfContact("east-power-soc").orElseThrow().standby());
    }

    @Test
    void agreementsAndDependenciesMayBeLeftOut() throws Exception {
        String yaml = minimal();
        yaml = yaml.substring(0, yaml.indexOf("agreements:"));
        yaml = replace(yaml, "dependencies:\n  - sector: electric-power\n    affects: [gas]\n", "");

        Directory d = load(dir, yaml);

        assertTrue(d.agreements().isEmpty());
        assertTrue(d.dependents().isEmpty());
    }

    @Test
    void aCertificateWithoutAnEmailChannelIsAccepted() throws Exception {
        String yaml = replace(minimal(), """
                      - email: soc@east-power.test.invalid
                      - sms: "+819000000051"
                      - fax: "+81312340001"
                """, """
                      - sms: "+819000000051"
                      - fax: "+81312340001"
                    openpgp_certificate: certs/east-power-soc.asc
                """);

        Directory d = load(dir, yaml);

        assertTrue(d.pointOfContact("east-power-soc").orElseThrow().certificate().isPresent());
    }
}
