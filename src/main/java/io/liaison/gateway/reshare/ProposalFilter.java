package io.liaison.gateway.reshare;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Which proposals a list shows: awaiting a decision (the default), approved (being sent or sent), rejected, or all. */
public enum ProposalFilter {
    PENDING(EnumSet.of(ReshareProposal.State.PROPOSED)),
    APPROVED(EnumSet.of(ReshareProposal.State.APPROVED, ReshareProposal.State.SENT)),
    REJECTED(EnumSet.of(ReshareProposal.State.REJECTED)),
    ALL(EnumSet.allOf(ReshareProposal.State.class));

    private final Set<ReshareProposal.State> states;

    ProposalFilter(Set<ReshareProposal.State> states) {
        this.states = states;
    }

    public Set<ReshareProposal.State> states() {
        return EnumSet.copyOf(states);
    }

    /** The word in a query string: {@code pending}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProposalFilter> parse(String word) {
        return Arrays.stream(values()).filter(f -> f.word().equals(word.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    /** "pending, approved, rejected, all", for a refusal. */
    public static String accepted() {
        return Arrays.stream(values()).map(ProposalFilter::word).collect(Collectors.joining(", "));
    }
}
