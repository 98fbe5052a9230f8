package io.liaison.gateway.application;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.policy.ForwardCommand;

/**
 * The outbound chain as the wiring runs it (routes: intake → policy → numbering → dispatch), handed to
 * the application layer so it never names Camel.
 */
public interface NoticeChain {
    Registrar.Registered send(NoticeFile file);

    Registrar.Registered forward(ForwardCommand command);

    /** Wakes every channel's dispatcher, so a delivery put back in the queue goes now. */
    void wakeDispatchers();
}
