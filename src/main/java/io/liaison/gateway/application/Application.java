package io.liaison.gateway.application;

import io.liaison.gateway.directory.Directory;
import java.util.function.Supplier;

/**
 * Every use case, built once by the wiring from the {@link ApplicationParts}; this is what the doors
 * get. Each use case takes the {@link Actor} first; {@link #actors()} turns what a door authenticated
 * into one.
 */
public final class Application {
    private final Actors actors;
    private final Authorisation authorisation;
    private final SendNotice sendNotice;
    private final PreviewNotice previewNotice;
    private final ForwardNotice forwardNotice;
    private final ConfirmNotice confirmNotice;
    private final ResendDelivery resendDelivery;
    private final ProposeReshare proposeReshare;
    private final ApproveReshare approveReshare;
    private final RejectReshare rejectReshare;
    private final NoticeStatus noticeStatus;
    private final DutyBoard dutyBoard;
    private final QuarantineReview quarantineReview;
    private final Statistics statistics;
    private final DirectoryView directoryView;
    private final IncidentView incidentView;
    private final FileIncidentReport fileIncidentReport;

    public Application(ApplicationParts parts) {
        Supplier<Directory> directory = parts.directory();
        this.actors = new Actors(directory);
        this.authorisation = Authorisation.standard();
        Guard guard = new Guard(authorisation, parts.audit());
        this.sendNotice = new SendNotice(parts, guard);
        this.previewNotice = new PreviewNotice(parts, guard);
        this.forwardNotice = new ForwardNotice(parts, guard);
        this.confirmNotice = new ConfirmNotice(parts, guard);
        this.resendDelivery = new ResendDelivery(parts, guard);
        this.proposeReshare = new ProposeReshare(parts, guard);
        this.approveReshare = new ApproveReshare(parts, guard);
        this.rejectReshare = new RejectReshare(parts, guard);
        this.noticeStatus = new NoticeStatus(parts, guard);
        this.quarantineReview = new QuarantineReview(parts, guard);
        this.dutyBoard = new DutyBoard(parts, guard, quarantineReview);
        this.statistics = new Statistics(parts, guard);
        this.directoryView = new DirectoryView(parts, guard);
        this.incidentView = new IncidentView(parts, guard);
        this.fileIncidentReport = new FileIncidentReport(parts, guard);
    }

    public Actors actors() {
        return actors;
    }

    public Authorisation authorisation() {
        return authorisation;
    }

    public SendNotice sendNotice() {
        return sendNotice;
    }

    public PreviewNotice previewNotice() {
        return previewNotice;
    }

    public ForwardNotice forwardNotice() {
        return forwardNotice;
    }

    public ConfirmNotice confirmNotice() {
        return confirmNotice;
    }

    public ResendDelivery resendDelivery() {
        return resendDelivery;
    }

    public ProposeReshare proposeReshare() {
        return proposeReshare;
    }

    public ApproveReshare approveReshare() {
        return approveReshare;
    }

    public RejectReshare rejectReshare() {
        return rejectReshare;
    }

    public NoticeStatus noticeStatus() {
        return noticeStatus;
    }

    public DutyBoard dutyBoard() {
        return dutyBoard;
    }

    public QuarantineReview quarantineReview() {
        return quarantineReview;
    }

    public Statistics statistics() {
        return statistics;
    }

    public DirectoryView directoryView() {
        return directoryView;
    }

    public IncidentView incidentView() {
        return incidentView;
    }

    public FileIncidentReport fileIncidentReport() {
        return fileIncidentReport;
    }
}
