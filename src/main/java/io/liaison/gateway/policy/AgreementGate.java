package io.liaison.gateway.policy;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.HandlingAgreement;
import io.liaison.gateway.marking.Tlp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The handling-agreement gate (情報の取扱いに関する取り決め): every early warning, and anything above
 * TLP:CLEAR, goes only to an organisation holding an agreement with the provider that is valid today
 * and covers the level.
 */
public final class AgreementGate {
    private final Supplier<Directory> directory;
    private final Clock clock;
    private final ZoneId zone;

    public AgreementGate(Supplier<Directory> directory, Clock clock, ZoneId zone) {
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    /** Empty when {@code provider} may send to {@code recipient}; otherwise the reason it may not. */
    public Optional<String> refusal(String provider, String recipient, Tlp level, boolean earlyWarning) {
        if (!earlyWarning && level == Tlp.CLEAR) {
            return Optional.empty();
        }
        return covering(provider, recipient, level).isPresent() ? Optional.empty()
                : Optional.of(whyNot(provider, recipient, level));
    }

    /** A valid agreement that covers the level, if any. */
    public Optional<HandlingAgreement> covering(String provider, String recipient, Tlp level) {
        LocalDate today = today();
        return directory.get().agreementsBetween(provider, recipient).stream()
                .filter(a -> a.isValidOn(today) && a.highestLevel().covers(level))
                .max(Comparator.comparing(HandlingAgreement::validUntil));
    }

    /**
     * A valid agreement that covers the level and lets the recipient forward onward, if any: with several
     * agreements between the same two organisations, any one that allows forwarding at the level will do.
     */
    public Optional<HandlingAgreement> forwarding(String provider, String recipient, Tlp level) {
        LocalDate today = today();
        return directory.get().agreementsBetween(provider, recipient).stream()
                .filter(a -> a.isValidOn(today) && a.highestLevel().covers(level) && a.recipientMayForward())
                .max(Comparator.comparing(HandlingAgreement::validUntil));
    }

    /** Why no agreement from provider to recipient lets a level through today. */
    public String whyNot(String provider, String recipient, Tlp level) {
        List<HandlingAgreement> all = directory.get().agreementsBetween(provider, recipient);
        if (all.isEmpty()) {
            return "no handling agreement with " + provider;
        }
        LocalDate today = today();
        List<HandlingAgreement> valid = all.stream().filter(a -> a.isValidOn(today)).toList();
        if (valid.isEmpty()) {
            HandlingAgreement latest = all.stream().max(Comparator.comparing(HandlingAgreement::validUntil)).orElseThrow();
            return today.isAfter(latest.validUntil())
                    ? "handling agreement " + latest.reference() + " with " + provider + " expired on " + latest.validUntil()
                    : "handling agreement " + latest.reference() + " with " + provider + " is valid only from " + latest.validFrom();
        }
        HandlingAgreement best = valid.stream().max(Comparator.comparing(HandlingAgreement::highestLevel)).orElseThrow();
        return "handling agreement " + best.reference() + " with " + provider + " covers up to " + best.highestLevel().label()
                + ", not " + level.label();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
