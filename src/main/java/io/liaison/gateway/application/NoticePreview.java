package io.liaison.gateway.application;

import java.util.List;
import java.util.Optional;

/**
 * What sending a notice would do, with nothing sent or stored: the exact deliveries (organisation,
 * point of contact, channel, address), every refusal with its reason (agreement, level, certificate,
 * channel), and the markings as each channel will show them. The reference is given when it is
 * numbered, so the markings show a placeholder.
 */
public record NoticePreview(String title, String kind, String level, boolean exercise, String from, List<Recipient> recipients,
                            List<Refused> refusals, Markings markings) {
    public static final String REFERENCE_PLACEHOLDER = "(REF)";

    public NoticePreview {
        recipients = List.copyOf(recipients);
        refusals = List.copyOf(refusals);
    }

    public record Recipient(String organisationId, String pocId, String channel, String address, String role) {
    }

    public record Refused(String organisationId, Optional<String> pocId, Optional<String> channel, String reason) {
    }

    /** @param emailBanner shown at the top and bottom of the e-mail body and on each fax page */
    public record Markings(String emailSubject, List<String> emailBanner, String sms) {
        public Markings {
            emailBanner = List.copyOf(emailBanner);
        }
    }
}
