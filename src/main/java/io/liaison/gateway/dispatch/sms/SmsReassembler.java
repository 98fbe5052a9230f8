package io.liaison.gateway.dispatch.sms;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the parts of concatenated short messages until a message is complete. Parts may arrive in any
 * order. Thread-safe. Incomplete messages are bounded: past {@code maxPending} the oldest is dropped, so a
 * peer that never sends the last part cannot exhaust memory.
 *
 * @param <T> what the caller attaches to each part (e.g. the SMSC message id), returned in part order
 */
public final class SmsReassembler<T> {

    /** A complete message: its text, the data_coding of its parts, and the parts' attachments in order. */
    public record Assembled<T>(String text, int dataCoding, List<T> attachments) {
        public Assembled {
            // Attachments may be null (callers with nothing to attach), which List.copyOf would refuse.
            attachments = Collections.unmodifiableList(new ArrayList<>(attachments));
        }
    }

    private record Key(String source, String destination, int reference, int total) {
    }

    private static final class Pending<T> {
        final int dataCoding;
        final byte[][] bodies;
        final List<T> attachments;
        int received;

        Pending(int dataCoding, int total) {
            this.dataCoding = dataCoding;
            this.bodies = new byte[total][];
            this.attachments = new ArrayList<>(Collections.nCopies(total, null));
        }
    }

    private final Map<Key, Pending<T>> pending;

    public SmsReassembler(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive");
        }
        this.pending = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Pending<T>> eldest) {
                return size() > maxPending;
            }
        };
    }

    /**
     * Offers one received short message.
     *
     * @param udhi         the esm_class UDHI bit
     * @param shortMessage the short_message octets, header included
     * @return the whole message once its last part has arrived; a message without concatenation header at once
     */
    public Optional<Assembled<T>> accept(String source, String destination, int dataCoding, boolean udhi,
                                         byte[] shortMessage, T attachment) {
        UserData userData = UserData.parse(udhi, shortMessage);
        if (userData.concat().isEmpty() || userData.concat().get().total() <= 1) {
            return Optional.of(new Assembled<>(SmsText.decode(dataCoding, userData.body()), dataCoding,
                    Collections.singletonList(attachment)));
        }
        UserData.Concat concat = userData.concat().get();
        int index = concat.sequence() - 1;
        if (index < 0 || index >= concat.total()) {
            // Out-of-range sequence: deliver what we have rather than hold it forever.
            return Optional.of(new Assembled<>(SmsText.decode(dataCoding, userData.body()), dataCoding,
                    Collections.singletonList(attachment)));
        }
        Key key = new Key(source, destination, concat.reference(), concat.total());
        synchronized (pending) {
            Pending<T> parts = pending.computeIfAbsent(key, k -> new Pending<>(dataCoding, k.total()));
            if (parts.bodies[index] == null) {
                parts.received++;
            }
            parts.bodies[index] = userData.body();
            parts.attachments.set(index, attachment);
            if (parts.received < concat.total()) {
                return Optional.empty();
            }
            pending.remove(key);
            // Bodies are joined before decoding so a character split by a foreign sender still decodes.
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (byte[] body : parts.bodies) {
                joined.writeBytes(body);
            }
            return Optional.of(new Assembled<>(SmsText.decode(parts.dataCoding, joined.toByteArray()),
                    parts.dataCoding, parts.attachments));
        }
    }
}
