package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.load;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply, receipt or confirmation is attributed by the address, number or certificate it came from:
 * one of them under two points of contact would silently count for the first. The loader refuses it,
 * naming both contacts. Fax numbers may be shared (one fax machine for a desk).
 */
class DirectoryRefusesAddressesAndCertificatesSharedByTwoContactsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnEmailAddressUnderTwoContactsWhateverItsCase() {
        DirectoryException e = refuse(dir, replace(minimal(), "      - email: soc@east-power.test.invalid\n",
                "      - email: Duty@NISC.test.invalid\n"));

        DirectoryProblem p = assertProblem(e, "points_of_contact[east-power-soc]", "channels[0].email",
                "e-mail address Duty@NISC.test.invalid is already used by points_of_contact[nisc-duty]");
        assertTrue(p.describe().startsWith(dir.resolve("directory.yaml") + ": points_of_contact[east-power-soc].channels[0].email: "),
                p.describe());
    }

    @Test
    void refusesAnSmsNumberUnderTwoContacts() {
        DirectoryException e = refuse(dir, replace(minimal(), "      - sms: \"+819000000051\"\n", "      - sms: \"+819000000001\"\n"));

        assertProblem(e, "points_of_contact[east-power-soc]", "channels[1].sms",
                "SMS number +819000000001 is already used by points_of_contact[nisc-duty]");
    }

    @Test
    void refusesOneCertificateUnderTwoContactsEvenFromTwoFiles() throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        Files.copy(Path.of("keys-sample/certs/east-power-soc.asc"), dir.resolve("certs/duty.asc"));
        Files.copy(Path.of("keys-sample/certs/east-power-soc.asc"), dir.resolve("certs/soc.asc"));
        String yaml = replace(minimal(), "      - sms: \"+819000000001\"\n",
                "      - sms: \"+819000000001\"\n    openpgp_certificate: certs/duty.asc\n");
        yaml = replace(yaml, "      - fax: \"+81312340001\"\n", "      - fax: \"+81312340001\"\n    openpgp_certificate: certs/soc.asc\n");

        DirectoryException e = refuse(new DirectoryLoader(DirectoryFixtures.CLOCK, new OpenPgpCertificateReader()),
                DirectoryFixtures.write(dir, yaml));

        assertProblem(e, "points_of_contact[east-power-soc]", "openpgp_certificate",
                "certificate 32CCA3DD67F69DAF6EEBD8AA48341F894FA68838 is already used by points_of_contact[nisc-duty]");
    }

    @Test
    void aFaxNumberSharedByTwoContactsOfADeskIsAllowed() throws Exception {
        Directory d = load(dir, replace(minimal(), "      - sms: \"+819000000001\"\n",
                "      - sms: \"+819000000001\"\n      - fax: \"+81312340001\"\n"));

        assertEquals(2, d.pointsOfContact().size());
    }

    @Test
    void theSampleDirectoryHasNoSharedAddressOrCertificate() throws Exception {
        Directory d = new DirectoryLoader(DirectoryFixtures.CLOCK, new OpenPgpCertificateReader())
                .load(Path.of("keys-sample/directory.yaml"));

        assertTrue(d.pointsOfContact().size() > 10);
    }
}
