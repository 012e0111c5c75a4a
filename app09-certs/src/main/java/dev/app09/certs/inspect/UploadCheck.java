package dev.app09.certs.inspect;

import static java.util.Objects.requireNonNull;

import dev.app09.certs.KeyCredentialPayloads;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an inspected file may be uploaded as an application's certificate. The uploaded
 * certificate is the first in the file; every refusal that applies is reported, not only the first.
 *
 * <pre>{@code
 * UploadVerdict verdict = UploadCheck.check(inspection, Instant.now(), UploadCheck.DEFAULT_MAX_VALIDITY);
 * verdict.refusals().forEach(r -> System.out.println(r.reason() + ": " + r.detail()));
 * }</pre>
 */
public final class UploadCheck {

    /** The longest validity accepted without a warning when the tenant's policy sets none: 12 months. */
    public static final Period DEFAULT_MAX_VALIDITY = Period.ofMonths(12);

    /** The smallest RSA key accepted, in bits. */
    public static final int MIN_RSA_KEY_BITS = 2048;

    /**
     * Added to the maximum validity before warning. PowerShell's New-SelfSignedCertificate and our
     * own generator set notBefore some minutes in the past, against clock skew, and notAfter a whole
     * period after the present: a one-year certificate from either is valid a little over a year.
     */
    static final Duration BACKDATING_TOLERANCE = Duration.ofDays(1);

    private UploadCheck() {}

    /**
     * @param inspection what the file holds
     * @param asOf when the certificate would be uploaded: the moment validity is checked against
     * @param maxValidity the policy's longest validity, {@link #DEFAULT_MAX_VALIDITY} when it sets none;
     *     a longer one is a warning, not a refusal
     * @return the verdict
     * @throws IllegalArgumentException when maxValidity is zero or negative
     */
    public static UploadVerdict check(Inspection inspection, Instant asOf, Period maxValidity) {
        requireNonNull(inspection, "inspection");
        requireNonNull(asOf, "asOf");
        requireNonNull(maxValidity, "maxValidity");
        if (maxValidity.isZero() || maxValidity.isNegative()) {
            throw new IllegalArgumentException("maxValidity must be positive: " + maxValidity);
        }
        List<Refusal> refusals = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        if (inspection.containsPrivateKey()) {
            refusals.add(new Refusal(RefusalReason.CONTAINS_PRIVATE_KEY, privateKeyDetail(inspection.format())));
        }
        String notX509 = inspection.notX509();
        if (notX509 != null) {
            refusals.add(new Refusal(RefusalReason.NOT_X509, notX509));
        }
        if (inspection.certificates().isEmpty()) {
            return new UploadVerdict(refusals, warnings, null);
        }
        X509Certificate uploaded = inspection.certificates().get(0);
        CertificateFacts facts = CertificateFacts.of(uploaded);
        checkValidity(facts, asOf, refusals);
        checkKey(facts, refusals);
        warn(inspection, facts, maxValidity, warnings);
        return new UploadVerdict(refusals, warnings,
                refusals.isEmpty() ? KeyCredentialPayloads.forCertificate(uploaded) : null);
    }

    private static void checkValidity(CertificateFacts facts, Instant asOf, List<Refusal> refusals) {
        if (!facts.notAfter().isAfter(asOf)) {
            refusals.add(new Refusal(RefusalReason.EXPIRED,
                    "expired at " + facts.notAfter() + " (checked at " + asOf + ")"));
        }
        if (facts.notBefore().isAfter(asOf)) {
            refusals.add(new Refusal(RefusalReason.NOT_YET_VALID,
                    "valid only from " + facts.notBefore() + " (checked at " + asOf + ")"));
        }
    }

    private static void checkKey(CertificateFacts facts, List<Refusal> refusals) {
        if (!facts.keyAlgorithm().equals("RSA")) {
            String size = facts.keySize() > 0 ? " (" + facts.keySize() + " bits)" : "";
            refusals.add(new Refusal(RefusalReason.NOT_RSA, "the key is " + facts.keyAlgorithm() + size
                    + "; Entra client certificates need an RSA key of at least " + MIN_RSA_KEY_BITS + " bits"));
        } else if (facts.keySize() < MIN_RSA_KEY_BITS) {
            refusals.add(new Refusal(RefusalReason.KEY_TOO_SMALL, "the RSA key has " + facts.keySize()
                    + " bits; at least " + MIN_RSA_KEY_BITS + " are needed"));
        }
    }

    private static void warn(Inspection inspection, CertificateFacts facts, Period maxValidity, List<Warning> warnings) {
        Instant longest = facts.notBefore().atOffset(ZoneOffset.UTC).plus(maxValidity).toInstant()
                .plus(BACKDATING_TOLERANCE);
        if (facts.notAfter().isAfter(longest)) {
            long days = Duration.between(facts.notBefore(), facts.notAfter()).toDays();
            warnings.add(new Warning(WarningReason.VALIDITY_OVER_MAXIMUM, "valid for " + days + " days, from "
                    + facts.notBefore() + " to " + facts.notAfter() + "; the maximum is " + describe(maxValidity)));
        }
        int count = inspection.certificates().size();
        if (count > 1) {
            warnings.add(new Warning(WarningReason.MORE_THAN_ONE_CERTIFICATE, "the file holds " + count
                    + " certificates; only the first, " + facts.subject() + ", is uploaded"));
        }
        String signature = facts.signatureAlgorithm().toUpperCase(Locale.ROOT);
        if (signature.startsWith("SHA1") || signature.startsWith("MD5") || signature.startsWith("MD2")) {
            warnings.add(new Warning(WarningReason.WEAK_SIGNATURE, "signed with " + facts.signatureAlgorithm()
                    + ", which scanners and policies flag as broken; reissue it signed with SHA-256"));
        }
    }

    private static String privateKeyDetail(FileFormat format) {
        String keep = ", which must stay with the workload; upload ";
        return switch (format) {
            case PKCS12 -> "a PKCS#12 (.pfx) file holds the private key" + keep
                    + "the certificate alone (openssl pkcs12 -in file.pfx -clcerts -nokeys -out certificate.pem)";
            case PEM -> "the PEM file has a private key block" + keep
                    + "the certificate alone (openssl x509 -in file.pem -out certificate.pem)";
            default -> "the file holds a private key" + keep + "the certificate that belongs to it";
        };
    }

    private static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        part(parts, period.getYears(), "year");
        part(parts, period.getMonths(), "month");
        part(parts, period.getDays(), "day");
        return String.join(" ", parts) + " (and a day's tolerance)";
    }

    private static void part(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (Math.abs(amount) == 1 ? "" : "s"));
        }
    }
}
