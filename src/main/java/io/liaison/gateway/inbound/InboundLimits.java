package io.liaison.gateway.inbound;

import io.liaison.gateway.yaml.YamlLimits;

/**
 * Bounds on every decoding step of the intake, each checked before the step allocates (gateway.inbound.*
 * settings). Exceeding one quarantines the message with its own {@link ReasonCode}, the detail naming
 * the setting.
 *
 * @param maxDecompressedBytes decrypted OpenPGP content after decompression ({@link ReasonCode#DECOMPRESSION_LIMIT}):
 *                             a compressed packet has no size field, so the stream is cut here
 * @param maxMimeDepth         multiparts inside multiparts ({@link ReasonCode#MIME_TOO_DEEP})
 * @param maxMimeParts         parts of one message, outer or decrypted ({@link ReasonCode#TOO_MANY_PARTS})
 * @param maxHeaderFields      fields of one header section ({@link ReasonCode#TOO_MANY_HEADERS})
 * @param maxHeaderBytes       one header field with its folded lines ({@link ReasonCode#HEADER_TOO_LONG})
 * @param maxLineBytes         one line anywhere in the message ({@link ReasonCode#LINE_TOO_LONG})
 * @param maxAsn1Depth         nesting of the CMS (S/MIME) structures ({@link ReasonCode#STRUCTURE_TOO_DEEP})
 * @param maxDocumentDepth     nesting of the YAML/JSON document ({@link ReasonCode#FORMAT_LIMIT}, as are the next three)
 * @param maxDocumentAliases   YAML aliases to collections
 * @param maxNumberChars       characters of one number, refused before it is converted
 * @param maxStringChars       characters of one string or key
 */
public record InboundLimits(int maxDecompressedBytes, int maxMimeDepth, int maxMimeParts, int maxHeaderFields,
                            int maxHeaderBytes, int maxLineBytes, int maxAsn1Depth, int maxDocumentDepth,
                            int maxDocumentAliases, int maxNumberChars, int maxStringChars) {
    public InboundLimits {
        between("max-decompressed-bytes", maxDecompressedBytes, 1024, 1 << 30);
        between("max-mime-depth", maxMimeDepth, 1, 100);
        positive("max-mime-parts", maxMimeParts);
        positive("max-header-fields", maxHeaderFields);
        positive("max-header-bytes", maxHeaderBytes);
        positive("max-line-bytes", maxLineBytes);
        between("max-asn1-depth", maxAsn1Depth, 8, 1000);
        between("max-document-depth", maxDocumentDepth, 2, 100);
        between("max-document-aliases", maxDocumentAliases, 0, 1000);
        between("max-number-chars", maxNumberChars, 1, 1000);
        positive("max-string-chars", maxStringChars);
    }

    public static InboundLimits defaults() {
        return new InboundLimits(8 * 1024 * 1024, 8, 64, 200, 16 * 1024, 16 * 1024, 64, 10, 10, 40, 65_536);
    }

    /** The document limits, with the whole document bounded by the part that holds it. */
    public YamlLimits document(int maxPartBytes) {
        return new YamlLimits(maxDocumentDepth, maxDocumentAliases, maxNumberChars, maxStringChars, maxPartBytes);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("gateway.inbound." + name + " must be positive");
        }
    }

    private static void between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("gateway.inbound." + name + " must be between " + min + " and " + max);
        }
    }
}
