package io.liaison.gateway.dispatch.fax;

import io.liaison.gateway.compose.fax.FaxNotices;
import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.marking.Tlp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Fax jobs for the bridge tests, rendered once per level. */
final class FaxJobs {
    private static RenderedFax amber;
    private static RenderedFax red;

    private FaxJobs() {
    }

    static synchronized FaxJob of(Tlp level, long deliveryId, String number) {
        try {
            RenderedFax fax;
            if (level == Tlp.RED) {
                red = red != null ? red : FaxNotices.renderer(Tlp.AMBER).render(FaxNotices.notice(Tlp.RED), FaxNotices.context());
                fax = red;
            } else {
                amber = amber != null ? amber : FaxNotices.renderer(Tlp.AMBER).render(FaxNotices.notice(Tlp.AMBER), FaxNotices.context());
                fax = amber;
            }
            return new FaxJob(fax.reference(), deliveryId, level, false, FaxNumber.parse(number), Optional.empty(), fax);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
