package io.liaison.gateway.inbound;

import java.time.Instant;

/** The §6.1 builders of {@link ReadsRfc3156MultipartSignedInsideEncryptionTest}, for tests in other packages. */
public final class ReadsRfc3156MultipartSignedInsideEncryptionTestSupport {
    private ReadsRfc3156MultipartSignedInsideEncryptionTestSupport() {
    }

    public static String detachedSignature(byte[] part, String pocId, Instant at) throws Exception {
        return ReadsRfc3156MultipartSignedInsideEncryptionTest.detachedSignature(part, pocId, at);
    }

    public static byte[] multipartSigned(byte[] part, String armoredSignature) throws java.io.IOException {
        return ReadsRfc3156MultipartSignedInsideEncryptionTest.multipartSigned(part, armoredSignature);
    }
}
