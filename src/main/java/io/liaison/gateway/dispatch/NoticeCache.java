package io.liaison.gateway.dispatch;

import io.liaison.gateway.marking.DutyAlertContent;
import io.liaison.gateway.policy.DeliveryRole;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.StoredNotice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The notices being dispatched, read from the store once rather than once per delivery: a fan-out
 * to ten thousand contacts would otherwise read the same row ten thousand times per channel. A stored
 * notice never changes, so a cached one is never stale. Thread-safe.
 */
public final class NoticeCache {
    private static final int SIZE = 64;

    private final NoticeStore store;
    private final Map<String, StoredNotice> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredNotice> eldest) {
            return size() > SIZE;
        }
    };

    public NoticeCache(NoticeStore store) {
        this.store = store;
    }

    /**
     * The notice a delivery belongs to, as that delivery may carry it: the duty officer's alert gets it
     * without title, summary or body ({@link DutyAlertContent}). A delivery whose notice is gone is refused,
     * never sent without it.
     */
    public StoredNotice noticeOf(Delivery delivery) throws DeliveryRefusedException {
        StoredNotice notice = notice(delivery.reference())
                .orElseThrow(() -> new DeliveryRefusedException("notice " + delivery.reference() + " is not in the store"));
        return delivery.role() == DeliveryRole.DUTY_ALERT ? DutyAlertContent.of(notice) : notice;
    }

    public Optional<StoredNotice> notice(String reference) {
        synchronized (recent) {
            StoredNotice cached = recent.get(reference);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<StoredNotice> read = store.notice(reference);
        read.ifPresent(n -> {
            synchronized (recent) {
                recent.put(reference, n);
            }
        });
        return read;
    }
}
