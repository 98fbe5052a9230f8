package io.liaison.gateway.testing;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.intake.NoticeDraft;
import io.liaison.gateway.intake.NoticeKind;
import io.liaison.gateway.intake.Priority;
import io.liaison.gateway.intake.Target;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.policy.DeliveryPlan;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.policy.PlannedDelivery;
import io.liaison.gateway.store.NoticeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An early warning stored straight into a ledger with {@code n} SMS deliveries, for tests of claims and dispatch. */
public final class SmsFanOut {
    private SmsFanOut() {
    }

    /** Stores it in series {@code NISC-EW-2026}; returns its reference. */
    public static String store(NoticeStore store, Instant now, int recipients) {
        return store(store, now, "NISC-EW-2026", recipients);
    }

    public static String store(NoticeStore store, Instant now, String series, int recipients) {
        NoticeDraft draft = new NoticeDraft(NoticeKind.EARLY_WARNING, Priority.URGENT, Tlp.AMBER, false, "nisc-duty",
                "標的型攻撃の兆候 / Signs of an attack", "至急確認を", "本文 / body", new Target(List.of("electric-power"), List.of(), false));
        List<PlannedDelivery> planned = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            planned.add(new PlannedDelivery("east-power", "east-power-soc", ChannelKind.SMS, String.format("+81900%07d", i),
                    DeliveryRole.DIRECT));
        }
        return store.accept(draft, "nisc", series, new DeliveryPlan(planned, List.of()), now).value();
    }
}
