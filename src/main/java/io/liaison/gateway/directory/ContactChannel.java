package io.liaison.gateway.directory;

/** One means of reaching a point of contact: an e-mail address, or an E.164 number for SMS or fax. */
public record ContactChannel(ChannelKind kind, String address) {
}
