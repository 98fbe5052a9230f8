package io.liaison.gateway.application;

/** A notice (or forward) accepted: its reference and how many deliveries were planned and refused. */
public record NoticeAccepted(String reference, int deliveries, int refusals) {
}
