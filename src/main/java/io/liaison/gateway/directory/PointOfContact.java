package io.liaison.gateway.directory;

import io.liaison.gateway.keys.RecipientCertificate;
import java.util.List;
import java.util.Optional;

/**
 * A person or role that receives notices for an organisation.
 *
 * @param channels at least two independent means, in order of preference
 * @param certificate the encryption certificate; absent means this POC gets no e-mail (never plaintext)
 * @param standby reached only by escalation, not on first delivery
 */
public record PointOfContact(
        String id,
        String organisationId,
        String name,
        String role,
        List<ContactChannel> channels,
        Optional<RecipientCertificate> certificate,
        boolean standby) {

    public PointOfContact {
        channels = List.copyOf(channels);
    }

    public Optional<ContactChannel> channel(ChannelKind kind) {
        return channels.stream().filter(c -> c.kind() == kind).findFirst();
    }
}
