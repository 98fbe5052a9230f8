package io.liaison.gateway.application;

import java.util.List;

/** The gate's verdict on a forward or relay before it is sent: who would get it, and who not and why. */
public record ForwardPreview(String reference, List<NoticePreview.Recipient> recipients, List<NoticePreview.Refused> refusals) {
    public ForwardPreview {
        recipients = List.copyOf(recipients);
        refusals = List.copyOf(refusals);
    }
}
