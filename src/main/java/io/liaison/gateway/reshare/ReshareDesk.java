package io.liaison.gateway.reshare;

import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.inbound.IncidentReportRecord;
import io.liaison.gateway.inbound.InboundStore;
import io.liaison.gateway.inbound.format.FormatException;
import io.liaison.gateway.inbound.format.InboundDocument;
import io.liaison.gateway.inbound.format.InboundDocumentParser;
import io.liaison.gateway.intake.NoticeParser;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.marking.Tlp;
import io.liaison.gateway.numbering.Registrar;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Supplier;

/**
 * Proposes and approves re-shares. A proposal is a redacted copy of one accepted report plus the exact list of
 * what was removed; nothing leaves the gateway until a named NISC point of contact approves it, and then only
 * through the normal outbound path. The reporter's do-not-share wish is checked at both steps, since a later
 * report may add it after the proposal was made.
 */
public final class ReshareDesk {
    private static final Logger LOG = LoggerFactory.getLogger(ReshareDesk.class);
    /** Below this many operators in the sector, "an operator in the sector" hardly hides anyone. */
    static final int SMALL_SECTOR = 3;
    private static final int TITLE_MAX = 200;
    private static final int SUMMARY_MAX = 70;

    private final Supplier<Directory> directory;
    private final InboundStore inbound;
    private final ReshareStore store;
    private final NoticeSender sender;
    private final Clock clock;
    private final io.liaison.gateway.audit.AuditLog audit;

    public ReshareDesk(Supplier<Directory> directory, InboundStore inbound, ReshareStore store, NoticeSender sender, Clock clock,
                       io.liaison.gateway.audit.AuditLog audit) {
        this.directory = directory;
        this.inbound = inbound;
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.audit = audit;
    }

    /** Builds, checks and stores a proposal; sends nothing. Nobody recorded as the proposer. */
    public ReshareProposal propose(ReshareRequest request) {
        return propose(request, Optional.empty());
    }

    /** As {@link #propose(ReshareRequest)}, recording who proposed it (a person id, else a point of contact). */
    public ReshareProposal propose(ReshareRequest request, Optional<String> proposedBy) {
        List<IncidentReportRecord> thread = thread(request.incidentKey());
        refuseAgainstTheReportersWish(thread);
        IncidentReportRecord chosen = request.reportNumber()
                .map(n -> thread.stream().filter(r -> r.reportNumber() == n).findFirst().orElseThrow(() -> new ReshareRefusedException(
                        "--report " + n + ": " + request.incidentKey() + " has reports 1 to " + thread.size())))
                .orElse(thread.get(thread.size() - 1));
        InboundDocument.IncidentReport report = parse(chosen);
        Organisation reporter = directory.get().organisation(chosen.reporterOrg()).orElseThrow(() -> new ReshareRefusedException(
                "the reporting organisation " + chosen.reporterOrg() + " is no longer in the directory"));
        List<String> warnings = new ArrayList<>();
        Tlp level = level(request.level(), chosen.level());
        List<String> sectors = sectors(request.sectors(), reporter);
        smallSectorWarning(reporter, warnings);
        if (chosen.exercise()) {
            warnings.add("exercise report: the re-share goes out as exercise traffic (演習) / 演習の報告のため演習として送信されます");
        }

        ReporterIdentifiers ids = ReporterIdentifiers.of(directory.get(), chosen.reporterOrg(), chosen.reporterPoc(), report, request.redact());
        SanitisedReport sanitised = SanitisedReport.of(report, ids, request.grounds());
        String heading = "任意提供情報の再共有（" + request.grounds().shortJapanese() + "）/ Sanitised re-share (" + request.grounds().code() + ")";
        String title = clip(sanitised.summary().isEmpty() ? heading : heading + ": " + sanitised.summary(), TITLE_MAX);
        String sms = clip("再共有（" + request.grounds().shortJapanese() + "）" + (sanitised.summary().isEmpty() ? "" : ": " + sanitised.summary()),
                SUMMARY_MAX);
        ReshareProposal draft = new ReshareProposal(0, chosen.id(), chosen.incidentKey(), chosen.reportNumber(), request.grounds(),
                request.grounds().kind(), level, chosen.exercise(), sectors, request.includeDependents(), title, sms,
                sanitised.body(), warnings, sanitised.redactions(), ReshareProposal.State.PROPOSED, clock.instant(),
                Optional.empty(), Optional.empty(), Optional.empty(), proposedBy, Optional.empty());
        // The notice is checked now, so the approver approves something that can be sent.
        new NoticeParser(directory).parse(draft.label(), ReshareNotice.file(draft, anyNiscPoc()).yaml());
        long id = store.propose(draft, stored -> io.liaison.gateway.audit.AuditEvent.of(io.liaison.gateway.audit.ActorRef.gateway(),
                io.liaison.gateway.audit.AuditAction.RESHARE_PROPOSED, null,
                java.util.Map.of("proposal", ReshareProposal.label(stored), "incident", chosen.incidentKey(),
                        "report", Integer.toString(chosen.reportNumber()), "grounds", request.grounds().code())));
        LOG.info("re-share {} proposed from {} report {} on grounds {}", ReshareProposal.label(id), chosen.incidentKey(),
                chosen.reportNumber(), request.grounds().code());
        return store.find(id).orElseThrow();
    }

    /** Approves as {@code pocId} (a NISC point of contact) and sends through the normal outbound path. */
    public Approved approve(long proposalId, String pocId) {
        ReshareProposal p = find(proposalId);
        PointOfContact poc = directory.get().pointOfContact(pocId).orElseThrow(() -> new ReshareRefusedException(
                "--as: \"" + pocId + "\" is not a point of contact in the directory"));
        Organisation org = directory.get().organisation(poc.organisationId()).orElseThrow();
        if (org.kind() != OrganisationKind.NISC) {
            throw new ReshareRefusedException("--as: " + pocId + " belongs to " + org.id() + " (" + org.kind().yamlName()
                    + "); only a NISC point of contact approves a re-share of voluntarily provided information");
        }
        if (p.state() == ReshareProposal.State.SENT) {
            throw new ReshareAlreadyDecidedException(p.label(), p.label() + " was approved by " + p.approvedBy().orElse("?") + " and sent as "
                    + p.noticeReference().orElse("?") + "; a proposal is sent once");
        }
        refuseWhenRejected(p);
        refuseAgainstTheReportersWish(thread(p.incidentKey()));
        Instant now = clock.instant();
        if (p.state() == ReshareProposal.State.APPROVED) {
            // An earlier approval stopped between storing the notice and recording it: find it rather than send twice.
            Optional<String> sent = store.noticeSentFor(p);
            if (sent.isPresent()) {
                // the approval's entry was not written either: it is written now, with the record of the notice
                store.markSent(p.id(), sent.get(), now, approvedEntry(pocId, org.id(), sent.get(), p, p.approvedBy().orElse(pocId)));
                return new Approved(find(proposalId), sent.get());
            }
        } else if (!store.markApproved(p.id(), pocId, now)) {
            throw new ReshareAlreadyDecidedException(p.label(), p.label() + " is being approved by someone else; see 'reshare show " + p.label() + "'");
        }
        String approver = p.approvedBy().orElse(pocId);
        Registrar.Registered registered;
        try {
            registered = sender.send(ReshareNotice.file(p, approver));
        } catch (NoticeRejectedException e) {
            store.revertApproval(p.id());
            throw e;
        }
        store.markSent(p.id(), registered.reference(), clock.instant(), approvedEntry(pocId, org.id(), registered.reference(), p, approver));
        LOG.info("re-share {} approved by {} and accepted as {}", p.label(), approver, registered.reference());
        return new Approved(find(proposalId), registered.reference());
    }

    /**
     * A NISC point of contact rejects a proposal, with the reason the proposer reads; nothing is sent, and the
     * proposal is final. Only a proposal still awaiting a decision is rejected: once approved it is on its way
     * (or gone), once rejected it stays so.
     *
     * @param who    the rejecting point of contact and, when known, the person
     */
    public ReshareProposal reject(long proposalId, io.liaison.gateway.audit.ActorRef who, String reason) {
        String why = Rejection.checkedReason(reason);
        ReshareProposal p = find(proposalId);
        Organisation org = niscOrganisationOf(who.pocId());
        refuseUnlessAwaitingADecision(p);
        Rejection rejection = new Rejection(who.pocId(), who.person(), clock.instant(), why);
        java.util.Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("proposal", p.label());
        details.put("incident", p.incidentKey());
        details.put("rejected-by", who.person().orElse(who.pocId()));
        details.put("proposed-by", p.proposedBy().orElse("unrecorded"));
        details.put("reason", why);
        io.liaison.gateway.audit.AuditEvent entry = io.liaison.gateway.audit.AuditEvent.of(
                new io.liaison.gateway.audit.ActorRef(who.person(), who.pocId(), org.id()),
                io.liaison.gateway.audit.AuditAction.RESHARE_REJECTED, null, details);
        if (!store.markRejected(p.id(), rejection, entry)) {
            // decided by someone else between the read and the write: say what happened instead
            refuseUnlessAwaitingADecision(find(proposalId));
            throw new ReshareAlreadyDecidedException(p.label(), p.label() + " is being decided by someone else; see 'reshare show " + p.label() + "'");
        }
        LOG.info("re-share {} rejected by {}", p.label(), who.person().orElse(who.pocId()));
        return find(proposalId);
    }

    /** Proposals in the filter's states, newest first, at most {@code limit}. */
    public List<ReshareSummary> list(ProposalFilter filter, int limit) {
        return store.list(filter.states(), limit);
    }

    /** The proposal named by its label (RS-0001) or by the reference of the notice it became, if there is one. */
    public Optional<ReshareProposal> find(String labelOrReference) {
        Optional<Long> id = ReshareProposal.parseLabel(labelOrReference);
        return id.isPresent() ? store.find(id.get()) : store.findByNotice(labelOrReference.strip());
    }

    private Organisation niscOrganisationOf(String pocId) {
        PointOfContact poc = directory.get().pointOfContact(pocId).orElseThrow(() -> new ReshareRefusedException(
                "\"" + pocId + "\" is not a point of contact in the directory"));
        Organisation org = directory.get().organisation(poc.organisationId()).orElseThrow();
        if (org.kind() != OrganisationKind.NISC) {
            throw new ReshareRefusedException(pocId + " belongs to " + org.id() + " (" + org.kind().yamlName()
                    + "); only a NISC point of contact decides on a re-share of voluntarily provided information");
        }
        return org;
    }

    private static void refuseUnlessAwaitingADecision(ReshareProposal p) {
        refuseWhenRejected(p);
        switch (p.state()) {
            case SENT -> throw new ReshareAlreadyDecidedException(p.label(), p.label() + " was approved by " + p.approvedBy().orElse("?")
                    + " and sent as " + p.noticeReference().orElse("?") + "; a proposal sent is no longer rejected");
            case APPROVED -> throw new ReshareAlreadyDecidedException(p.label(), p.label() + " was approved by " + p.approvedBy().orElse("?")
                    + " and is being sent; an approved proposal is no longer rejected");
            default -> {
            }
        }
    }

    private static void refuseWhenRejected(ReshareProposal p) {
        p.rejection().ifPresent(r -> {
            throw new ReshareAlreadyDecidedException(p.label(), p.label() + " was rejected by " + r.person().orElse(r.by()) + " at " + r.at()
                    + " (\"" + r.reason() + "\"); a rejected proposal is final: propose again to re-share");
        });
        if (p.state() == ReshareProposal.State.REJECTED) {
            throw new ReshareAlreadyDecidedException(p.label(), p.label() + " was rejected; a rejected proposal is final: propose again to re-share");
        }
    }

    private static io.liaison.gateway.audit.AuditEvent approvedEntry(String pocId, String organisationId, String reference,
                                                                      ReshareProposal p, String approver) {
        return io.liaison.gateway.audit.AuditEvent.of(io.liaison.gateway.audit.ActorRef.of(pocId, organisationId),
                io.liaison.gateway.audit.AuditAction.RESHARE_APPROVED, reference,
                java.util.Map.of("proposal", p.label(), "incident", p.incidentKey(), "approver", approver));
    }

    /** The proposal, by its label (RS-0001) or by the reference of the notice it became. */
    public ReshareProposal show(String labelOrReference) {
        return find(labelOrReference).orElseThrow(() -> new ReshareRefusedException("no re-share proposal " + labelOrReference
                        + "; give its label (RS-0001) or the reference of the notice it became"));
    }

    /** An approved proposal and the reference of the notice it became. */
    public record Approved(ReshareProposal proposal, String reference) {
    }

    private ReshareProposal find(long id) {
        return store.find(id).orElseThrow(() -> new ReshareRefusedException("no re-share proposal " + ReshareProposal.label(id)));
    }

    private List<IncidentReportRecord> thread(String incidentKey) {
        List<IncidentReportRecord> thread = inbound.reports(incidentKey);
        if (thread.isEmpty()) {
            String org = incidentKey.contains("/") ? incidentKey.substring(0, incidentKey.indexOf('/')) : incidentKey;
            List<String> known = inbound.incidentKeys(org);
            throw new ReshareRefusedException("no incident " + incidentKey + (known.isEmpty()
                    ? "; incident ids are ORGANISATION/ID, e.g. east-power/EP-2026-0042" : "; known for " + org + ": " + String.join(", ", known)));
        }
        return thread;
    }

    /**
     * Any report of the thread marked do_not_share refuses the whole thread: the format has no way to withdraw
     * the wish, and a later report that simply leaves the field out must not override it.
     */
    private static void refuseAgainstTheReportersWish(List<IncidentReportRecord> thread) {
        thread.stream().filter(IncidentReportRecord::doNotShare).findFirst().ifPresent(r -> {
            throw new ReshareRefusedException(r.incidentKey() + ": the reporter marked 第" + r.reportNumber() + "報 do_not_share;"
                    + " voluntarily provided information (任意提供情報) is not re-shared against the reporter's wish, not even sanitised");
        });
    }

    private static InboundDocument.IncidentReport parse(IncidentReportRecord r) {
        try {
            InboundDocument d = new InboundDocumentParser().parse(r.document(), r.document().stripLeading().startsWith("{"));
            if (d instanceof InboundDocument.IncidentReport report) {
                return report;
            }
        } catch (FormatException e) {
            // falls through: a stored report that no longer parses is not guessed at
        }
        throw new ReshareRefusedException(r.incidentKey() + " 第" + r.reportNumber() + "報 as stored cannot be read as an incident report");
    }

    /**
     * The reporter's level unless NISC names a stricter one; never looser, since TLP binds whoever received
     * the information, NISC included, and a sanitised copy is still that information. A TLP:RED report is
     * never re-shared: TLP 2.0 limits it to the named recipients with no further disclosure, and a re-share
     * is by its nature disclosure to others (the strictest reading, chosen over "at TLP:RED to named
     * recipients", which a sector-wide re-share could never meet).
     */
    private static Tlp level(Optional<Tlp> asked, Tlp reporters) {
        if (reporters == Tlp.RED) {
            throw new ReshareRefusedException("the reporter marked the report TLP:RED (named recipients only, no further"
                    + " disclosure); a TLP:RED report is never re-shared, not even sanitised / TLP:RED の報告は再共有しません");
        }
        Tlp level = asked.orElse(reporters);
        if (!level.covers(reporters)) {
            throw new ReshareRefusedException("--level " + level.label() + ": the reporter marked the report " + reporters.label()
                    + "; a re-share is never looser than its source / 報告者の指定より緩い取扱区分では再共有しません");
        }
        return level;
    }

    private List<String> sectors(List<String> asked, Organisation reporter) {
        List<String> sectors = asked.isEmpty() ? reporter.sectors() : asked;
        for (String s : sectors) {
            if (!directory.get().sectors().containsKey(s)) {
                throw new ReshareRefusedException("--sectors: unknown sector \"" + s + "\"; known: "
                        + String.join(", ", directory.get().sectors().keySet()));
            }
        }
        if (sectors.isEmpty()) {
            throw new ReshareRefusedException(reporter.id() + " belongs to no sector; name the sectors to warn with --sectors");
        }
        return sectors;
    }

    private void smallSectorWarning(Organisation reporter, List<String> warnings) {
        if (reporter.kind() != OrganisationKind.OPERATOR) {
            return;
        }
        long peers = directory.get().organisationsOfKind(OrganisationKind.OPERATOR).stream()
                .filter(o -> o.sectors().stream().anyMatch(reporter::isIn)).count();
        if (peers < SMALL_SECTOR) {
            warnings.add("only " + peers + " operator(s) in " + String.join(", ", reporter.sectors())
                    + " in the directory: the generalised source may still point to the reporter / 分野内の事業者が少なく、報告者が推測されるおそれがあります");
        }
    }

    private String anyNiscPoc() {
        return directory.get().pointsOfContactOf(directory.get().nisc().id()).stream().findFirst().map(PointOfContact::id)
                .orElseThrow(() -> new ReshareRefusedException("NISC has no point of contact in the directory to approve a re-share"));
    }

    private static String clip(String s, int max) {
        String one = s.replaceAll("[\\r\\n]+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
