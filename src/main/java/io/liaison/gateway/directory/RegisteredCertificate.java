package io.liaison.gateway.directory;

import io.liaison.gateway.keys.RecipientCertificate;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A certificate file a point of contact's entry names, read but not judged: what {@code keys check}
 * inspects, including the keys a full directory load would refuse. Immutable.
 *
 * @param pocId       the point of contact
 * @param field       {@code openpgp_certificate} or {@code smime_certificate}
 * @param file        the file, resolved against the directory's folder
 * @param certificate the certificate, when the file could be read
 * @param problem     why the file could not be read, when it could not
 */
public record RegisteredCertificate(String pocId, String field, Path file, Optional<RecipientCertificate> certificate,
                                    Optional<String> problem) {

    public RegisteredCertificate {
        Objects.requireNonNull(pocId, "pocId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(file, "file");
        if (certificate.isPresent() == problem.isPresent()) {
            throw new IllegalArgumentException("either a certificate or a problem");
        }
    }

    public static RegisteredCertificate read(String pocId, String field, Path file, RecipientCertificate certificate) {
        return new RegisteredCertificate(pocId, field, file, Optional.of(certificate), Optional.empty());
    }

    public static RegisteredCertificate unreadable(String pocId, String field, Path file, String problem) {
        return new RegisteredCertificate(pocId, field, file, Optional.empty(), Optional.of(problem));
    }
}
