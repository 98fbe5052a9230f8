package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryRefusesPocWithFewerThanTwoChannelsTest {
    private static final String NISC_CHANNELS = """
                  - email: duty@nisc.test.invalid
                  - sms: "+819000000001"
            """;

    @TempDir
    Path dir;

    @Test
    void refusesASingleChannel() {
        DirectoryException e = refuse(dir, replace(minimal(), NISC_CHANNELS, "      - email: duty@nisc.test.invalid\n"));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels",
                "has 1 channel; at least two independent channels of different kinds are required");
    }

    @Test
    void refusesNoChannels() {
        DirectoryException e = refuse(dir, replace(minimal(), "    channels:\n" + NISC_CHANNELS, "    channels: []\n"));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels", "has 0 channels");
    }

    @Test
    void refusesAMissingChannelList() {
        DirectoryException e = refuse(dir, replace(minimal(), "    channels:\n" + NISC_CHANNELS, ""));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels", "is required");
    }

    @Test
    void refusesTwoChannelsOfTheSameKind() {
        DirectoryException e = refuse(dir, replace(minimal(), NISC_CHANNELS,
                "      - email: duty@nisc.test.invalid\n      - email: duty2@nisc.test.invalid\n"));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels",
                "all channels are email; two email channels are not independent, add a channel of another kind (sms or fax)");
    }

    @Test
    void refusesAnUnknownChannelKind() {
        DirectoryException e = refuse(dir, replace(minimal(), "      - sms: \"+819000000001\"\n", "      - phone: \"+819000000001\"\n"));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels[1].phone", "is not a channel kind; use one of email, sms, fax");
        assertProblem(e, "points_of_contact[nisc-duty]", "channels", "all channels are email");
    }

    @Test
    void refusesAChannelThatIsNotASingleKeyMapping() {
        DirectoryException e = refuse(dir, replace(minimal(), NISC_CHANNELS,
                "      - email: duty@nisc.test.invalid\n        sms: \"+819000000001\"\n      - duty@nisc.test.invalid\n"));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels[0]", "a mapping with 2 keys (email, sms)");
        assertProblem(e, "points_of_contact[nisc-duty]", "channels[1]", "got \"duty@nisc.test.invalid\"");
    }
}
