package io.liaison.gateway.dispatch.fax;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail-to-fax addresses as RFC 3192 writes them: {@code FAX=+<E.164 number>[/T33S=<subaddress>]@<gateway>}.
 * Only the fax gateway interprets the local part; everything in it is checked here so nothing but a
 * number (and digits of a T.33 subaddress) can reach the gateway.
 */
public final class Rfc3192Address {
    /** T.33 subaddresses are digits only, at most 20 of them. */
    private static final Pattern SUBADDRESS = Pattern.compile("[0-9]{1,20}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Rfc3192Address() {
    }

    /** The address text, e.g. {@code FAX=+81312345678/T33S=123@faxgw.example}. */
    public static String format(FaxNumber number, Optional<String> subaddress, String gatewayDomain) {
        StringBuilder local = new StringBuilder("FAX=").append(number.e164());
        if (subaddress.isPresent()) {
            String sub = subaddress.get();
            if (!SUBADDRESS.matcher(sub).matches()) {
                throw new InvalidFaxNumberException("fax subaddress " + FaxNumber.shown(sub)
                        + " is not a T.33 subaddress (1 to 20 digits)");
            }
            local.append("/T33S=").append(sub);
        }
        return local + "@" + checkedDomain(gatewayDomain);
    }

    /** The same as an e-mail address, checked strictly by Jakarta Mail as well. */
    public static InternetAddress of(FaxNumber number, Optional<String> subaddress, String gatewayDomain) {
        String text = format(number, subaddress, gatewayDomain);
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new InvalidFaxNumberException("\"" + text + "\" is not a valid e-mail address: " + e.getMessage());
        }
    }

    /** The gateway's domain, lower case; refused unless it is a plain host name. */
    public static String checkedDomain(String gatewayDomain) {
        if (gatewayDomain == null || !DOMAIN.matcher(gatewayDomain.trim()).matches()) {
            throw new IllegalArgumentException("e-mail-to-fax gateway domain " + FaxNumber.shown(gatewayDomain)
                    + " is not a host name like faxgw.example.jp");
        }
        return gatewayDomain.trim().toLowerCase(Locale.ROOT);
    }
}
