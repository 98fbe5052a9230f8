package io.liaison.gateway.app;

import io.liaison.gateway.keys.GatewayKeyException;
import io.liaison.gateway.keys.GatewayKeySchedule;
import io.liaison.gateway.keys.KeyAssessment;
import io.liaison.gateway.keys.KeyFinding;
import io.liaison.gateway.keys.KeyPolicy;
import io.liaison.gateway.keys.OwnKeyFinding;
import io.liaison.gateway.keys.RecipientCertificate;
import io.liaison.gateway.keys.PassphraseSource;
import io.liaison.gateway.keys.openpgp.OpenPgpGatewayKey;
import io.liaison.gateway.keys.smime.SmimeGatewayKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's own keys as the settings name them: the current OpenPGP key and, when configured, the
 * S/MIME key, each with the key replacing it during a rollover ({@code gateway.key.next.file},
 * {@code gateway.smime.next.key.file} + {@code gateway.smime.next.certificate.file}) and the dates of
 * the switch ({@code gateway.key.switch-at}) and of the old keys' retirement ({@code gateway.key.retire-at},
 * by default {@value #DEFAULT_OVERLAP_DAYS} days after the switch). One switch and one retirement for both
 * kinds, so a contact is never told two different dates. Passphrases come from the environment or files,
 * as for the current keys, never from the settings themselves.
 */
public record GatewayKeys(GatewayKeySchedule<OpenPgpGatewayKey> openPgp, Optional<GatewayKeySchedule<SmimeGatewayKey>> smime) {
    static final String NEXT_KEY_FILE = "gateway.key.next.file";
    static final String NEXT_PASSPHRASE_FILE = "gateway.key.next.passphrase-file";
    static final String NEXT_SMIME_KEY_FILE = "gateway.smime.next.key.file";
    static final String NEXT_SMIME_CERTIFICATE_FILE = "gateway.smime.next.certificate.file";
    static final String NEXT_SMIME_PASSPHRASE_ENV = "gateway.smime.next.key.passphrase-env";
    static final String NEXT_SMIME_PASSPHRASE_FILE = "gateway.smime.next.key.passphrase-file";
    static final String SWITCH_AT = "gateway.key.switch-at";
    static final String RETIRE_AT = "gateway.key.retire-at";
    /** The next OpenPGP key's passphrase, as {@link PassphraseSource#DEFAULT_VARIABLE} is the current one's. */
    public static final String NEXT_PASSPHRASE_VARIABLE = "LIAISON_NEXT_KEY_PASSPHRASE";
    public static final String NEXT_PASSPHRASE_FILE_VARIABLE = "LIAISON_NEXT_KEY_PASSPHRASE_FILE";
    static final int DEFAULT_OVERLAP_DAYS = 30;

    /**
     * Loads and unlocks every key the settings name.
     *
     * @throws GatewayKeyException                naming the file or variable when a key cannot be loaded or unlocked
     * @throws GatewaySettings.SettingsException naming the setting when the rollover settings do not fit together
     */
    public static GatewayKeys load(GatewaySettings s) throws GatewayKeyException {
        return load(s, System.getenv());
    }

    /**
     * The current OpenPGP key alone ({@code gateway.key.file}, its passphrase found as the gateway finds it): what a
     * command that only signs (an audit export's closing checkpoint) needs, without the S/MIME or next keys.
     */
    public static OpenPgpGatewayKey currentOpenPgp(GatewaySettings s) throws GatewayKeyException {
        return OpenPgpGatewayKey.load(s.path("gateway.key.file"), passphrase(s, System.getenv()));
    }

    private static PassphraseSource passphrase(GatewaySettings s, Map<String, String> environment) throws GatewayKeyException {
        return PassphraseSource.resolve(environment, s.optional("gateway.key.passphrase-file").map(Path::of));
    }

    /** As {@link #load(GatewaySettings)} against a given environment (tests cannot set real variables). */
    public static GatewayKeys load(GatewaySettings s, Map<String, String> environment) throws GatewayKeyException {
        PassphraseSource passphrase = passphrase(s, environment);
        OpenPgpGatewayKey current = OpenPgpGatewayKey.load(s.path("gateway.key.file"), passphrase);
        Optional<SmimeGatewayKey> smime = smimeKey(s, environment, "gateway.smime.key.file", "gateway.smime.certificate.file",
                "gateway.smime.key.passphrase-env", "gateway.smime.key.passphrase-file", passphrase);
        Optional<Path> nextFile = s.optional(NEXT_KEY_FILE).map(Path::of);
        boolean nextSmimeSet = s.optional(NEXT_SMIME_KEY_FILE).isPresent();
        Optional<Instant> switchAt = instant(s, SWITCH_AT);
        if (nextFile.isEmpty()) {
            if (nextSmimeSet) {
                throw new GatewaySettings.SettingsException("setting " + NEXT_SMIME_KEY_FILE + " is set without " + NEXT_KEY_FILE
                        + ": a rollover replaces the OpenPGP key and the S/MIME key together");
            }
            if (switchAt.isPresent() || s.optional(RETIRE_AT).isPresent()) {
                throw new GatewaySettings.SettingsException("setting " + SWITCH_AT + " or " + RETIRE_AT + " is set without "
                        + NEXT_KEY_FILE + ": there is no next key to switch to");
            }
            return new GatewayKeys(GatewayKeySchedule.single(current), smime.map(GatewayKeySchedule::single));
        }
        if (switchAt.isEmpty()) {
            throw new GatewaySettings.SettingsException("setting " + NEXT_KEY_FILE + " needs " + SWITCH_AT
                    + " (when outbound signing moves to the next key), e.g. 2027-04-01T00:00+09:00");
        }
        Instant retireAt = instant(s, RETIRE_AT).orElse(switchAt.get().plus(Duration.ofDays(DEFAULT_OVERLAP_DAYS)));
        if (retireAt.isBefore(switchAt.get())) {
            throw new GatewaySettings.SettingsException("setting " + RETIRE_AT + " (" + retireAt + ") is before " + SWITCH_AT + " ("
                    + switchAt.get() + "): the old key must keep decrypting replies at least until the switch");
        }
        PassphraseSource nextPassphrase = PassphraseSource.resolve(environment, s.optional(NEXT_PASSPHRASE_FILE).map(Path::of),
                NEXT_PASSPHRASE_VARIABLE, NEXT_PASSPHRASE_FILE_VARIABLE);
        OpenPgpGatewayKey next = OpenPgpGatewayKey.load(nextFile.get(), nextPassphrase);
        if (next.fingerprint().equals(current.fingerprint())) {
            throw new GatewaySettings.SettingsException("setting " + NEXT_KEY_FILE + ": " + nextFile.get()
                    + " holds the current gateway key " + current.fingerprint() + "; the next key must be a new one");
        }
        Optional<SmimeGatewayKey> nextSmime = smimeKey(s, environment, NEXT_SMIME_KEY_FILE, NEXT_SMIME_CERTIFICATE_FILE,
                NEXT_SMIME_PASSPHRASE_ENV, NEXT_SMIME_PASSPHRASE_FILE, nextPassphrase);
        if (smime.isPresent() != nextSmime.isPresent()) {
            throw new GatewaySettings.SettingsException(smime.isPresent()
                    ? "setting " + NEXT_SMIME_KEY_FILE + " is required during a rollover: the gateway has an S/MIME key"
                    + " (gateway.smime.key.file), and its S/MIME contacts need the next one too"
                    : "setting " + NEXT_SMIME_KEY_FILE + " is set but gateway.smime.key.file is not: there is no S/MIME key to replace");
        }
        if (nextSmime.isPresent() && nextSmime.get().fingerprint().equals(smime.get().fingerprint())) {
            throw new GatewaySettings.SettingsException("setting " + NEXT_SMIME_CERTIFICATE_FILE
                    + " names the current S/MIME certificate " + smime.get().fingerprint() + "; the next one must be new");
        }
        refuseWeakNextKeysOutsideDemo(s, next, nextSmime);
        return new GatewayKeys(GatewayKeySchedule.rolling(current, next, switchAt.get(), retireAt),
                smime.map(k -> GatewayKeySchedule.rolling(k, nextSmime.get(), switchAt.get(), retireAt)));
    }

    /** The rules for the current keys (Gateway refuses those), applied to the next ones before they ever sign. */
    private static void refuseWeakNextKeysOutsideDemo(GatewaySettings s, OpenPgpGatewayKey next, Optional<SmimeGatewayKey> nextSmime) {
        if (s.demoMode()) {
            return;
        }
        if (!next.protectedOnDisk()) {
            throw new GatewaySettings.SettingsException("setting " + NEXT_KEY_FILE + ": " + next.file() + " is not protected by a"
                    + " passphrase; outside demo mode the gateway refuses an unprotected signing key");
        }
        if (next.isSample()) {
            throw new GatewaySettings.SettingsException("setting " + NEXT_KEY_FILE + ": " + next.file() + " (" + next.fingerprint()
                    + ") is a sample key, refused outside demo mode");
        }
        nextSmime.filter(k -> !k.protectedOnDisk() || k.isSample()).ifPresent(k -> {
            throw new GatewaySettings.SettingsException("setting " + NEXT_SMIME_KEY_FILE + ": " + k.file() + " ("
                    + k.fingerprint() + ") is " + (k.isSample() ? "a sample key" : "not encrypted") + ", refused outside demo mode");
        });
    }

    /**
     * An S/MIME key when {@code keySetting} is set: its passphrase from the variable {@code envSetting} names, else
     * the file {@code fileSetting} names, else the OpenPGP key's passphrase of the same generation.
     */
    private static Optional<SmimeGatewayKey> smimeKey(GatewaySettings s, Map<String, String> environment, String keySetting,
                                                      String certificateSetting, String envSetting, String fileSetting,
                                                      PassphraseSource openPgpPassphrase) throws GatewayKeyException {
        Optional<String> keyFile = s.optional(keySetting);
        if (keyFile.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> variable = s.optional(envSetting);
        Optional<String> file = s.optional(fileSetting);
        PassphraseSource passphrase;
        if (variable.isPresent() && environment.get(variable.get()) != null) {
            passphrase = PassphraseSource.fromEnvironment(variable.get(), environment);
        } else if (file.isPresent()) {
            passphrase = PassphraseSource.fromFile(Path.of(file.get()));
        } else {
            passphrase = openPgpPassphrase;
        }
        return Optional.of(SmimeGatewayKey.load(Path.of(keyFile.get()), s.path(certificateSetting), passphrase));
    }

    /** An instant with its offset, e.g. 2027-04-01T00:00+09:00: a date without a zone would be read in the machine's. */
    static Optional<Instant> instant(GatewaySettings s, String key) {
        Optional<String> v = s.optional(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.get()).toInstant());
        } catch (DateTimeParseException e) {
            throw new GatewaySettings.SettingsException("setting " + key + ": \"" + v.get()
                    + "\" is not a date and time with its offset, like 2027-04-01T00:00+09:00");
        }
    }

    /**
     * {@code keys check} on the gateway's own keys: each key the settings name is present, unlocked by its
     * passphrase (from the environment or a file), protected by one outside demo mode, not a sample key outside
     * demo mode, valid now and able to sign, its certificate able to receive encrypted replies, the S/MIME
     * certificate belonging to its key; a warning when one expires within {@code window}. Never throws: a
     * key that cannot be loaded is a finding naming the file or variable, never the passphrase.
     */
    public static List<OwnKeyFinding> judge(GatewaySettings s, Map<String, String> environment, Instant now, Duration window) {
        GatewayKeys keys;
        try {
            keys = load(s, environment);
        } catch (GatewayKeyException | GatewaySettings.SettingsException e) {
            String setting = e instanceof GatewayKeyException k && k.file().isPresent() ? settingNaming(s, k.file().get()) : "settings";
            String file = e instanceof GatewayKeyException k && k.file().isPresent() ? k.file().get().toString() : "-";
            return List.of(new OwnKeyFinding(setting, file, Optional.empty(), OwnKeyFinding.Verdict.UNUSABLE, e.getMessage()));
        }
        List<OwnKeyFinding> findings = new ArrayList<>();
        boolean demo = s.demoMode();
        KeyPolicy policy = KeyPolicy.standard();
        OpenPgpGatewayKey current = keys.openPgp().current();
        findings.add(judge("gateway.key.file", current.file(), current.certificate(), current.protectedOnDisk(), current.isSample(),
                demo, policy, now, window));
        keys.openPgp().next().ifPresent(k -> findings.add(judge(NEXT_KEY_FILE, k.file(), k.certificate(), k.protectedOnDisk(),
                k.isSample(), demo, policy, now, window)));
        keys.smime().ifPresent(schedule -> {
            SmimeGatewayKey c = schedule.current();
            findings.add(judge("gateway.smime.key.file", c.file(), c.certificate(), c.protectedOnDisk(), c.isSample(), demo, policy,
                    now, window));
            schedule.next().ifPresent(k -> findings.add(judge(NEXT_SMIME_KEY_FILE, k.file(), k.certificate(), k.protectedOnDisk(),
                    k.isSample(), demo, policy, now, window)));
        });
        return findings;
    }

    private static OwnKeyFinding judge(String setting, Path file, RecipientCertificate certificate, boolean protectedOnDisk,
                                       boolean sample, boolean demo, KeyPolicy policy, Instant now, Duration window) {
        String fingerprint = certificate.fingerprint();
        if (!protectedOnDisk && !demo) {
            return new OwnKeyFinding(setting, file.toString(), Optional.of(fingerprint), OwnKeyFinding.Verdict.UNUSABLE,
                    "not protected by a passphrase; outside demo mode the gateway refuses it");
        }
        if (sample && !demo) {
            return new OwnKeyFinding(setting, file.toString(), Optional.of(fingerprint), OwnKeyFinding.Verdict.UNUSABLE,
                    "a published sample key (keys-sample/), refused outside demo mode");
        }
        KeyAssessment assessment = certificate.assess(policy, now);
        if (!assessment.isUsable()) {
            // the gateway key must also receive: contacts encrypt their replies to this certificate
            return new OwnKeyFinding(setting, file.toString(), Optional.of(fingerprint), OwnKeyFinding.Verdict.UNUSABLE,
                    assessment.findings().stream().map(KeyFinding::toString).collect(java.util.stream.Collectors.joining("; ")));
        }
        String expiry = assessment.expiresAt().map(e -> "expires at " + e + " (in " + Duration.between(now, e).toDays() + " days)")
                .orElse("does not expire");
        if (assessment.expiresWithin(window, now)) {
            return new OwnKeyFinding(setting, file.toString(), Optional.of(fingerprint), OwnKeyFinding.Verdict.EXPIRING,
                    expiry + ": make its successor and roll over (README: Rolling the gateway's keys)");
        }
        return new OwnKeyFinding(setting, file.toString(), Optional.of(fingerprint), OwnKeyFinding.Verdict.USABLE,
                "signs and decrypts, " + (protectedOnDisk ? "protected by a passphrase" : "unprotected (demo mode)") + ", " + expiry);
    }

    /** Which setting names {@code file}, for a message about it. */
    private static String settingNaming(GatewaySettings s, Path file) {
        for (String key : List.of("gateway.key.file", "gateway.smime.key.file", "gateway.smime.certificate.file", NEXT_KEY_FILE,
                NEXT_SMIME_KEY_FILE, NEXT_SMIME_CERTIFICATE_FILE, "gateway.key.passphrase-file", NEXT_PASSPHRASE_FILE)) {
            if (s.optional(key).map(v -> Path.of(v).equals(file)).orElse(false)) {
                return key;
            }
        }
        return "gateway key";
    }

    /** True when a next key is configured. */
    public boolean rolling() {
        return openPgp.isRolling();
    }

    /** What an announcement of the next keys carries; only while {@link #rolling()}. */
    public io.liaison.gateway.keys.rollover.NextGatewayKeys nextKeys() {
        if (!rolling()) {
            throw new IllegalStateException("no next key configured");
        }
        return new io.liaison.gateway.keys.rollover.NextGatewayKeys(openPgp.current().certificate(), openPgp.next().get().certificate(),
                smime.map(k -> k.current().certificate()), smime.map(k -> k.next().get().certificate()),
                openPgp.switchAt().get(), openPgp.retireAt().get());
    }
}
