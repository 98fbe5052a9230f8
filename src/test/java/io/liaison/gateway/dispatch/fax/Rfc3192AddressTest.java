package io.liaison.gateway.dispatch.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3192 e-mail-to-fax addresses: FAX=+<E.164>[/T33S=<subaddress>]@<gateway>. */
class Rfc3192AddressTest {

    @Test
    void formatsAnE164NumberWithoutSubaddress() {
        assertEquals("FAX=+81312345678@faxgw.example",
                Rfc3192Address.format(FaxNumber.parse("+81312345678"), Optional.empty(), "faxgw.example"));
    }

    @Test
    void formatsAnE164NumberWithAT33Subaddress() {
        assertEquals("FAX=+81312345678/T33S=6789@faxgw.example",
                Rfc3192Address.format(FaxNumber.parse("+81312345678"), Optional.of("6789"), "faxgw.example"));
    }

    @Test
    void isAValidEmailAddressAndTheGatewayDomainIsLowerCased() throws Exception {
        InternetAddress a = Rfc3192Address.of(FaxNumber.parse("+81312345678"), Optional.of("12"), "FaxGW.Example.JP");

        assertEquals("FAX=+81312345678/T33S=12@faxgw.example.jp", a.getAddress());
        a.validate();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0312345678",                  // national form, no country code
        "81312345678",                 // no '+'
        "+81 3 1234 5678",             // spaces
        "+81-3-1234-5678",             // hyphens
        "+0312345678",                 // country code cannot start with 0
        "+8131234",                    // too short: 7 digits
        "+8131234567890123",           // too long: 16 digits
        "＋８１３１２３４５６７８",       // full-width digits
        "+81312345678@evil.example",   // an address smuggled in
        "+81312345678/T33S=1",         // a subaddress smuggled in
        "+81312345678\r\nBcc: x@evil.example",
        "FAX=+81312345678",
        "tel:+81312345678",
    })
    void refusesAnythingButE164WithAClearReason(String text) {
        InvalidFaxNumberException e = assertThrows(InvalidFaxNumberException.class, () -> FaxNumber.parse(text));

        assertTrue(e.getMessage().contains("not in E.164 form"), e.getMessage());
        assertTrue(!e.getMessage().contains("\r") && !e.getMessage().contains("\n"), "no line breaks echoed into logs");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingNumber(String text) {
        assertThrows(InvalidFaxNumberException.class, () -> FaxNumber.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "1/T33S=2", "123456789012345678901", "12@x", "12 34"})
    void refusesASubaddressThatIsNotT33Digits(String sub) {
        InvalidFaxNumberException e = assertThrows(InvalidFaxNumberException.class,
                () -> Rfc3192Address.format(FaxNumber.parse("+81312345678"), Optional.of(sub), "faxgw.example"));

        assertTrue(e.getMessage().contains("T.33 subaddress"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "faxgw", "faxgw.example>", "a@faxgw.example", "faxgw.example\r\nBcc: x", "-faxgw.example", "fax gw.example"})
    void refusesAGatewayDomainThatIsNotAHostName(String domain) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rfc3192Address.format(FaxNumber.parse("+81312345678"), Optional.empty(), domain));

        assertTrue(e.getMessage().contains("not a host name"), e.getMessage());
    }
}
