package io.liaison.gateway.reshare;

import io.liaison.gateway.directory.ChannelKind;
import io.liaison.gateway.directory.ContactChannel;
import io.liaison.gateway.directory.Directory;
import io.liaison.gateway.directory.Organisation;
import io.liaison.gateway.directory.OrganisationKind;
import io.liaison.gateway.directory.PointOfContact;
import io.liaison.gateway.directory.Sector;
import io.liaison.gateway.inbound.format.InboundDocument;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the directory and the report itself say about who reported: the organisation (id, name and the
 * usual ways of writing them), its points of contact (ids, names, addresses, numbers, key fingerprints, mail
 * domains), the report's contact person and means, and the reporter's own incident id. Other operators in the
 * directory are listed too, since naming them says who the reporter deals with.
 */
public final class ReporterIdentifiers {
    /** Shorter ASCII terms would remove ordinary words and model numbers; two CJK characters are a surname. */
    private static final int MIN_ASCII = 3;
    private static final int MIN_CJK = 2;
    private static final Pattern PARENTHESISED = Pattern.compile("[(（][^)）]*[)）]");
    private static final Pattern CORPORATE = Pattern.compile(
            "(?i)(,?\\s*(co\\.,?\\s*ltd\\.?|co\\.|corp\\.?|corporation|inc\\.?|ltd\\.?|k\\.k\\.|plc|llc)\\s*$)|株式会社|有限会社|\\(株\\)|（株）");
    /** Labels of mail domains that say nothing about whose domain it is. */
    private static final Set<String> GENERIC_LABELS = Set.of("mail", "smtp", "www", "sample", "invalid", "example", "test",
            "local", "localhost", "com", "net", "org", "gov", "edu", "info", "co", "ne", "or", "go", "ac", "ad", "ed", "lg", "gr",
            "jp", "soc", "csirt", "cert");

    private final String sectorPhraseJa;
    private final String sectorPhraseEn;
    private final Map<String, KnownIdentifier> identifiers = new LinkedHashMap<>();

    private ReporterIdentifiers(String sectorPhraseJa, String sectorPhraseEn) {
        this.sectorPhraseJa = sectorPhraseJa;
        this.sectorPhraseEn = sectorPhraseEn;
    }

    /**
     * @param extra terms NISC names on top (a plant, a Japanese company name the directory does not hold)
     */
    public static ReporterIdentifiers of(Directory directory, String reporterOrg, String reporterPoc,
                                         InboundDocument.IncidentReport report, List<String> extra) {
        Organisation org = directory.organisation(reporterOrg).orElseThrow(
                () -> new ReshareRefusedException("the reporting organisation " + reporterOrg + " is no longer in the directory;"
                        + " without it the gateway cannot tell what identifies the reporter"));
        ReporterIdentifiers ids = new ReporterIdentifiers(generalisedJa(directory, org), generalisedEn(directory, org));
        ids.organisation(org, IdentifierKind.REPORTER, ids.sectorPhraseJa, ids.sectorPhraseEn);
        for (PointOfContact poc : directory.pointsOfContactOf(org.id())) {
            ids.pointOfContact(poc);
        }
        directory.pointOfContact(reporterPoc).ifPresentOrElse(ids::pointOfContact,
                () -> ids.add(KnownIdentifier.of(reporterPoc, IdentifierKind.POINT_OF_CONTACT)));
        ids.add(KnownIdentifier.of(report.incidentId(), IdentifierKind.INCIDENT_ID));
        ids.person(report.contact().person());
        for (InboundDocument.ContactMeans means : report.contact().means()) {
            ids.address(means.kind().equals("email"), means.address());
        }
        for (Organisation other : directory.organisationsOfKind(OrganisationKind.OPERATOR)) {
            if (!other.id().equals(org.id())) {
                ids.organisation(other, IdentifierKind.OTHER_ORGANISATION, IdentifierKind.OTHER_ORGANISATION.placeholder(true),
                        IdentifierKind.OTHER_ORGANISATION.placeholder(false));
            }
        }
        for (String term : extra) {
            if (term.isBlank()) {
                throw new ReshareRefusedException("--redact: an empty term removes nothing; give the text to remove");
            }
            ids.add(KnownIdentifier.of(term, IdentifierKind.NAMED_BY_NISC));
        }
        return ids;
    }

    /** "電力分野の事業者": the reporter as the recipients may know it. */
    public String sectorPhraseJa() {
        return sectorPhraseJa;
    }

    /** "an operator in the electric power sector". */
    public String sectorPhraseEn() {
        return sectorPhraseEn;
    }

    /** Longest first, so "East Power Co." is taken whole before "East Power". */
    public List<KnownIdentifier> all() {
        List<KnownIdentifier> out = new ArrayList<>(identifiers.values());
        out.sort((a, b) -> Integer.compare(b.text().length(), a.text().length()));
        return out;
    }

    private void organisation(Organisation org, IdentifierKind kind, String ja, String en) {
        for (String v : idVariants(org.id())) {
            add(new KnownIdentifier(v, kind, ja, en));
        }
        add(new KnownIdentifier(org.name(), kind, ja, en));
        // The Japanese name identifies the reporter as surely as the English one: a sanitised copy loses both.
        org.nameJa().ifPresent(n -> add(new KnownIdentifier(n, kind, ja, en)));
        String core = PARENTHESISED.matcher(org.name()).replaceAll(" ").strip();
        add(new KnownIdentifier(core, kind, ja, en));
        String bare = CORPORATE.matcher(core).replaceAll("").strip();
        add(new KnownIdentifier(bare, kind, ja, en));
        for (String v : idVariants(bare.toLowerCase(Locale.ROOT).replace(' ', '-'))) {
            add(new KnownIdentifier(v, kind, ja, en));
        }
    }

    private void pointOfContact(PointOfContact poc) {
        add(KnownIdentifier.of(poc.id(), IdentifierKind.POINT_OF_CONTACT));
        add(KnownIdentifier.of(poc.name(), IdentifierKind.POINT_OF_CONTACT));
        for (ContactChannel c : poc.channels()) {
            address(c.kind() == ChannelKind.EMAIL, c.address());
        }
        poc.certificate().ifPresent(cert -> {
            String hex = cert.fingerprint().replaceAll("[^0-9A-Fa-f]", "");
            add(KnownIdentifier.of(hex, IdentifierKind.KEY));
            if (hex.length() >= 16) {
                add(KnownIdentifier.of(hex.substring(hex.length() - 16), IdentifierKind.KEY));
            }
        });
    }

    private void address(boolean email, String address) {
        if (email) {
            add(KnownIdentifier.of(address, IdentifierKind.EMAIL));
            int at = address.indexOf('@');
            if (at > 0) {
                String domain = address.substring(at + 1);
                add(KnownIdentifier.of(domain, IdentifierKind.HOST));
                for (String label : domain.split("\\.")) {
                    if (!GENERIC_LABELS.contains(label.toLowerCase(Locale.ROOT))) {
                        add(KnownIdentifier.of(label, IdentifierKind.HOST));
                    }
                }
            }
            return;
        }
        add(KnownIdentifier.of(address, IdentifierKind.PHONE));
        String digits = address.replaceAll("\\D", "");
        add(KnownIdentifier.of(digits, IdentifierKind.PHONE));
        if (address.startsWith("+81") && digits.length() > 2) {
            add(KnownIdentifier.of("0" + digits.substring(2), IdentifierKind.PHONE)); // the domestic form people write
        }
    }

    /** The whole contact person, and each name outside parentheses: "山田 (SOC当番)" is also just "山田". */
    private void person(String person) {
        add(KnownIdentifier.of(person, IdentifierKind.PERSON));
        String outside = PARENTHESISED.matcher(Normalizer.normalize(person, Normalizer.Form.NFKC)).replaceAll(" ");
        for (String token : outside.split("[\\s\\p{Punct}・、，]+")) {
            add(KnownIdentifier.of(token, IdentifierKind.PERSON));
        }
    }

    private void add(KnownIdentifier id) {
        String t = Normalizer.normalize(id.text(), Normalizer.Form.NFKC).strip();
        boolean cjk = t.codePoints().anyMatch(ReporterIdentifiers::isCjk);
        if (t.length() < (cjk ? MIN_CJK : MIN_ASCII)) {
            return;
        }
        // The reporter's own entries come first and keep their kind when a term is listed twice.
        identifiers.putIfAbsent(t.toLowerCase(Locale.ROOT), new KnownIdentifier(t, id.kind(), id.japanese(), id.english()));
    }

    private static List<String> idVariants(String id) {
        List<String> out = new ArrayList<>();
        out.add(id);
        String[] parts = id.split("[-_. ]+");
        if (parts.length > 1) {
            for (String sep : List.of("", "_", " ", ".", "-")) {
                out.add(String.join(sep, parts));
            }
        }
        return out;
    }

    private static String generalisedJa(Directory directory, Organisation org) {
        List<String> names = org.sectors().stream().map(directory.sectors()::get).filter(Objects::nonNull).map(Sector::nameJa).toList();
        String sectors = String.join("・", names);
        return switch (org.kind()) {
            case OPERATOR -> sectors.isEmpty() ? "重要インフラ事業者" : sectors + "分野の事業者";
            case CEPTOAR -> sectors.isEmpty() ? "セプター" : sectors + "分野のセプター";
            case AGENCY -> "関係機関";
            case MINISTRY -> "関係省庁";
            default -> "情報提供者";
        };
    }

    private static String generalisedEn(Directory directory, Organisation org) {
        List<String> names = org.sectors().stream().map(directory.sectors()::get).filter(Objects::nonNull)
                .map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
        String sectors = String.join(" or ", names);
        return switch (org.kind()) {
            case OPERATOR -> sectors.isEmpty() ? "a critical-infrastructure operator" : "an operator in the " + sectors + " sector";
            case CEPTOAR -> sectors.isEmpty() ? "a CEPTOAR" : "a CEPTOAR of the " + sectors + " sector";
            case AGENCY -> "a related agency";
            case MINISTRY -> "a ministry";
            default -> "an information provider";
        };
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }
}
