package io.liaison.gateway.reshare;

import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.numbering.Registrar;

/** The normal outbound path (Gateway.send): intake, policy, numbering, storage, dispatch. */
@FunctionalInterface
public interface NoticeSender {
    Registrar.Registered send(NoticeFile file);
}
