package io.liaison.gateway.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of the gateway's own keys of one kind (OpenPGP or S/MIME) is used when, during a key rollover.
 *
 * <p>Timeline: the current key signs until {@code switchAt}, the next key from then on. Inbound, both keys
 * decrypt from the moment the next key is configured (its announcement follows) until {@code retireAt};
 * from {@code retireAt} on only the next key decrypts, and a message encrypted to the current (old) key is
 * refused by name rather than failing as undecryptable. Without a next key the current key does
 * everything. Immutable; {@code K} is the key class ({@code OpenPgpGatewayKey}, {@code SmimeGatewayKey}).
 *
 * @param current  the key in use today ({@code gateway.key.file}, {@code gateway.smime.key.file})
 * @param next     the key replacing it ({@code gateway.key.next.file}, {@code gateway.smime.next.key.file})
 * @param switchAt when outbound signing moves to {@code next}; present exactly when {@code next} is
 * @param retireAt when {@code current} stops decrypting; present exactly when {@code next} is, not before {@code switchAt}
 */
public record GatewayKeySchedule<K>(K current, Optional<K> next, Optional<Instant> switchAt, Optional<Instant> retireAt) {

    public GatewayKeySchedule {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(switchAt, "switchAt");
        Objects.requireNonNull(retireAt, "retireAt");
        if (next.isPresent() != switchAt.isPresent() || next.isPresent() != retireAt.isPresent()) {
            throw new IllegalArgumentException("a next key needs both a switch date and a retirement date, and neither goes without it");
        }
        if (switchAt.isPresent() && retireAt.get().isBefore(switchAt.get())) {
            throw new IllegalArgumentException("the old key's retirement (" + retireAt.get() + ") is before the switch ("
                    + switchAt.get() + "): replies to messages signed with the old key would be refused");
        }
    }

    /** No rollover: one key signs and decrypts. */
    public static <K> GatewayKeySchedule<K> single(K key) {
        return new GatewayKeySchedule<>(key, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** {@code current} until {@code switchAt}, then {@code next}; {@code current} still decrypts until {@code retireAt}. */
    public static <K> GatewayKeySchedule<K> rolling(K current, K next, Instant switchAt, Instant retireAt) {
        return new GatewayKeySchedule<>(current, Optional.of(next), Optional.of(switchAt), Optional.of(retireAt));
    }

    public boolean isRolling() {
        return next.isPresent();
    }

    /** The key that signs what the gateway sends at {@code at}. */
    public K signingKeyAt(Instant at) {
        return next.isPresent() && !at.isBefore(switchAt.get()) ? next.get() : current;
    }

    /** True when {@code at} is before the switch: the key signing then is the current (old) one. */
    public boolean beforeSwitch(Instant at) {
        return switchAt.isEmpty() || at.isBefore(switchAt.get());
    }

    /** The keys that may decrypt a message arriving at {@code at}: the signing key first. */
    public List<K> decryptionKeysAt(Instant at) {
        if (next.isEmpty()) {
            return List.of(current);
        }
        if (!at.isBefore(retireAt.get())) {
            return List.of(next.get());
        }
        return signingKeyAt(at) == next.get() ? List.of(next.get(), current) : List.of(current, next.get());
    }

    /** The old key once it is retired at {@code at}: a message encrypted to it only is refused by name. */
    public Optional<K> retiredAt(Instant at) {
        return next.isPresent() && !at.isBefore(retireAt.get()) ? Optional.of(current) : Optional.empty();
    }

    /** Every key held, current first: what {@code keys check} judges. */
    public List<K> all() {
        return next.map(n -> List.of(current, n)).orElse(List.of(current));
    }
}
