package io.liaison.gateway.compose.smime;

import io.liaison.gateway.compose.HandlingMark;
import io.liaison.gateway.marking.Tlp;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * The handling marking as an ESS security label (RFC 2634 §5.4), carried among the signed attributes
 * so it is covered by the signature. Bouncy Castle (1.86) has no class for this structure, so it is
 * encoded here:
 *
 * <pre>
 * ESSSecurityLabel ::= SET {
 *   security-policy-identifier  OBJECT IDENTIFIER,         -- {@link #POLICY}
 *   security-classification     INTEGER OPTIONAL,          -- 11 CLEAR .. 15 RED, under that policy
 *   privacy-mark                UTF8String OPTIONAL,       -- "TLP:AMBER", what a mail client displays
 *   security-categories         SET OF SecurityCategory OPTIONAL }
 * SecurityCategory ::= SEQUENCE { type [0] IMPLICIT OBJECT IDENTIFIER, value [1] EXPLICIT ANY }
 *   -- POLICY.1: the reference number (UTF8String); POLICY.2: exercise (BOOLEAN TRUE)
 * </pre>
 *
 * <p>The classifications avoid 0 to 5, whose generic names (unclassified .. top-secret) would make a
 * client that ignores the policy show "secret" for a TLP level; the privacy mark is the display text.
 */
final class EssSecurityLabel {
    /** id-aa-securityLabel, 1.2.840.113549.1.9.16.2.2. */
    static final ASN1ObjectIdentifier ATTRIBUTE = PKCSObjectIdentifiers.id_aa.branch("2");
    /**
     * The gateway's TLP labelling policy. A UUID OID (ITU-T X.667, arc 2.25) because it needs no
     * registration; UUID 826f5f7a-47af-4c99-b5ff-37d6f0cc0181.
     */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.173377920920269962444268127722081616257");
    static final ASN1ObjectIdentifier CATEGORY_REFERENCE = POLICY.branch("1");
    static final ASN1ObjectIdentifier CATEGORY_EXERCISE = POLICY.branch("2");
    private static final int FIRST_CLASSIFICATION = 11;

    private EssSecurityLabel() {
    }

    static int classification(Tlp level) {
        return FIRST_CLASSIFICATION + level.ordinal();
    }

    /** The signed attribute for {@code mark}. */
    static Attribute attribute(HandlingMark mark) {
        ASN1EncodableVector categories = new ASN1EncodableVector();
        categories.add(category(CATEGORY_REFERENCE, new DERUTF8String(mark.reference())));
        if (mark.exercise()) {
            categories.add(category(CATEGORY_EXERCISE, ASN1Boolean.TRUE));
        }
        ASN1EncodableVector label = new ASN1EncodableVector();
        label.add(POLICY);
        label.add(new ASN1Integer(classification(mark.level())));
        label.add(new DERUTF8String(mark.level().label()));
        label.add(new DERSet(categories));
        return new Attribute(ATTRIBUTE, new DERSet(new DERSet(label)));
    }

    private static DERSequence category(ASN1ObjectIdentifier type, ASN1Encodable value) {
        return new DERSequence(new ASN1Encodable[] {
            new DERTaggedObject(false, 0, type), new DERTaggedObject(true, 1, value)});
    }

    /**
     * The marking in a security label, or empty when it is not under the gateway's policy or is
     * inconsistent (classification and privacy mark disagreeing, a category twice): a label that cannot
     * be read exactly is treated as no label.
     */
    static Optional<HandlingMark> read(ASN1Encodable value) {
        try {
            ASN1Set label = ASN1Set.getInstance(value);
            ASN1ObjectIdentifier policy = null;
            Integer classification = null;
            String privacyMark = null;
            ASN1Set categories = null;
            for (ASN1Encodable element : label) {
                ASN1Primitive p = element.toASN1Primitive();
                if (p instanceof ASN1ObjectIdentifier oid && policy == null) {
                    policy = oid;
                } else if (p instanceof ASN1Integer integer && classification == null) {
                    classification = integer.intValueExact();
                } else if (p instanceof ASN1String string && privacyMark == null) {
                    privacyMark = string.getString();
                } else if (p instanceof ASN1Set set && categories == null) {
                    categories = set;
                } else {
                    return Optional.empty();
                }
            }
            if (!POLICY.equals(policy) || classification == null || privacyMark == null || categories == null) {
                return Optional.empty();
            }
            Optional<Tlp> level = Tlp.parse(privacyMark);
            if (level.isEmpty() || classification(level.get()) != classification) {
                return Optional.empty();
            }
            String reference = null;
            boolean exercise = false;
            int exerciseSeen = 0;
            for (ASN1Encodable element : categories) {
                ASN1Sequence category = ASN1Sequence.getInstance(element);
                if (category.size() != 2) {
                    return Optional.empty();
                }
                ASN1ObjectIdentifier type = ASN1ObjectIdentifier.getInstance(ASN1TaggedObject.getInstance(category.getObjectAt(0)), false);
                ASN1Primitive categoryValue = ASN1TaggedObject.getInstance(category.getObjectAt(1)).getExplicitBaseObject().toASN1Primitive();
                if (CATEGORY_REFERENCE.equals(type) && reference == null && categoryValue instanceof ASN1String string) {
                    reference = string.getString();
                } else if (CATEGORY_EXERCISE.equals(type) && categoryValue instanceof ASN1Boolean flag) {
                    exercise = flag.isTrue();
                    exerciseSeen++;
                } else {
                    return Optional.empty();
                }
            }
            if (reference == null || exerciseSeen > 1) {
                return Optional.empty();
            }
            return Optional.of(new HandlingMark(level.get(), reference, exercise));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** For messages naming the attribute. */
    static String describe() {
        return "ESS security label " + ATTRIBUTE + " under policy " + POLICY + " (classifications "
                + Arrays.stream(Tlp.values()).map(t -> t.label() + "=" + classification(t)).toList() + ")";
    }
}
