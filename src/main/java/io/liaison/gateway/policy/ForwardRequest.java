package io.liaison.gateway.policy;

import io.liaison.gateway.marking.Tlp;
import java.util.List;
import java.util.Set;

/**
 * A point of contact's request to pass a received notice on, with what the ledger knows of it.
 *
 * @param receivedFrom organisations that delivered this notice to the forwarder's organisation
 * @param alreadyReached organisations that already have a delivery of this notice
 * @param toMembers forward to every member (CEPTOAR's operators, council's CEPTOARs, ministry's sector CEPTOARs)
 */
public record ForwardRequest(
        String reference,
        Tlp level,
        boolean earlyWarning,
        String forwarderPoc,
        List<String> to,
        boolean toMembers,
        Set<String> receivedFrom,
        Set<String> alreadyReached) {
    public ForwardRequest {
        to = List.copyOf(to);
        receivedFrom = Set.copyOf(receivedFrom);
        alreadyReached = Set.copyOf(alreadyReached);
    }
}
