package io.liaison.gateway.directory;

import static io.liaison.gateway.directory.DirectoryFixtures.assertProblem;
import static io.liaison.gateway.directory.DirectoryFixtures.minimal;
import static io.liaison.gateway.directory.DirectoryFixtures.refuse;
import static io.liaison.gateway.directory.DirectoryFixtures.replace;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryRefusesInvalidEmailAddressesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"duty.nisc.test.invalid", "duty@@nisc.test.invalid", "duty@localhost", "duty@nisc..invalid",
            ".duty@nisc.test.invalid", "duty @nisc.test.invalid", "duty@-nisc.invalid", "<duty@nisc.test.invalid>"})
    void refusesAnAddressThatIsNotLocalPartAtDomain(String address) {
        DirectoryException e = refuse(dir, replace(minimal(), "- email: duty@nisc.test.invalid", "- email: \"" + address + "\""));

        assertProblem(e, "points_of_contact[nisc-duty]", "channels[0].email", "\"" + address + "\" is not an e-mail address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"duty+alerts@nisc.test.invalid", "first.last@soc.east-power.co.jp", "a@b.jp"})
    void acceptsOrdinaryAddresses(String address) throws Exception {
        DirectoryFixtures.load(dir, replace(minimal(), "- email: duty@nisc.test.invalid", "- email: \"" + address + "\""));
    }
}
