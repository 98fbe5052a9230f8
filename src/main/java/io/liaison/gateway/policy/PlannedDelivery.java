package io.liaison.gateway.policy;

import io.liaison.gateway.directory.ChannelKind;

/** One (point of contact, channel) that passed every check and will be stored as pending. */
public record PlannedDelivery(String organisationId, String pocId, ChannelKind channel, String address, DeliveryRole role) {
}
