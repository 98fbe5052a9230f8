package io.liaison.gateway.app;

import io.liaison.gateway.audit.ActorRef;
import io.liaison.gateway.audit.AuditAction;
import io.liaison.gateway.audit.AuditLog;
import io.liaison.gateway.directory.CurrentDirectory;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryException;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.directory.DirectoryProblem;
import io.liaison.gateway.directory.DirectoryReloader;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.directory.ReloadReport;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory reload in the running gateway: the file is loaded with the same loader and checks as at start
 * (every field, every certificate; sample certificates outside demo mode; S/MIME contacts without an S/MIME
 * key), then swapped in whole, or refused whole naming every problem while the old directory stays in force.
 * Accepted or refused, each reload is an audit entry. One reload at a time.
 */
final class DirectoryReload implements DirectoryReloader {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryReload.class);
    private static final int PROBLEMS_IN_AUDIT = 20;

    private final Path file;
    private final DirectoryLoader loader;
    private final CurrentDirectory current;
    private final boolean demoMode;
    private final boolean smimeKey;
    private final AuditLog audit;

    DirectoryReload(Path file, DirectoryLoader loader, CurrentDirectory current, boolean demoMode, boolean smimeKey,
                    AuditLog audit) {
        this.file = file;
        this.loader = loader;
        this.current = current;
        this.demoMode = demoMode;
        this.smimeKey = smimeKey;
        this.audit = audit;
    }

    @Override
    public synchronized ReloadReport reload(String via) {
        List<DirectoryProblem> problems = new ArrayList<>();
        Directory next = null;
        try {
            next = loader.load(file);
            problems.addAll(gatewayRules(next, file, demoMode, smimeKey));
        } catch (DirectoryException e) {
            problems.addAll(e.problems());
        }
        ReloadReport report = problems.isEmpty()
                ? new ReloadReport(true, file, List.of(), next.organisations().size(), next.pointsOfContact().size())
                : new ReloadReport(false, file, problems, current.get().organisations().size(),
                current.get().pointsOfContact().size());
        // Audited before the swap: a reload the trail cannot record is not made (fail closed).
        audit.record(ActorRef.gateway(), report.accepted() ? AuditAction.DIRECTORY_RELOADED : AuditAction.DIRECTORY_RELOAD_REFUSED,
                null, auditDetails(report, via));
        if (report.accepted()) {
            current.replace(next);
            LOG.info("{} (asked by {})", report.describe(), via);
        } else {
            LOG.warn("{}\n(asked by {})", report.describe(), via);
        }
        return report;
    }

    /**
     * The gateway's own rules on a directory, beyond the file's: what the start refuses too (Gateway's
     * refuseSampleKeysOutsideDemo and refuseSmimeContactsWithoutSmimeKey), as problems naming entry and field.
     */
    static List<DirectoryProblem> gatewayRules(Directory d, Path file, boolean demoMode, boolean smimeKey) {
        List<DirectoryProblem> problems = new ArrayList<>();
        for (PointOfContact poc : d.pointsOfContact().values()) {
            poc.certificate().ifPresent(c -> {
                String field = c instanceof SmimeRecipientCertificate ? "smime_certificate" : "openpgp_certificate";
                if (c.isSample() && !demoMode) {
                    problems.add(new DirectoryProblem(file, poc.id(), field, "a sample certificate (" + c.fingerprint()
                            + ") is refused outside demo mode"));
                }
                if (c instanceof SmimeRecipientCertificate && !smimeKey) {
                    problems.add(new DirectoryProblem(file, poc.id(), field,
                            "an S/MIME contact needs the gateway's S/MIME key, and gateway.smime.key.file is not set"));
                }
            });
        }
        return problems;
    }

    private static Map<String, String> auditDetails(ReloadReport report, String via) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", report.file().toString());
        details.put("via", via);
        details.put("outcome", report.accepted() ? "accepted" : "refused");
        details.put("organisations", String.valueOf(report.organisations()));
        details.put("points_of_contact", String.valueOf(report.pointsOfContact()));
        if (!report.accepted()) {
            details.put("problem_count", String.valueOf(report.problems().size()));
            List<DirectoryProblem> first = report.problems().subList(0, Math.min(PROBLEMS_IN_AUDIT, report.problems().size()));
            for (int i = 0; i < first.size(); i++) {
                details.put(String.format("problem_%02d", i + 1), first.get(i).describe());
            }
        }
        return details;
    }
}
