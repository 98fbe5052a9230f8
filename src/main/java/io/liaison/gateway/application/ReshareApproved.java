package io.liaison.gateway.application;

import io.liaison.gateway.reshare.ReshareProposal;

/** An approved re-share and the reference of the notice it became. */
public record ReshareApproved(ReshareProposal proposal, String reference) {
}
