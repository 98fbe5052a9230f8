package io.liaison.gateway.directory;

import io.liaison.gateway.keys.CertificateReader;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyDefect;
import io.liaison.gateway.keys.KeyFinding;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.UnreadableCertificateException;
import io.liaison.gateway.keys.smime.SmimeCapability;
import io.liaison.gateway.keys.smime.SmimeCertificateReader;
import io.liaison.gateway.keys.smime.SmimeRecipientCertificate;
import io.liaison.gateway.marking.Tlp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the directory YAML (format documented at the top of {@code keys-sample/directory.yaml}) and
 * validates all of it before anything uses it: the gateway must never send to a half-understood directory.
 * Every problem is collected, then a single {@link DirectoryException} lists them all.
 */
public final class DirectoryLoader {

    /** E.164: a +, a non-zero country code digit, 8–15 digits in all; no spaces or hyphens, as gateways send it. */
    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");

    /**
     * Deliberately plain: a dot-atom local part and a domain of at least two labels. Quoted local parts and
     * address literals are legal but have no place in a contact directory, and refusing them catches typos.
     */
    static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");

    private static final List<String> TOP_LEVEL_KEYS =
            List.of("sectors", "dependencies", "organisations", "points_of_contact", "agreements");
    private static final List<String> SECTOR_KEYS = List.of("id", "name", "name_ja");
    private static final List<String> DEPENDENCY_KEYS = List.of("sector", "affects");
    private static final List<String> ORGANISATION_KEYS = List.of("id", "kind", "name", "name_ja", "sectors", "members");
    private static final List<String> POC_KEYS =
            List.of("id", "organisation", "name", "role", "standby", "channels", "openpgp_certificate",
                    "smime_certificate", "smime_capabilities", PeopleEntries.FIELD);
    static final String OPENPGP_FIELD = "openpgp_certificate";
    static final String SMIME_FIELD = "smime_certificate";
    static final String SMIME_CAPABILITIES_FIELD = "smime_capabilities";
    private static final List<String> AGREEMENT_KEYS = List.of(
            "ref", "provider", "recipient", "highest_level", "valid_from", "valid_until", "recipient_may_forward");
    private static final List<String> CHANNEL_KEYS =
            List.of(ChannelKind.EMAIL.yamlName(), ChannelKind.SMS.yamlName(), ChannelKind.FAX.yamlName());

    private final Clock clock;
    private final CertificateReader certificateReader;
    private final CertificateReader smimeReader;
    private final KeyPolicy keyPolicy = KeyPolicy.standard();

    /**
     * @param clock decides whether a certificate has already expired; injected so tests and replays are repeatable
     * @param certificateReader reads the POCs' OpenPGP certificate files; S/MIME ones are read as PEM or DER X.509
     */
    public DirectoryLoader(Clock clock, CertificateReader certificateReader) {
        this(clock, certificateReader, new SmimeCertificateReader());
    }

    /**
     * @param openPgpReader reads {@code openpgp_certificate} files
     * @param smimeReader   reads {@code smime_certificate} files
     */
    public DirectoryLoader(Clock clock, CertificateReader openPgpReader, CertificateReader smimeReader) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.certificateReader = Objects.requireNonNull(openPgpReader, "openPgpReader");
        this.smimeReader = Objects.requireNonNull(smimeReader, "smimeReader");
    }

    /**
     * Every certificate file the points of contact name, read but not judged and without validating
     * the rest of the directory, for {@code keys check}: it must list the very keys a load would refuse.
     *
     * @throws DirectoryException when the file is not YAML or has no points_of_contact list
     */
    public List<RegisteredCertificate> registeredCertificates(Path yamlFile) throws DirectoryException {
        ProblemLog log = new ProblemLog(yamlFile);
        Optional<Object> root = YamlText.parse(yamlFile, log);
        if (root.isEmpty()) {
            throw log.toException();
        }
        if (!(root.get() instanceof Map<?, ?> top) || !(top.get("points_of_contact") instanceof List<?> pocs)) {
            log.add("points_of_contact", null, "is required and must be a list");
            throw log.toException();
        }
        Path absolute = yamlFile.toAbsolutePath();
        Path folder = absolute.getParent() != null ? absolute.getParent() : absolute;
        List<RegisteredCertificate> found = new ArrayList<>();
        for (Object item : pocs) {
            if (!(item instanceof Map<?, ?> poc) || !(poc.get("id") instanceof String id)) {
                continue;
            }
            for (String field : List.of(OPENPGP_FIELD, SMIME_FIELD)) {
                if (poc.get(field) instanceof String path) {
                    Path file = folder.resolve(path).normalize();
                    CertificateReader reader = field.equals(OPENPGP_FIELD) ? certificateReader : smimeReader;
                    try {
                        RecipientCertificate read = reader.read(file);
                        // With the capabilities the entry declares, so keys check judges the envelope the contact gets.
                        if (read instanceof SmimeRecipientCertificate x509 && poc.get(SMIME_CAPABILITIES_FIELD) instanceof List<?> names) {
                            read = x509.withDeclaredCapabilities(names.stream().filter(String.class::isInstance)
                                    .map(n -> SmimeCapability.parse((String) n)).flatMap(Optional::stream).toList());
                        }
                        found.add(RegisteredCertificate.read(id, field, file, read));
                    } catch (UnreadableCertificateException e) {
                        found.add(RegisteredCertificate.unreadable(id, field, file, e.getMessage()));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Loads and validates the directory; relative certificate paths are resolved against the folder of
     * {@code yamlFile}.
     *
     * @throws DirectoryException listing every problem found, each naming the file, entry and field
     */
    public Directory load(Path yamlFile) throws DirectoryException {
        ProblemLog log = new ProblemLog(yamlFile);
        Optional<Object> root = YamlText.parse(yamlFile, log);
        if (root.isEmpty()) {
            throw log.toException();
        }
        Path absolute = yamlFile.toAbsolutePath();
        Path folder = absolute.getParent() != null ? absolute.getParent() : absolute;
        Directory directory = new Reading(log, folder, clock.instant()).read(root.get());
        if (!log.isEmpty()) {
            throw log.toException();
        }
        return directory;
    }

    /** State of one load: what has been declared so far, so later sections can check references to it. */
    private final class Reading {
        private final ProblemLog log;
        private final Path folder;
        private final Instant now;

        private final Set<String> declaredSectors = new LinkedHashSet<>();
        private final Map<String, Sector> sectors = new LinkedHashMap<>();
        private final Map<String, Set<String>> dependents = new LinkedHashMap<>();
        /** Every declared organisation id; the kind is absent when the entry's own kind was bad. */
        private final Map<String, Optional<OrganisationKind>> declaredOrganisations = new LinkedHashMap<>();
        private final Map<String, Organisation> organisations = new LinkedHashMap<>();
        private final Map<String, PointOfContact> pointsOfContact = new LinkedHashMap<>();
        private final List<HandlingAgreement> agreements = new ArrayList<>();
        private final Map<String, Person> people = new LinkedHashMap<>();
        /** Who first used each e-mail address, SMS number and certificate: see {@link #claimOnce}. */
        private final Map<String, String> firstHolder = new HashMap<>();
        /** The certificate files the points of contact name, each read and judged once, ahead of the entries. */
        private Map<CertificateFile, CertificateCheck> checked = Map.of();

        Reading(ProblemLog log, Path folder, Instant now) {
            this.log = log;
            this.folder = folder;
            this.now = now;
        }

        Directory read(Object root) {
            if (!(root instanceof Map<?, ?> top)) {
                log.add(null, null, "must be a mapping with " + String.join(", ", TOP_LEVEL_KEYS)
                        + "; got " + YamlText.describe(root));
                return null;
            }
            for (Object key : top.keySet()) {
                if (!(key instanceof String k) || !TOP_LEVEL_KEYS.contains(k)) {
                    String shown = String.valueOf(key);
                    String hint = YamlText.closest(shown, TOP_LEVEL_KEYS).map(c -> "did you mean \"" + c + "\"? ").orElse("");
                    log.add(shown, null, "is not a known section; " + hint + "known sections: " + String.join(", ", TOP_LEVEL_KEYS));
                }
            }
            // Order matters: each section only refers to sections read before it.
            readSectors(section(top, "sectors", true));
            readDependencies(section(top, "dependencies", false));
            readOrganisations(section(top, "organisations", true));
            readPointsOfContact(section(top, "points_of_contact", true));
            readAgreements(section(top, "agreements", false));
            return log.isEmpty()
                    ? new Directory(sectors, dependents, organisations, pointsOfContact, agreements, people)
                    : null;
        }

        private List<?> section(Map<?, ?> top, String name, boolean required) {
            Object value = top.get(name);
            if (value == null) {
                if (required) {
                    log.add(name, null, top.containsKey(name) ? "is empty; at least one entry is required" : "is required");
                }
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                log.add(name, null, "must be a list of entries (each starting with \"- \"); got " + YamlText.describe(value));
                return List.of();
            }
            if (required && list.isEmpty()) {
                log.add(name, null, "is empty; at least one entry is required");
            }
            return list;
        }

        // ---------------------------------------------------------------- sectors

        private void readSectors(List<?> items) {
            Map<String, String> firstAt = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<YamlEntry> read = YamlEntry.of(items.get(i), "sectors", i, "id, name, name_ja", log);
                if (read.isEmpty()) {
                    continue;
                }
                YamlEntry e = read.get();
                Optional<String> id = e.requiredText("id");
                boolean unique = id.map(v -> claim(e, "sectors", v, firstAt, declaredSectors::add)).orElse(false);
                Optional<String> name = e.requiredText("name");
                Optional<String> nameJa = e.requiredText("name_ja");
                e.refuseUnknownKeys(SECTOR_KEYS);
                if (unique && name.isPresent() && nameJa.isPresent()) {
                    sectors.put(id.get(), new Sector(id.get(), name.get(), nameJa.get()));
                }
            }
        }

        // ---------------------------------------------------------------- dependencies

        private void readDependencies(List<?> items) {
            Map<String, String> firstAt = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<YamlEntry> read = YamlEntry.of(items.get(i), "dependencies", i, "sector, affects", log);
                if (read.isEmpty()) {
                    continue;
                }
                YamlEntry e = read.get();
                Optional<String> sector = e.requiredText("sector");
                boolean unique = sector.map(v -> claim(e, "dependencies", v, firstAt, x -> true)).orElse(false);
                sector.ifPresent(s -> requireSector(e, "sector", s));
                Optional<List<String>> affects = e.textList("affects", true);
                Set<String> affected = new LinkedHashSet<>();
                affects.ifPresent(list -> {
                    if (list.isEmpty()) {
                        e.problem("affects", "is empty; list the sectors a failure in " + sector.orElse("this sector")
                                + " affects, or leave the entry out");
                    }
                    for (int j = 0; j < list.size(); j++) {
                        String field = "affects[" + j + "]";
                        String target = list.get(j);
                        if (!requireSector(e, field, target)) {
                            continue;
                        }
                        if (sector.isPresent() && sector.get().equals(target)) {
                            e.problem(field, "\"" + target + "\" is the sector itself; list only the other sectors it affects");
                        } else if (!affected.add(target)) {
                            e.problem(field, "\"" + target + "\" is listed twice");
                        }
                    }
                });
                e.refuseUnknownKeys(DEPENDENCY_KEYS);
                if (unique) {
                    dependents.put(sector.get(), Set.copyOf(affected));
                }
            }
        }

        // ---------------------------------------------------------------- organisations

        /** An organisation read on its own, before its members can be checked against the others. */
        private record Pending(YamlEntry entry, String id, Optional<OrganisationKind> kind, Optional<String> name,
                               Optional<String> nameJa, List<String> sectors, List<String> members, boolean unique) {
        }

        private void readOrganisations(List<?> items) {
            Map<String, String> firstAt = new HashMap<>();
            List<Pending> pending = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<YamlEntry> read = YamlEntry.of(items.get(i), "organisations", i, "id, kind, name", log);
                if (read.isEmpty()) {
                    continue;
                }
                YamlEntry e = read.get();
                Optional<String> id = e.requiredText("id");
                boolean unique = id.map(v -> claim(e, "organisations", v, firstAt, x -> true)).orElse(false);
                Optional<OrganisationKind> kind = e.requiredText("kind").flatMap(text -> {
                    Optional<OrganisationKind> parsed = OrganisationKind.parse(text);
                    if (parsed.isEmpty()) {
                        e.problem("kind", "\"" + text + "\" is not an organisation kind; use one of " + kindNames());
                    }
                    return parsed;
                });
                if (unique) {
                    declaredOrganisations.put(id.get(), kind);
                }
                Optional<String> name = e.requiredText("name");
                Optional<String> nameJa = e.optionalText("name_ja");
                int before = log.size();
                List<String> sectorIds = e.textList("sectors", false).orElse(List.of());
                for (int j = 0; j < sectorIds.size(); j++) {
                    requireSector(e, "sectors[" + j + "]", sectorIds.get(j));
                }
                if (kind.isPresent() && kind.get() == OrganisationKind.MINISTRY && sectorIds.isEmpty() && log.size() == before) {
                    e.problem("sectors", "a ministry must own at least one sector (list the sectors it is responsible for)");
                }
                List<String> members = e.textList("members", false).orElse(List.of());
                if (!members.isEmpty() && kind.isPresent()
                        && kind.get() != OrganisationKind.CEPTOAR && kind.get() != OrganisationKind.COUNCIL) {
                    e.problem("members", "only a ceptoar (member operators) or a council (member CEPTOARs) has members; this is "
                            + withArticle(kind.get()));
                }
                e.refuseUnknownKeys(ORGANISATION_KEYS);
                pending.add(new Pending(e, id.orElse(null), kind, name, nameJa, sectorIds, members, unique));
            }
            for (Pending p : pending) {
                checkMembers(p);
            }
            if (!items.isEmpty()) {
                // An absent or empty section has been reported already; "no nisc" would only repeat it.
                requireExactlyOneNisc(pending);
            }
            for (Pending p : pending) {
                if (p.unique() && p.kind().isPresent() && p.name().isPresent()) {
                    organisations.put(p.id(), new Organisation(p.id(), p.kind().get(), p.name().get(), p.sectors(), p.members(),
                            p.nameJa()));
                }
            }
        }

        private void checkMembers(Pending p) {
            if (p.kind().isEmpty()) {
                return;
            }
            OrganisationKind required = switch (p.kind().get()) {
                case CEPTOAR -> OrganisationKind.OPERATOR;
                case COUNCIL -> OrganisationKind.CEPTOAR;
                default -> null;
            };
            if (required == null) {
                return;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (int j = 0; j < p.members().size(); j++) {
                String field = "members[" + j + "]";
                String member = p.members().get(j);
                if (!requireOrganisation(p.entry(), field, member)) {
                    continue;
                }
                if (!seen.add(member)) {
                    p.entry().problem(field, "\"" + member + "\" is listed twice");
                    continue;
                }
                Optional<OrganisationKind> memberKind = declaredOrganisations.get(member);
                if (memberKind.isPresent() && memberKind.get() != required) {
                    p.entry().problem(field, "\"" + member + "\" is " + withArticle(memberKind.get()) + "; the members of "
                            + withArticle(p.kind().get()) + " must be of kind " + required.yamlName());
                }
            }
        }

        private void requireExactlyOneNisc(List<Pending> pending) {
            List<Pending> niscs = pending.stream()
                    .filter(p -> p.kind().isPresent() && p.kind().get() == OrganisationKind.NISC)
                    .toList();
            if (niscs.isEmpty()) {
                log.add("organisations", null,
                        "no organisation has kind nisc; exactly one is required, since every notice starts from it");
            }
            for (Pending extra : niscs.subList(Math.min(1, niscs.size()), niscs.size())) {
                extra.entry().problem("kind", "there is already a nisc organisation (" + niscs.get(0).entry().name()
                        + "); exactly one is allowed");
            }
        }

        // ---------------------------------------------------------------- points of contact

        private void readPointsOfContact(List<?> items) {
            checked = checkCertificates(items);
            Map<String, String> firstAt = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<YamlEntry> read = YamlEntry.of(items.get(i), "points_of_contact", i,
                        "id, organisation, name, role, channels", log);
                if (read.isEmpty()) {
                    continue;
                }
                YamlEntry e = read.get();
                int before = log.size();
                Optional<String> id = e.requiredText("id");
                boolean unique = id.map(v -> claim(e, "points_of_contact", v, firstAt, x -> true)).orElse(false);
                Optional<String> organisation = e.requiredText("organisation");
                organisation.ifPresent(o -> requireOrganisation(e, "organisation", o));
                Optional<String> name = e.requiredText("name");
                Optional<String> role = e.requiredText("role");
                Optional<Boolean> standby = e.optionalBoolean("standby", false);
                List<ContactChannel> channels = readChannels(e);
                Optional<RecipientCertificate> certificate = readEnvelopeCertificate(e);
                certificate.ifPresent(c -> claimOnce(e, e.has(OPENPGP_FIELD) ? OPENPGP_FIELD : SMIME_FIELD,
                        "certificate " + c.fingerprint(), "certificate:" + c.fingerprint().toUpperCase(java.util.Locale.ROOT)));
                List<Person> persons = new PeopleEntries(firstHolder).read(e, id.orElse(""),
                        organisation.flatMap(o -> declaredOrganisations.getOrDefault(o, Optional.empty())));
                e.refuseUnknownKeys(POC_KEYS);
                if (unique && log.size() == before) {
                    persons.forEach(p -> people.put(p.id(), p));
                    pointsOfContact.put(id.get(), new PointOfContact(id.get(), organisation.get(), name.get(), role.get(),
                            channels, certificate, standby.get()));
                }
            }
        }

        private List<ContactChannel> readChannels(YamlEntry e) {
            Optional<List<?>> raw = e.list("channels", true);
            if (raw.isEmpty()) {
                return List.of();
            }
            List<?> items = raw.get();
            List<ContactChannel> channels = new ArrayList<>();
            Set<ChannelKind> kinds = EnumSet.noneOf(ChannelKind.class);
            for (int j = 0; j < items.size(); j++) {
                String field = "channels[" + j + "]";
                if (!(items.get(j) instanceof Map<?, ?> m) || m.size() != 1) {
                    e.problem(field, "must be a mapping with exactly one of " + String.join(", ", CHANNEL_KEYS)
                            + ", e.g. \"- sms: \\\"+819012340001\\\"\"; got " + describeChannel(items.get(j)));
                    continue;
                }
                Map.Entry<?, ?> only = m.entrySet().iterator().next();
                String key = String.valueOf(only.getKey());
                Optional<ChannelKind> kind = channelKind(key);
                if (kind.isEmpty()) {
                    String hint = YamlText.closest(key, CHANNEL_KEYS).map(c -> "did you mean \"" + c + "\"? ").orElse("");
                    e.problem(field + "." + key, "is not a channel kind; " + hint + "use one of " + String.join(", ", CHANNEL_KEYS));
                    continue;
                }
                // The kind counts towards independence even if the address is bad: that problem is reported once, on its own.
                kinds.add(kind.get());
                Optional<String> address = e.text(field + "." + key, only.getValue());
                if (address.isEmpty()) {
                    continue;
                }
                if (validAddress(e, field + "." + key, kind.get(), address.get())) {
                    claimAddress(e, field + "." + key, kind.get(), address.get());
                    channels.add(new ContactChannel(kind.get(), address.get()));
                }
            }
            if (items.size() < 2) {
                e.problem("channels", "has " + items.size() + (items.size() == 1 ? " channel" : " channels")
                        + "; at least two independent channels of different kinds are required (e.g. email and sms)");
            } else if (kinds.size() == 1) {
                String only = kinds.iterator().next().yamlName();
                e.problem("channels", "all channels are " + only + "; two " + only
                        + " channels are not independent, add a channel of another kind (" + otherKinds(kinds) + ")");
            }
            return channels;
        }

        /**
         * An e-mail address (any case) or SMS number under two contacts would make every reply, receipt and
         * confirmation from it count for whichever contact came first. A fax number may be shared: one fax
         * machine serving a desk's several contacts is normal, and nothing is attributed by fax number.
         */
        private void claimAddress(YamlEntry e, String field, ChannelKind kind, String address) {
            switch (kind) {
                case EMAIL -> claimOnce(e, field, "e-mail address " + address, "email:" + address.toLowerCase(java.util.Locale.ROOT));
                case SMS -> claimOnce(e, field, "SMS number " + address, "sms:" + address.replaceAll("[^+0-9]", ""));
                case FAX -> { }
            }
        }

        /** Records the first contact to hold {@code key}; a later one is a problem naming the first. */
        private void claimOnce(YamlEntry e, String field, String what, String key) {
            String earlier = firstHolder.putIfAbsent(key, e.name());
            if (earlier != null && !earlier.equals(e.name())) {
                e.problem(field, what + " is already used by " + earlier
                        + "; each e-mail address, SMS number and certificate belongs to one point of contact");
            }
        }

        private boolean validAddress(YamlEntry e, String field, ChannelKind kind, String address) {
            switch (kind) {
                case EMAIL -> {
                    if (!EMAIL.matcher(address).matches()) {
                        e.problem(field, "\"" + address + "\" is not an e-mail address (local-part@domain.example)");
                        return false;
                    }
                }
                case SMS, FAX -> {
                    if (!E164.matcher(address).matches()) {
                        e.problem(field, "\"" + address + "\" is not an E.164 number (+ and 8-15 digits)");
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * A contact is reached by one envelope: OpenPGP or S/MIME. Both at once is refused rather than
         * one preferred, since which one the contact can actually read is exactly what is in doubt.
         */
        private Optional<RecipientCertificate> readEnvelopeCertificate(YamlEntry e) {
            Optional<String> openPgp = e.optionalText(OPENPGP_FIELD);
            Optional<String> smime = e.optionalText(SMIME_FIELD);
            Optional<List<String>> capabilityNames = e.textList(SMIME_CAPABILITIES_FIELD, false);
            List<SmimeCapability> capabilities = capabilities(e, capabilityNames.orElse(List.of()));
            if (capabilityNames.isPresent() && smime.isEmpty()) {
                e.problem(SMIME_CAPABILITIES_FIELD, "applies only to an S/MIME contact; add " + SMIME_FIELD + " or remove it");
            }
            if (openPgp.isPresent() && smime.isPresent()) {
                e.problem(SMIME_FIELD, "cannot be given together with " + OPENPGP_FIELD
                        + "; a contact has one envelope, OpenPGP or S/MIME: keep the one the contact reads");
                return Optional.empty();
            }
            if (openPgp.isPresent()) {
                return readCertificate(e, OPENPGP_FIELD, openPgp.get());
            }
            return smime.flatMap(path -> readCertificate(e, SMIME_FIELD, path)).map(c ->
                    c instanceof SmimeRecipientCertificate x509 && !capabilities.isEmpty() ? x509.withDeclaredCapabilities(capabilities) : c);
        }

        private List<SmimeCapability> capabilities(YamlEntry e, List<String> names) {
            List<SmimeCapability> capabilities = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Optional<SmimeCapability> capability = SmimeCapability.parse(names.get(i));
                if (capability.isEmpty()) {
                    e.problem(SMIME_CAPABILITIES_FIELD + "[" + i + "]", "\"" + names.get(i)
                            + "\" is not an S/MIME capability; use one of " + SmimeCapability.acceptedNames());
                } else {
                    capabilities.add(capability.get());
                }
            }
            return capabilities;
        }

        /**
         * Reading a certificate checks its self-signatures, the costly part of loading a directory of
         * thousands of contacts (about 5 ms each here): done for all of them first, on every core, so a
         * gateway restarts in seconds rather than a minute. Entries are then read in order as before, and
         * each problem still names its entry.
         */
        private Map<CertificateFile, CertificateCheck> checkCertificates(List<?> items) {
            Set<CertificateFile> files = new LinkedHashSet<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> poc) {
                    for (String field : List.of(OPENPGP_FIELD, SMIME_FIELD)) {
                        if (poc.get(field) instanceof String path && !path.isBlank()) {
                            files.add(new CertificateFile(field, folder.resolve(path).normalize()));
                        }
                    }
                }
            }
            Map<CertificateFile, CertificateCheck> out = new java.util.concurrent.ConcurrentHashMap<>();
            files.parallelStream().forEach(f -> out.put(f, check(f)));
            return out;
        }

        private CertificateCheck check(CertificateFile f) {
            CertificateReader reader = f.field().equals(OPENPGP_FIELD) ? certificateReader : smimeReader;
            try {
                RecipientCertificate certificate = reader.read(f.file());
                return new CertificateCheck(certificate, null, certificate.assess(keyPolicy, now),
                        certificate.usableForEncryptionAt(now));
            } catch (UnreadableCertificateException ex) {
                return new CertificateCheck(null, ex, null, false);
            }
        }

        private Optional<RecipientCertificate> readCertificate(YamlEntry e, String field, String path) {
            Path file = folder.resolve(path).normalize();
            CertificateCheck check = checked.get(new CertificateFile(field, file));
            if (check == null) {
                check = check(new CertificateFile(field, file));
            }
            if (check.unreadable() != null) {
                e.problem(field, "\"" + path + "\" cannot be used: " + check.unreadable().getMessage());
                return Optional.empty();
            }
            RecipientCertificate certificate = check.certificate();
            Optional<Instant> expiry = certificate.expiresAt();
            if (expiry.isPresent() && !now.isBefore(expiry.get())) {
                e.problem(field, "\"" + path + "\": certificate " + certificate.fingerprint()
                        + " expired at " + expiry.get() + " (now " + now + "); obtain a renewed certificate from this contact");
                return Optional.empty();
            }
            // The key policy: revoked, not yet valid, or weak (RSA under 2048 bits, DSA/ElGamal, MD5/SHA-1 signatures).
            KeyAssessment assessment = check.assessment();
            List<KeyFinding> refused = assessment.findings().stream()
                    .filter(f -> f.defect() != KeyDefect.EXPIRED && f.defect() != KeyDefect.NO_ENCRYPTION_KEY)
                    .toList();
            if (!refused.isEmpty()) {
                e.problem(field, "\"" + path + "\": certificate " + certificate.fingerprint() + " is refused by the key policy: "
                        + String.join("; ", refused.stream().map(f -> f.detail() + " (" + f.defect() + ")").toList())
                        + "; obtain a new certificate from this contact");
                return Optional.empty();
            }
            if (!check.usableForEncryption()) {
                // Caught here rather than at send time: a key that cannot encrypt would silently turn every
                // e-mail to this contact into a refusal.
                e.problem(field, "\"" + path + "\": certificate " + certificate.fingerprint()
                        + " has no key usable for encryption at " + now + " (revoked, not yet valid, or sign-only)");
                return Optional.empty();
            }
            return Optional.of(certificate);
        }

        // ---------------------------------------------------------------- agreements

        private void readAgreements(List<?> items) {
            Map<String, String> firstAt = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Optional<YamlEntry> read = YamlEntry.of(items.get(i), "agreements", i,
                        "ref, provider, recipient, highest_level, valid_from, valid_until", log);
                if (read.isEmpty()) {
                    continue;
                }
                YamlEntry e = read.get();
                int before = log.size();
                Optional<String> ref = e.requiredText("ref");
                boolean unique = ref.map(v -> claim(e, "agreements", v, firstAt, x -> true)).orElse(false);
                Optional<String> provider = e.requiredText("provider");
                provider.ifPresent(p -> requireOrganisation(e, "provider", p));
                Optional<String> recipient = e.requiredText("recipient");
                recipient.ifPresent(r -> {
                    if (requireOrganisation(e, "recipient", r) && provider.isPresent() && provider.get().equals(r)) {
                        e.problem("recipient", "\"" + r + "\" is also the provider; an agreement is between two organisations");
                    }
                });
                Optional<Tlp> level = e.requiredText("highest_level").flatMap(text -> tlp(e, text));
                Optional<LocalDate> from = e.requiredText("valid_from").flatMap(text -> date(e, "valid_from", text));
                Optional<LocalDate> until = e.requiredText("valid_until").flatMap(text -> date(e, "valid_until", text));
                if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
                    e.problem("valid_until", until.get() + " is before valid_from " + from.get());
                }
                // Forwarding is a permission, so its absence must mean no.
                Optional<Boolean> mayForward = e.optionalBoolean("recipient_may_forward", false);
                e.refuseUnknownKeys(AGREEMENT_KEYS);
                if (unique && log.size() == before) {
                    agreements.add(new HandlingAgreement(ref.get(), provider.get(), recipient.get(), level.get(),
                            from.get(), until.get(), mayForward.get()));
                }
            }
        }

        private Optional<Tlp> tlp(YamlEntry e, String text) {
            Optional<Tlp> level = Tlp.parse(text);
            if (level.isEmpty()) {
                if (text.trim().toUpperCase(Locale.ROOT).equals("TLP:WHITE")) {
                    e.problem("highest_level", "\"" + text + "\" is TLP 1.0; TLP 2.0 renamed it, use TLP:CLEAR");
                } else {
                    e.problem("highest_level", "\"" + text + "\" is not a TLP 2.0 label; use one of " + Tlp.acceptedLabels());
                }
            }
            return level;
        }

        private Optional<LocalDate> date(YamlEntry e, String field, String text) {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException ex) {
                e.problem(field, "\"" + text + "\" is not a date in yyyy-MM-dd form (e.g. 2025-04-01)");
                return Optional.empty();
            }
        }

        // ---------------------------------------------------------------- shared checks

        /**
         * Registers {@code id} for {@code section}, or records a duplicate. Returns true for the first use only,
         * so references resolve to the first entry and a duplicate is reported once, on the later entry.
         */
        private boolean claim(YamlEntry e, String section, String id, Map<String, String> firstAt,
                              Predicate<String> register) {
            String positional = e.name();
            String earlier = firstAt.putIfAbsent(id, positional);
            if (earlier != null) {
                String field = section.equals("agreements") ? "ref" : section.equals("dependencies") ? "sector" : "id";
                e.problem(field, "\"" + id + "\" is already used by " + earlier + "; "
                        + (section.equals("dependencies") ? "list all affected sectors in one entry" : "ids must be unique"));
                return false;
            }
            register.test(id);
            e.renameTo(section + "[" + id + "]");
            return true;
        }

        private boolean requireSector(YamlEntry e, String field, String id) {
            if (declaredSectors.contains(id)) {
                return true;
            }
            e.problem(field, "\"" + id + "\" is not a sector in this directory" + suggestion(id, declaredSectors));
            return false;
        }

        private boolean requireOrganisation(YamlEntry e, String field, String id) {
            if (declaredOrganisations.containsKey(id)) {
                return true;
            }
            e.problem(field, "\"" + id + "\" is not an organisation in this directory"
                    + suggestion(id, declaredOrganisations.keySet()));
            return false;
        }

        private String suggestion(String id, Set<String> known) {
            return YamlText.closest(id, known).map(c -> "; did you mean \"" + c + "\"?").orElse("");
        }
    }

    private static Optional<ChannelKind> channelKind(String key) {
        for (ChannelKind kind : ChannelKind.values()) {
            if (kind.yamlName().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static String describeChannel(Object item) {
        if (item instanceof Map<?, ?> m) {
            return m.isEmpty() ? "an empty mapping" : "a mapping with " + m.size() + " keys (" + String.join(", ",
                    m.keySet().stream().map(String::valueOf).toList()) + ")";
        }
        return YamlText.describe(item);
    }

    private static String otherKinds(Set<ChannelKind> used) {
        return String.join(" or ", EnumSet.complementOf(EnumSet.copyOf(used)).stream().map(ChannelKind::yamlName).toList());
    }

    private static String withArticle(OrganisationKind kind) {
        String name = kind.yamlName();
        return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String kindNames() {
        return String.join(", ", Arrays.stream(OrganisationKind.values()).map(OrganisationKind::yamlName).toList());
    }

    /** A certificate file as a field of the directory names it. */
    private record CertificateFile(String field, Path file) {
    }

    /** What reading and judging one certificate file found: the certificate, or why it is unreadable. */
    private record CertificateCheck(RecipientCertificate certificate, UnreadableCertificateException unreadable,
                                    KeyAssessment assessment, boolean usableForEncryption) {
    }
}
