package io.liaison.gateway.app;

import io.liaison.gateway.compose.KeySwitchingProtector;
import io.liaison.gateway.compose.MessageProtector;
import io.liaison.gateway.compose.NoticeEmailComposer;
import io.liaison.gateway.compose.fax.FaxRenderer;
import io.liaison.gateway.compose.fax.RenderedFax;
import io.liaison.gateway.compose.ProtectorSelector;
import io.liaison.gateway.compose.openpgp.PgpMimeProtector;
import io.liaison.gateway.compose.smime.SmimeProtector;
import io.liaison.gateway.keys.GatewayKeySchedule;
import io.liaison.gateway.keys.rollover.CertificateExpiryWatch;
import io.liaison.gateway.keys.rollover.KeyAnnouncementException;
import io.liaison.gateway.keys.rollover.KeyAnnouncer;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.CurrentDirectory;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.DirectoryReloader;
import io.liaison.gateway.directory.DirectoryLoader;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.metrics.Observability;
import io.liaison.gateway.metrics.micrometer.PrometheusGatewayMetrics;
import io.liaison.gateway.store.jdbc.JdbcOperationalCounts;
import io.liaison.gateway.dispatch.ChannelDispatcher;
import io.liaison.gateway.dispatch.DeliveryRefusedException;
import io.liaison.gateway.dispatch.fax.EmailToFaxBridge;
import io.liaison.gateway.dispatch.fax.FaxBridge;
import io.liaison.gateway.dispatch.fax.FaxDeliveryChannel;
import io.liaison.gateway.dispatch.fax.FaxSettings;
import io.liaison.gateway.dispatch.fax.SpoolDirectoryFaxBridge;
import io.liaison.gateway.dispatch.AcceptanceGroupCommit;
import io.liaison.gateway.dispatch.AcceptanceJournal;
import io.liaison.gateway.dispatch.AcceptanceRecorder;
import io.liaison.gateway.dispatch.CircuitBreaker;
import io.liaison.gateway.dispatch.DispatchLoop;
import io.liaison.gateway.dispatch.HandOvers;
import io.liaison.gateway.dispatch.LeaseKeeper;
import io.liaison.gateway.dispatch.mail.EmailDeliveryChannel;
import io.liaison.gateway.dispatch.mail.MailStreams;
import io.liaison.gateway.dispatch.mail.MailTransport;
import io.liaison.gateway.dispatch.mail.SmtpMailTransport;
import io.liaison.gateway.dispatch.sms.SmppSettings;
import io.liaison.gateway.dispatch.sms.SmppSmsTransport;
import io.liaison.gateway.dispatch.sms.SmsDeliveryChannel;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import io.liaison.gateway.events.GatewayEvents;
import io.liaison.gateway.inbound.InboundIntake;
import io.liaison.gateway.inbound.InboundOpener;
import io.liaison.gateway.inbound.InboundOutcome;
import io.liaison.gateway.inbound.InboundLimits;
import io.liaison.gateway.inbound.InboundSettings;
import io.liaison.gateway.inbound.InboundStore;
import io.liaison.gateway.inbound.incident.IncidentThread;
import io.liaison.gateway.inbound.openpgp.OpenPgpInboundOpener;
import io.liaison.gateway.inbound.smime.SmimeInboundOpener;
import io.liaison.gateway.intake.NoticeFile;
import io.liaison.gateway.intake.NoticeIntake;
import io.liaison.gateway.intake.NoticeRejectedException;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.openpgp.OpenPgpCertificateReader;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.marking.DeliveryNoteSource;
import io.liaison.gateway.marking.NoticeMarking;
import io.liaison.gateway.numbering.Registrar;
import io.liaison.gateway.policy.AgreementGate;
import io.liaison.gateway.policy.ForwardCommand;
import io.liaison.gateway.policy.ForwardRefusedException;
import io.liaison.gateway.policy.PolicyDesk;
import io.liaison.gateway.policy.RecipientPolicy;
import io.liaison.gateway.reshare.ReshareDesk;
import io.liaison.gateway.store.ClaimLease;
import io.liaison.gateway.store.Delivery;
import io.liaison.gateway.store.JobLock;
import io.liaison.gateway.store.NoticeStore;
import io.liaison.gateway.store.jdbc.Database;
import io.liaison.gateway.store.jdbc.JdbcInboundStore;
import io.liaison.gateway.store.jdbc.JdbcKeyNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcConfirmationStore;
import io.liaison.gateway.store.jdbc.JdbcEscalationStore;
import io.liaison.gateway.store.jdbc.JdbcNoticeStore;
import io.liaison.gateway.store.jdbc.JdbcReceiptStore;
import io.liaison.gateway.store.jdbc.JdbcReshareStore;
import io.liaison.gateway.track.Acknowledgements;
import io.liaison.gateway.track.DeliveryNotes;
import io.liaison.gateway.track.SmsInbound;
import io.liaison.gateway.track.StatusReport;
import io.liaison.gateway.track.ack.ConfirmationCodes;
import io.liaison.gateway.track.ack.ConfirmationDesk;
import io.liaison.gateway.track.ack.SmsAnswers;
import io.liaison.gateway.track.escalation.EscalationPlanner;
import io.liaison.gateway.track.escalation.EscalationPolicy;
import io.liaison.gateway.track.escalation.Escalator;
import io.liaison.gateway.track.receipts.DeliveryReceipts;
import io.liaison.gateway.track.receipts.SmsLink;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway, and the one place where everything is wired: directory, keys, storage, policy,
 * channels and the Camel routes that carry a notice between them.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewaySettings settings;
    private final GatewayKeys keys;
    private final Clock clock;
    /** The directory in force: read at each use by everything below, replaced whole by a reload. */
    private final CurrentDirectory directory;
    private final DirectoryReload directoryReload;
    /** The use cases, for the doors: they get this, never the rooms below. */
    private io.liaison.gateway.application.Application application;
    private final Database database;
    private final NoticeStore store;
    private final InboundStore inboundStore;
    private final InboundIntake inboundIntake;
    private final ReshareDesk reshare;
    private final MailTransport mail;
    private final SmsTransport sms;
    private final ChannelDispatcher emailDispatcher;
    private final ChannelDispatcher smsDispatcher;
    private final FaxDeliveryChannel fax;
    private final ChannelDispatcher faxDispatcher;
    private final List<DispatchLoop> dispatchLoops;
    private final Optional<AcceptanceJournal> emailJournal;
    private final Optional<AcceptanceJournal> smsJournal;
    private final Optional<AcceptanceJournal> faxJournal;
    private final LeaseKeeper leases;
    private final JobLock jobs;
    private final ExecutorService emailPreparers;
    private final ExecutorService smsHandOvers;
    private final ExecutorService emailHandOvers;
    private final JdbcConfirmationStore confirmationStore;
    private final JdbcEscalationStore escalationStore;
    private final ConfirmationDesk confirmations;
    private final SmsAnswers smsAnswers;
    private final Escalator escalator;
    /** Recorded by the dispatchers, receipts and inbound intake; served by the management endpoint. */
    private final PrometheusGatewayMetrics metrics = new PrometheusGatewayMetrics();
    private final GatewayObservability observability;
    private final KeyAnnouncer keyAnnouncer;
    private final CertificateExpiryWatch certificateExpiry;
    private final io.liaison.gateway.keys.rollover.KeySwitchRecorder keySwitch;
    private final Main camel;
    /** What a live console subscribes to; in memory here, relayed between nodes on PostgreSQL (issue 14). */
    private final GatewayEvents events;
    private final ProducerTemplate template;
    private final io.liaison.gateway.audit.AuditLog audit;
    private final io.liaison.gateway.audit.AuditCheckpoints auditCheckpoints;

    private Gateway(Builder b) throws Exception {
        this.settings = b.settings;
        if (settings.demoMode()) {
            // at every start, on the console and in the log: demo mode accepts the published sample keys
            io.liaison.gateway.marking.DemoMarking.startWarning().forEach(System.err::println);
            LOG.warn("DEMO MODE (gateway.demo-mode=true): sample keys accepted, every message marked DEMO / デモ");
        }
        this.clock = b.clock;
        MailStreams.pinProvider();
        LogFile.check(settings); // gateway.log.format: Main applied it, or left an unknown value to be refused here
        // Before anything opens: a setting that would send a password in the clear stops the start here.
        List<String> transportWarnings = TransportSecurity.check(settings);
        transportWarnings.forEach(w -> LOG.warn("TRANSPORT: {}", w));
        ZoneId zone = settings.zone();
        String databasePassword = settings.databasePassword(); // refused before any key is unlocked when empty outside demo
        DirectoryLoader directoryLoader = new DirectoryLoader(clock, new OpenPgpCertificateReader());
        this.directory = new CurrentDirectory(directoryLoader.load(settings.path("gateway.directory")));
        this.keys = GatewayKeys.load(settings);
        OpenPgpGatewayKey key = keys.openPgp().current();
        Optional<SmimeGatewayKey> smimeKey = keys.smime().map(GatewayKeySchedule::current);
        refuseUnprotectedKeysOutsideDemo(key, smimeKey);
        refuseSampleKeysOutsideDemo(key);
        refuseSmimeContactsWithoutSmimeKey(smimeKey);
        smimeKey.filter(k -> k.isSample() && !settings.demoMode()).ifPresent(k -> {
            throw new GatewaySettings.SettingsException("refusing to run on sample keys outside demo mode: S/MIME gateway key "
                    + k.file() + " (" + k.fingerprint() + ")");
        });
        // During a rollover the protectors switch keys at gateway.key.switch-at, on the gateway's clock.
        MessageProtector protector = switching(keys.openPgp(),
                k -> settings.demoMode() ? PgpMimeProtector.forDemo(k) : PgpMimeProtector.forProduction(k));
        ProtectorSelector protectors = keys.smime()
                .map(schedule -> ProtectorSelector.of(protector, switching(schedule,
                        k -> settings.demoMode() ? SmimeProtector.forDemo(k) : SmimeProtector.forProduction(k))))
                .orElseGet(() -> ProtectorSelector.of(protector));

        this.database = Database.open(settings.get("gateway.db.url"), settings.get("gateway.db.user"),
                databasePassword);
        this.audit = new io.liaison.gateway.store.jdbc.JdbcAuditLog(database.dataSource(), clock);
        // the settings this start runs with, before anything is sent: an auditor sees what the gateway was told
        audit.record(io.liaison.gateway.audit.ActorRef.gateway(), io.liaison.gateway.audit.AuditAction.GATEWAY_STARTED, null,
                settings.nonSecret());
        this.auditCheckpoints = auditCheckpoints(settings, audit, keys.openPgp(), clock);
        ClaimLease lease = claimLease(settings);
        // Gateways sharing a PostgreSQL database: events reach the others by NOTIFY, periodic jobs run on one at
        // a time under an advisory lock; each on a session of its own, outside the pool.
        boolean shared = database.dialect() == io.liaison.gateway.store.jdbc.Dialect.POSTGRESQL;
        String dbUrl = settings.get("gateway.db.url");
        String dbUser = settings.get("gateway.db.user");
        io.liaison.gateway.store.jdbc.AdvisoryJobLock.Sessions sessions =
                () -> java.sql.DriverManager.getConnection(dbUrl, dbUser, databasePassword);
        this.events = b.events != null ? b.events
                : shared ? new io.liaison.gateway.store.jdbc.PostgreSqlGatewayEvents(lease.nodeId(), sessions) : GatewayEvents.inMemory();
        this.jobs = shared ? new io.liaison.gateway.store.jdbc.AdvisoryJobLock(sessions) : JobLock.local();
        auditCheckpoints.oneGatewayAtATime(jobs);
        this.store = new JdbcNoticeStore(database.dataSource(), lease, audit);
        // An embedded database lives on this host's disk, and so may the journals beside it. A database that
        // several gateways share gets every acceptance before its hand-over's slot is free again: a stopped
        // gateway's disk is no other gateway's to read.
        boolean embedded = settings.get("gateway.db.url").startsWith("jdbc:h2:");
        Path journals = journalDirectory(settings);
        this.emailJournal = journal(embedded, journals, "email-acceptances.journal");
        this.smsJournal = journal(embedded, journals, "sms-acceptances.journal");
        this.faxJournal = journal(embedded, journals, "fax-acceptances.journal");
        int recovered = recover(ChannelKind.EMAIL, emailJournal) + recover(ChannelKind.SMS, smsJournal)
                + recover(ChannelKind.FAX, faxJournal);
        if (recovered > 0) {
            LOG.warn("{} deliveries accepted by their servers before the last stop are now recorded as sent", recovered);
        }
        this.leases = new LeaseKeeper(store, lease, clock);
        int resumed = store.resumeInterrupted(clock.instant());
        if (resumed > 0) {
            LOG.warn("{} deliveries were interrupted by the last stop; they are resumed now", resumed);
        }

        // Delivery assurance: receipts, confirmation codes, escalation (io.liaison.gateway.track.*).
        this.confirmationStore = new JdbcConfirmationStore(database.dataSource(), audit);
        this.escalationStore = new JdbcEscalationStore(database.dataSource(), audit);
        JdbcReceiptStore receiptStore = new JdbcReceiptStore(database.dataSource(), audit);
        this.confirmations = new ConfirmationDesk(directory, store, confirmationStore,
                new ConfirmationCodes(settings.integer("gateway.confirmation.code-length")), zone, events);
        DeliveryReceipts receipts = new DeliveryReceipts(receiptStore, clock, metrics);
        this.smsAnswers = new SmsAnswers();
        SmppSmsTransport smpp = new SmppSmsTransport(smppSettings(settings), new SmsInbound(receipts, confirmations,
                smsAnswers, settings.flag("gateway.sms.answer-replies"), clock),
                settings.strictFlag(TransportSecurity.SMPP_TLS) ? Optional.of(TransportSecurity.tlsClient(settings)) : Optional.empty());
        DeliveryNotes notes = new DeliveryNotes(directory, confirmations, escalationStore, zone, clock);

        SmtpMailTransport smtp = new SmtpMailTransport(settings.smtp(), clock);
        this.mail = b.mailDecorator.apply(smtp);
        this.sms = b.smsDecorator.apply(smpp);
        smsAnswers.connect(settings.demoMode() ? DemoMarkedSms.around(sms) : sms);
        NoticeMarking marking = new NoticeMarking(zone, settings.demoMode());
        NoticeEmailComposer composer = new NoticeEmailComposer(directory, marking, protectors, smtp.session(),
                fromAddress(settings), clock);
        this.emailPreparers = preparers(settings);
        this.emailHandOvers = handOverThreads(settings, "gateway.smtp.connections", "email-handover-");
        this.emailDispatcher = new ChannelDispatcher(new EmailDeliveryChannel(store, composer, mail, notes), store,
                settings.retry("email"), clock, breaker(settings, ChannelKind.EMAIL, clock), emailJournal,
                Optional.of(emailPreparers), HandOvers.upTo(settings.integer("gateway.smtp.connections"), emailHandOvers), events)
                .recordingTo(metrics).holdingLeasesOf(leases)
                .claimingAtMost(settings.integer("gateway.dispatch.claim-batch"));
        this.smsHandOvers = handOverThreads(settings, "gateway.smpp.in-flight", "sms-handover-");
        this.smsDispatcher = new ChannelDispatcher(new SmsDeliveryChannel(store, marking, sms, notes,
                settings.integer("gateway.sms.max-segments")), store, settings.retry("sms"), clock,
                breaker(settings, ChannelKind.SMS, clock), smsJournal, Optional.empty(),
                HandOvers.upTo(settings.integer("gateway.smpp.in-flight"), smsHandOvers), events)
                .recordingTo(metrics).holdingLeasesOf(leases)
                .claimingAtMost(settings.integer("gateway.dispatch.claim-batch"));
        this.fax = faxChannel(settings, directory, store, smtp, clock, notes);
        this.faxDispatcher = new ChannelDispatcher(fax, store, settings.retry("fax"), clock,
                breaker(settings, ChannelKind.FAX, clock), faxJournal, Optional.empty(), HandOvers.oneAtATime(), events)
                .recordingTo(metrics).holdingLeasesOf(leases)
                .claimingAtMost(settings.integer("gateway.dispatch.claim-batch"));

        if (!embedded) {
            // No journal: every acceptance is committed before its slot is free; the channels commit together.
            AcceptanceGroupCommit together = new AcceptanceGroupCommit(store);
            emailDispatcher.committingWith(together);
            smsDispatcher.committingWith(together);
            faxDispatcher.committingWith(together);
        }

        AgreementGate gate = new AgreementGate(directory, clock, zone);
        Set<ChannelKind> channels = Set.of(ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.FAX);
        RecipientPolicy policy = new RecipientPolicy(directory, gate, clock, channels);
        EscalationPolicy escalation = escalationPolicy(settings);
        this.escalator = new Escalator(store, escalationStore, escalation,
                new EscalationPlanner(directory, store, policy, escalation.dutyPoc()), clock, events).oneGatewayAtATime(jobs);

        // Key rollover and certificate expiry: the gateway's own notices about keys, told once each (V65, V66).
        JdbcKeyNoticeStore keyNotices = new JdbcKeyNoticeStore(database.dataSource());
        this.keyAnnouncer = new KeyAnnouncer(directory, store, keyNotices, audit, clock, zone, settings.get("gateway.reference-prefix"));
        this.certificateExpiry = new CertificateExpiryWatch(directory, store, keyNotices, clock, zone,
                settings.get("gateway.reference-prefix"), expiryWarningDays(settings)).oneGatewayAtATime(jobs);
        this.keySwitch = new io.liaison.gateway.keys.rollover.KeySwitchRecorder(
                keys.rolling() ? Optional.of(keys.nextKeys()) : Optional.empty(), audit, clock).oneGatewayAtATime(jobs);

        this.inboundStore = new JdbcInboundStore(database.dataSource(), audit);
        InboundSettings inbound = inboundSettings(settings);
        // During a rollover both keys decrypt until gateway.key.retire-at, the new one only after it. The signers
        // trusted are the current directory's: a reload's new or removed certificate counts from the next message.
        List<InboundOpener> openers = new ArrayList<>(List.of(new io.liaison.gateway.inbound.DirectoryFollowingOpener(directory,
                registered -> new OpenPgpInboundOpener(keys.openPgp(), registered, inbound.limits()))));
        // Without an S/MIME key no S/MIME contact is allowed (above), so an S/MIME reply is then refused as a format not opened.
        keys.smime().ifPresent(k -> openers.add(new io.liaison.gateway.inbound.DirectoryFollowingOpener(directory,
                registered -> new SmimeInboundOpener(k, registered, inbound.limits()))));
        this.inboundIntake = new InboundIntake(directory, inboundStore, store, openers,
                inbound, clock, zone, settings.get("gateway.reference-prefix"),
                java.util.Optional.of(confirmations), quarantineNoticeSettings(settings), events)
                .recordingTo(metrics);
        // A re-share is sent like any notice file: through the send route, after approval.
        this.reshare = new ReshareDesk(directory, inboundStore, new JdbcReshareStore(database.dataSource(), audit), this::send, clock, audit);

        this.observability = new GatewayObservability(new JdbcOperationalCounts(database.dataSource()), this::dispatcher,
                smpp::isBound, directory, clock, metrics);
        this.directoryReload = new DirectoryReload(settings.path("gateway.directory"), directoryLoader, directory,
                settings.demoMode(), smimeKey.isPresent(), audit);

        this.camel = new Main();
        // No JVM shutdown hook from Camel: it holds the whole context until the JVM exits, so a gateway
        // closed and started again in one JVM (the benchmark's sizes, the tests) kept every closed one in
        // memory. Whoever runs the gateway until a signal closes it ("serve" does, waiting for the close).
        camel.setShutdownStrategy(new SimpleMainShutdownStrategy());
        java.util.Properties camelProperties = settings.asProperties();
        // The IMAP route reads its password as a property; it comes from the environment, never from a file.
        camelProperties.setProperty("gateway.imap.password",
                settings.optional("gateway.imap.password-env").map(System::getenv).orElse(""));
        camel.setInitialProperties(camelProperties);
        // Camel Main reads the built-in application.properties again on its own; the gateway's settings
        // (--config, explicit values) must win over it for the routes' placeholders too.
        camel.setOverrideProperties(camelProperties);
        camel.bind("noticeIntake", new NoticeIntake(directory));
        PolicyDesk policyDesk = new PolicyDesk(directory, policy, store);
        camel.bind("policyDesk", policyDesk);
        this.application = new io.liaison.gateway.application.Application(new io.liaison.gateway.application.ApplicationParts(
                directory, applicationChain(), policyDesk, store, inboundStore, reshare, confirmations, confirmationStore,
                escalationStore, new io.liaison.gateway.store.jdbc.JdbcStatisticsSource(database.dataSource()),
                () -> List.of(emailDispatcher.breakerStatus(), smsDispatcher.breakerStatus(), faxDispatcher.breakerStatus()),
                audit, clock, zone, inboundIntake::fileReport));
        camel.bind("registrar", new Registrar(store, clock, zone, settings.get("gateway.reference-prefix"), events));
        // Each channel on a thread of its own; the routes only wake it.
        Duration poll = Duration.ofMillis(settings.integer("gateway.dispatch.poll-interval-ms"));
        this.dispatchLoops = List.of(new DispatchLoop(emailDispatcher, poll), new DispatchLoop(smsDispatcher, poll),
                new DispatchLoop(faxDispatcher, poll));
        camel.bind("emailDispatch", dispatchLoops.get(0));
        camel.bind("smsDispatch", dispatchLoops.get(1));
        camel.bind("faxDispatch", dispatchLoops.get(2));
        camel.bind("deadLetters", new DeadLetterKeeper(store, clock));
        camel.bind("inboundIntake", inboundIntake);
        camel.bind("inboundMailBinding", new io.liaison.gateway.inbound.imap.InboundMailBinding());
        camel.bind("noInboundMailHeaders", new io.liaison.gateway.inbound.imap.NoInboundMailHeaders());
        camel.bind("mailboxTurns", new io.liaison.gateway.inbound.imap.OneGatewayPollsTheMailbox(jobs));
        camel.bind("escalator", escalator);
        camel.bind("smsLink", new SmsLink(smpp, receipts));
        camel.bind("acknowledgements", confirmations);
        camel.bind("auditCheckpoints", auditCheckpoints);
        camel.bind("certificateExpiryWatch", certificateExpiry);
        camel.bind("keySwitchRecorder", keySwitch);
        camel.configure().withRoutesIncludePattern(routesPattern(settings));
        camel.start();
        leases.start();
        dispatchLoops.forEach(DispatchLoop::start);
        this.template = camel.getCamelTemplate();
        LOG.info("gateway started: {} organisations, {} points of contact, signing key {}{}{}",
                directory.get().organisations().size(), directory.get().pointsOfContact().size(), key.fingerprint(),
                keys.openPgp().next().map(n -> " (rolling over to " + n.fingerprint() + " at " + keys.openPgp().switchAt().orElseThrow()
                        + ", old key retired at " + keys.openPgp().retireAt().orElseThrow() + ")").orElse(""),
                settings.demoMode() ? " (DEMO MODE: sample keys allowed)" : "");
    }

    /** The protector for one kind: signing with the current key, or switching to the next at the rollover's date. */
    private static <K> MessageProtector switching(GatewayKeySchedule<K> schedule, java.util.function.Function<K, MessageProtector> protector) {
        MessageProtector current = protector.apply(schedule.current());
        return schedule.next()
                .<MessageProtector>map(next -> new KeySwitchingProtector(current, protector.apply(next), schedule.switchAt().orElseThrow()))
                .orElse(current);
    }

    /** The gateway's own keys and their rollover schedule: what {@code keys announce} sends and {@code keys check} judges. */
    public GatewayKeys keys() {
        return keys;
    }

    /**
     * Announces the next keys (gateway.key.next.file and its S/MIME pair) to every point of contact not yet
     * told, signed by the current key; the dispatchers send it.
     *
     * @throws KeyAnnouncementException when no rollover is configured, the switch date has passed, or the sender is not NISC's
     */
    public KeyAnnouncer.Announced announceKeys(String senderPoc) throws KeyAnnouncementException {
        if (!keys.rolling()) {
            throw new KeyAnnouncementException("no next key to announce: set " + GatewayKeys.NEXT_KEY_FILE + " and "
                    + GatewayKeys.SWITCH_AT + " (and the S/MIME pair, if the gateway has an S/MIME key)");
        }
        return keyAnnouncer.announce(keys.nextKeys(), senderPoc);
    }

    /** Tells contacts whose certificate expires soon (the timer route runs it too); tests run it after moving the clock. */
    public CertificateExpiryWatch certificateExpiryWatch() {
        return certificateExpiry;
    }

    /** Writes {@code key.rolled} once the rollover's switch date has passed (the timer route runs it too). */
    public io.liaison.gateway.keys.rollover.KeySwitchRecorder keySwitchRecorder() {
        return keySwitch;
    }

    public static Builder builder(GatewaySettings settings) {
        return new Builder(settings);
    }

    /** Accepts a notice file: validated, planned, numbered and stored, then dispatch is woken. */
    public Registrar.Registered send(NoticeFile file) {
        return request("direct:send", file);
    }

    /** Passes a received notice on, acting as a point of contact of the forwarding organisation. */
    public Registrar.Registered forward(ForwardCommand command) {
        return request("direct:forward", command);
    }

    private Registrar.Registered request(String uri, Object body) {
        Object reply = template.requestBody(uri, body);
        // errors.yaml turns a refusal of bad input into the reply, so it reaches the caller whole
        if (reply instanceof NoticeRejectedException rejected) {
            // refused whole, so nothing was stored: the refusal itself is what the trail keeps
            audit.record(io.liaison.gateway.audit.ActorRef.gateway(), io.liaison.gateway.audit.AuditAction.NOTICE_REFUSED, null,
                    java.util.Map.of("source", String.valueOf(rejected.getMessage()).lines().findFirst().orElse(""),
                            "problems", String.valueOf(rejected.getMessage())));
            throw rejected;
        }
        if (reply instanceof ForwardRefusedException refused) {
            audit.record(io.liaison.gateway.audit.ActorRef.gateway(), io.liaison.gateway.audit.AuditAction.FORWARD_REFUSED, null,
                    java.util.Map.of("reason", String.valueOf(refused.getMessage())));
            throw refused;
        }
        if (reply instanceof Registrar.Registered registered) {
            return registered;
        }
        throw new IllegalStateException(uri + " did not complete; the exchange is kept in the dead-letter store");
    }

    public StatusReport status(String reference) {
        return StatusReport.of(store, reference).withTracking(confirmationStore, escalationStore,
                List.of(emailDispatcher.breakerStatus(), smsDispatcher.breakerStatus(), faxDispatcher.breakerStatus()));
    }

    /** Where confirmations are recorded: SMS replies, the {@code ack} command, signed e-mail from the inbound intake. */
    public Acknowledgements acknowledgements() {
        return confirmations;
    }

    /** The use cases every door calls (CLI, console, API), each taking the acting {@link io.liaison.gateway.application.Actor}. */
    public io.liaison.gateway.application.Application application() {
        return application;
    }

    private io.liaison.gateway.application.NoticeChain applicationChain() {
        Gateway gateway = this;
        return new io.liaison.gateway.application.NoticeChain() {
            @Override
            public Registrar.Registered send(NoticeFile file) {
                return gateway.send(file);
            }

            @Override
            public Registrar.Registered forward(ForwardCommand command) {
                return gateway.forward(command);
            }

            @Override
            public void wakeDispatchers() {
                dispatchLoops.forEach(DispatchLoop::wake);
            }
        };
    }

    /** The real chain as an exercise sees it: send, wait, confirm, read status, run what fell due. */
    public io.liaison.gateway.exercise.ExerciseChain exerciseChain() {
        Gateway gateway = this;
        return new io.liaison.gateway.exercise.ExerciseChain() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public String send(NoticeFile notice) {
                return gateway.send(notice).reference();
            }

            @Override
            public StatusReport awaitSettled(String reference, Duration timeout) throws InterruptedException {
                return gateway.awaitSettled(reference, timeout);
            }

            @Override
            public io.liaison.gateway.track.ConfirmationOutcome acknowledge(String referenceOrCode, String pocId,
                    io.liaison.gateway.track.ConfirmationChannel channel, Instant at, Optional<String> note) {
                return confirmations.acknowledge(referenceOrCode, pocId, channel, at, note);
            }

            @Override
            public StatusReport status(String reference) {
                return gateway.status(reference);
            }

            @Override
            public void runDueWork() {
                escalator.runDue();
                dispatchNow();
            }
        };
    }

    /** The escalation clock's bean; its timer route runs it, tests may run it at once after moving the clock. */
    public Escalator escalator() {
        return escalator;
    }

    /** The audit trail: who decided or did what, chained and checkpointed (docs/seams.md §3). */
    public io.liaison.gateway.audit.AuditLog audit() {
        return audit;
    }

    /** Where the gateway announces what changed (deliveries, confirmations, escalations, inbound), for live views. */
    public GatewayEvents events() {
        return events;
    }

    /** The audit trail's checkpoints (signed heads); the timer route runs them, tests may at once. */
    public io.liaison.gateway.audit.AuditCheckpoints auditCheckpoints() {
        return auditCheckpoints;
    }

    /** The gateway's clock: every recorded time comes from it. */
    public Clock clock() {
        return clock;
    }

    /** Takes one raw inbound message through the intake route (stored, judged, acted on or quarantined). */
    public InboundOutcome receive(byte[] rawMessage) {
        return template.requestBody("direct:receive", rawMessage, InboundOutcome.class);
    }

    /** An incident's reports in order; key is ORGANISATION/ID. */
    public IncidentThread incident(String incidentKey) {
        return new IncidentThread(incidentKey, inboundStore.reports(incidentKey));
    }

    public InboundStore inboundStore() {
        return inboundStore;
    }

    public InboundIntake inboundIntake() {
        return inboundIntake;
    }

    /** Sanitised re-shares of incident reports: propose, approve (NISC only), show. */
    public ReshareDesk reshare() {
        return reshare;
    }

    /** The ledger's database, for read-only reports such as the quarterly statistics. */
    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /** Runs every channel's dispatcher now, on the caller's thread (the routes also run them on their own). */
    public void dispatchNow() {
        emailDispatcher.dispatchDue();
        smsDispatcher.dispatchDue();
        faxDispatcher.dispatchDue();
    }

    /** The fax pages (PDF and TIFF) of a fax delivery, as the fax channel renders them; for the demo's --out. */
    public RenderedFax renderFax(Delivery delivery) throws DeliveryRefusedException {
        return fax.render(delivery);
    }

    /**
     * Waits until every delivery of {@code reference} is sent or failed, or until {@code timeout} passes
     * (retries still pending then stay stored and resume on the next start).
     */
    public StatusReport awaitSettled(String reference, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        StatusReport report = status(reference);
        while (!report.settled() && Instant.now().isBefore(until)) {
            Thread.sleep(25);
            report = status(reference);
        }
        return report;
    }

    /** Metrics and readiness, for the management endpoint ({@code serve}, {@code demo --console}). */
    public Observability observability() {
        return observability;
    }

    /** The directory in force now (a reload may replace it). */
    public Directory directory() {
        return directory.get();
    }

    /** Reads gateway.directory again and puts it in force whole, or refuses it whole (SIGHUP, the management endpoint). */
    public DirectoryReloader directoryReloader() {
        return directoryReload;
    }

    public NoticeStore store() {
        return store;
    }

    public ZoneId zone() {
        return settings.zone();
    }

    public ChannelDispatcher dispatcher(ChannelKind kind) {
        return switch (kind) {
            case EMAIL -> emailDispatcher;
            case SMS -> smsDispatcher;
            case FAX -> faxDispatcher;
        };
    }

    @Override
    public void close() {
        try {
            camel.stop();
        } catch (RuntimeException e) {
            LOG.warn("Camel did not stop cleanly: {}", e.getMessage());
        }
        try {
            // the stop is the trail's last word of this run, and the head it leaves is signed
            audit.record(io.liaison.gateway.audit.ActorRef.gateway(), io.liaison.gateway.audit.AuditAction.GATEWAY_STOPPED, null,
                    java.util.Map.of());
            auditCheckpoints.checkpointNow();
        } catch (RuntimeException e) {
            LOG.error("the audit trail could not record this stop: {}", e.getMessage());
        }
        dispatchLoops.forEach(DispatchLoop::close);
        leases.close();
        closeIfCloseable(events);
        closeIfCloseable(jobs);
        smsAnswers.close();
        emailPreparers.shutdownNow();
        smsHandOvers.shutdownNow();
        emailHandOvers.shutdownNow();
        mail.close();
        sms.close();
        fax.bridge().close();
        emailJournal.ifPresent(AcceptanceJournal::close);
        smsJournal.ifPresent(AcceptanceJournal::close);
        faxJournal.ifPresent(AcceptanceJournal::close);
        database.close();
    }

    /** A secret key readable without a passphrase is one copied file away from a forged NISC notice. */
    private void refuseUnprotectedKeysOutsideDemo(OpenPgpGatewayKey key, Optional<SmimeGatewayKey> smimeKey) {
        if (settings.demoMode()) {
            return;
        }
        if (!key.protectedOnDisk()) {
            throw new GatewaySettings.SettingsException("setting gateway.key.file: " + key.file() + " is not protected by a passphrase;"
                    + " outside demo mode the gateway refuses an unprotected signing key (protect it: gpg --edit-key FINGERPRINT passwd)");
        }
        smimeKey.filter(k -> !k.protectedOnDisk()).ifPresent(k -> {
            throw new GatewaySettings.SettingsException("setting gateway.smime.key.file: " + k.file() + " is not encrypted;"
                    + " outside demo mode the gateway refuses an unprotected signing key"
                    + " (encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out " + k.file().getFileName() + ")");
        });
    }

    private void refuseSampleKeysOutsideDemo(OpenPgpGatewayKey key) {
        if (settings.demoMode()) {
            return;
        }
        List<String> samples = new ArrayList<>();
        if (key.isSample()) {
            samples.add("gateway key " + key.file() + " (" + key.fingerprint() + ")");
        }
        for (PointOfContact poc : directory.get().pointsOfContact().values()) {
            poc.certificate().filter(c -> c.isSample())
                    .ifPresent(c -> samples.add("certificate of " + poc.id() + " (" + c.fingerprint() + ")"));
        }
        if (!samples.isEmpty()) {
            throw new GatewaySettings.SettingsException("refusing to run on sample keys outside demo mode: "
                    + String.join("; ", samples.subList(0, Math.min(3, samples.size())))
                    + (samples.size() > 3 ? "; and " + (samples.size() - 3) + " more" : "")
                    + ". Configure your own keys (gateway.key.file, the directory's certificates) or run 'demo'.");
        }
    }

    /** Fail at start, not at the first alert: an S/MIME contact with no S/MIME key to sign with would get no e-mail at all. */
    private void refuseSmimeContactsWithoutSmimeKey(Optional<SmimeGatewayKey> smimeKey) {
        if (smimeKey.isPresent()) {
            return;
        }
        List<String> smimeContacts = directory.get().pointsOfContact().values().stream()
                .filter(p -> p.certificate().filter(c -> c instanceof SmimeRecipientCertificate).isPresent())
                .map(PointOfContact::id)
                .toList();
        if (!smimeContacts.isEmpty()) {
            throw new GatewaySettings.SettingsException("the directory has S/MIME contacts (" + String.join(", ", smimeContacts)
                    + ") but gateway.smime.key.file is not set; configure the gateway's S/MIME key and certificate");
        }
    }

    private static io.liaison.gateway.inbound.QuarantineNoticeSettings quarantineNoticeSettings(GatewaySettings s) {
        try {
            return new io.liaison.gateway.inbound.QuarantineNoticeSettings(s.integer("gateway.inbound.quarantine-notice.per-sender"),
                    s.integer("gateway.inbound.quarantine-notice.overall"), s.duration("gateway.inbound.quarantine-notice.window"),
                    List.of(fromAddress(s).getAddress()));
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    private static InboundSettings inboundSettings(GatewaySettings s) {
        try {
            return new InboundSettings(s.integer("gateway.inbound.max-message-bytes"), s.integer("gateway.inbound.max-part-bytes"),
                    s.duration("gateway.inbound.max-age"), s.duration("gateway.inbound.max-future-skew"),
                    new InboundLimits(s.integer("gateway.inbound.max-decompressed-bytes"), s.integer("gateway.inbound.max-mime-depth"),
                            s.integer("gateway.inbound.max-mime-parts"), s.integer("gateway.inbound.max-header-fields"),
                            s.integer("gateway.inbound.max-header-bytes"), s.integer("gateway.inbound.max-line-bytes"),
                            s.integer("gateway.inbound.max-asn1-depth"), s.integer("gateway.inbound.max-document-depth"),
                            s.integer("gateway.inbound.max-document-aliases"), s.integer("gateway.inbound.max-number-chars"),
                            s.integer("gateway.inbound.max-string-chars")));
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    private static SmppSettings smppSettings(GatewaySettings s) {
        String password = s.optional("gateway.smpp.password-env").map(System::getenv).orElse("");
        return SmppSettings.of(s.get("gateway.smpp.host"), s.integer("gateway.smpp.port"), s.get("gateway.smpp.system-id"),
                password, s.get("gateway.smpp.source-address"))
                .withMaxSubmitsPerSecond(s.integer("gateway.smpp.max-submits-per-second"))
                .withMaxSegments(s.integer("gateway.sms.max-segments"));
    }

    /**
     * Threads that compose e-mail (sign once, encrypt per recipient): by default one per core, since
     * encryption is what a large fan-out spends its time on.
     */
    private static ExecutorService preparers(GatewaySettings s) {
        int configured = s.optional("gateway.dispatch.email.preparers").map(Integer::parseInt).orElse(0);
        int threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "email-prepare-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Threads on which a channel's hand-overs wait for their server's answer, as many as may be under
     * way at once (the setting {@code key}); none start until needed.
     */
    private static ExecutorService handOverThreads(GatewaySettings s, String key, String name) {
        int inFlight = s.integer(key);
        if (inFlight < 1) {
            throw new GatewaySettings.SettingsException("setting " + key + ": must be at least 1, was " + inFlight);
        }
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static void closeIfCloseable(Object part) {
        if (part instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    private static Optional<AcceptanceJournal> journal(boolean embedded, Path folder, String file) {
        return embedded ? Optional.of(AcceptanceJournal.open(folder.resolve(file))) : Optional.empty();
    }

    private int recover(ChannelKind channel, Optional<AcceptanceJournal> journal) {
        return journal.map(j -> AcceptanceRecorder.recover(store, channel, j)).orElse(0);
    }

    /** Beside an H2 file database unless set; acceptances must outlive the process as the database does. */
    private static Path journalDirectory(GatewaySettings s) {
        Optional<String> configured = s.optional("gateway.dispatch.journal-dir");
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        String url = s.get("gateway.db.url");
        String prefix = "jdbc:h2:file:";
        if (url.startsWith(prefix)) {
            Path db = Path.of(url.substring(prefix.length()).split(";", 2)[0]).toAbsolutePath();
            return db.getParent();
        }
        return Path.of("data");
    }

    private static CircuitBreaker breaker(GatewaySettings s, ChannelKind kind, Clock clock) {
        String base = "gateway.breaker." + kind.yamlName() + ".";
        try {
            return new CircuitBreaker(kind, s.integer(base + "failure-threshold"), s.duration(base + "cool-down"), clock);
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException("setting " + base + "*: " + e.getMessage());
        }
    }

    private static EscalationPolicy escalationPolicy(GatewaySettings s) {
        try {
            return EscalationPolicy.from(s::optional);
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    /** The fax channel: pages to an e-mail-to-fax gateway (over its own SMTP connection) or to a fax server's spool. */
    private static FaxDeliveryChannel faxChannel(GatewaySettings s, CurrentDirectory directory, NoticeStore store,
                                                 SmtpMailTransport smtp, Clock clock, DeliveryNoteSource notes) {
        FaxSettings fax;
        try {
            fax = FaxSettings.from(s::optional);
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
        FaxBridge bridge = fax.mode() == FaxSettings.Mode.SPOOL
                ? new SpoolDirectoryFaxBridge(fax.spoolDirectory(), clock)
                : new EmailToFaxBridge(new SmtpMailTransport(s.smtp(), clock), smtp.session(), fromAddress(s), fax.gatewayDomain(), clock);
        FaxRenderer renderer = new FaxRenderer(s.zone(), fax.fullContentMaxLevel(), fax.resolution(), fax.compression(), s.demoMode());
        return new FaxDeliveryChannel(store, directory, renderer, bridge, notes);
    }

    private static InternetAddress fromAddress(GatewaySettings s) {
        try {
            return new InternetAddress(s.get("gateway.from-address"), true);
        } catch (AddressException e) {
            throw new GatewaySettings.SettingsException("setting gateway.from-address: not an e-mail address: " + e.getMessage());
        }
    }

    /**
     * The routes inside the artifact, or those of the folder {@code gateway.routes.dir} names. Never a
     * folder found in the working directory: a route planted there would run with every bean.
     */
    static String routesPattern(GatewaySettings s) {
        return routesPattern(s, Gateway.class.getClassLoader());
    }

    /** As above; the class path is searched through {@code classes}. */
    static String routesPattern(GatewaySettings s, ClassLoader classes) {
        Optional<String> dir = s.optional("gateway.routes.dir").map(String::trim).filter(d -> !d.isEmpty());
        if (dir.isEmpty()) {
            refuseSecondRoutesFolder(classes);
            return "classpath:routes/*.yaml";
        }
        Path folder = Path.of(dir.get());
        if (!folder.isAbsolute()) {
            throw new GatewaySettings.SettingsException("setting gateway.routes.dir: must be an absolute path, was "
                    + dir.get() + " (empty = the routes inside the artifact)");
        }
        if (!Files.isDirectory(folder)) {
            throw new GatewaySettings.SettingsException("setting gateway.routes.dir: " + folder + " is not a directory");
        }
        return "file:" + folder.toAbsolutePath().normalize() + "/*.yaml";
    }

    /**
     * A class path holding the working directory ("." or an empty entry) would offer its routes/ folder
     * beside the artifact's: the class path must hold one routes/ folder only.
     */
    private static void refuseSecondRoutesFolder(ClassLoader classes) {
        List<String> found = new ArrayList<>();
        try {
            java.util.Enumeration<java.net.URL> urls = classes.getResources("routes");
            while (urls.hasMoreElements()) {
                found.add(urls.nextElement().toString());
            }
        } catch (java.io.IOException e) {
            throw new GatewaySettings.SettingsException("cannot list the routes on the class path: " + e.getMessage());
        }
        if (found.size() > 1) {
            throw new GatewaySettings.SettingsException("routes/ found in " + found.size() + " places on the class path "
                    + found + "; only the copy inside the artifact may be loaded: remove the others from the class path"
                    + " (the working directory, '.', or an empty entry) or set gateway.routes.dir to an absolute folder");
        }
    }

    /** Checkpoints signed by the gateway key every gateway.audit.checkpoint-every entries and -interval. */
    private static io.liaison.gateway.audit.AuditCheckpoints auditCheckpoints(GatewaySettings s, io.liaison.gateway.audit.AuditLog audit,
                                                                            GatewayKeySchedule<OpenPgpGatewayKey> keys, Clock clock) {
        try {
            return new io.liaison.gateway.audit.AuditCheckpoints(audit, io.liaison.gateway.audit.OpenPgpCheckpoints.signer(keys), clock,
                    s.integer("gateway.audit.checkpoint-every"), s.duration("gateway.audit.checkpoint-interval"));
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    /** gateway.keys.expiry-warning-days: e.g. "30,7", each a day count before expiry at which a contact is told once. */
    private static List<Integer> expiryWarningDays(GatewaySettings s) {
        String v = s.optional("gateway.keys.expiry-warning-days").orElse("30");
        try {
            List<Integer> days = java.util.Arrays.stream(v.split(",")).map(String::trim).map(Integer::parseInt).toList();
            if (days.stream().anyMatch(d -> d <= 0)) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new GatewaySettings.SettingsException("setting gateway.keys.expiry-warning-days: \"" + v
                    + "\" is not a list of positive day counts like 30,7");
        }
    }

    /** Whose claims these are and how long they hold (gateway.node-id, gateway.dispatch.claim-timeout). */
    private static ClaimLease claimLease(GatewaySettings s) {
        try {
            Duration ttl = s.optional("gateway.dispatch.claim-timeout").map(v -> s.duration("gateway.dispatch.claim-timeout"))
                    .orElse(ClaimLease.DEFAULT_TTL);
            Optional<String> node = s.optional("gateway.node-id").map(String::trim).filter(n -> !n.isEmpty());
            ClaimLease lease = node.map(n -> new ClaimLease(n, ttl)).orElseGet(() -> ClaimLease.thisHost(ttl));
            Duration smtp = s.duration("gateway.smtp.timeout");
            if (ttl.dividedBy(3).compareTo(smtp) <= 0) {
                LOG.warn("gateway.dispatch.claim-timeout {}: a third of it ({}) is not above gateway.smtp.timeout ({});"
                        + " a slow hand-over could still be under way when another gateway takes its claim over",
                        ttl, ttl.dividedBy(3), smtp);
            }
            return lease;
        } catch (IllegalArgumentException e) {
            throw new GatewaySettings.SettingsException(e.getMessage());
        }
    }

    /** Builds a gateway; tests may decorate the transports to inject faults, never to replace the real ones. */
    public static final class Builder {
        private final GatewaySettings settings;
        private Clock clock = Clock.systemUTC();
        /** Null: chosen by the database (an in-memory fan-out on H2, NOTIFY between gateways on PostgreSQL). */
        private GatewayEvents events;
        private UnaryOperator<MailTransport> mailDecorator = UnaryOperator.identity();
        private UnaryOperator<SmsTransport> smsDecorator = UnaryOperator.identity();

        private Builder(GatewaySettings settings) {
            this.settings = settings;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Where events go; by default an in-memory fan-out of this gateway's own on H2, and on PostgreSQL one
         * that also passes them to the other gateways of the database (LISTEN/NOTIFY).
         */
        public Builder events(GatewayEvents events) {
            this.events = events;
            return this;
        }

        public Builder decorateMail(UnaryOperator<MailTransport> decorator) {
            this.mailDecorator = decorator;
            return this;
        }

        public Builder decorateSms(UnaryOperator<SmsTransport> decorator) {
            this.smsDecorator = decorator;
            return this;
        }

        public Gateway start() throws Exception {
            return new Gateway(this);
        }
    }
}
