package io.liaison.gateway.application;

import java.time.Instant;

/**
 * What an operator gets back for a filed report: the thread ({@code east-power/EP-2026-0042}), the
 * report's number in it (第N報), the reference it was relayed under, and when it was received.
 */
public record IncidentReceipt(String incidentKey, int reportNumber, String relayReference, Instant receivedAt) {
}
