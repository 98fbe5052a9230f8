package io.liaison.gateway.policy;

import java.util.List;

/** "Forward REF to these organisations (or to all my members), acting as this point of contact." */
public record ForwardCommand(String reference, String actingPoc, List<String> to, boolean toMembers) {
    public ForwardCommand {
        to = List.copyOf(to);
    }
}
