package dev.app09.certs.inspect;

import dev.app09.certs.inspect.DerReader.DerObject;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DER content: one certificate, certificates one after another, a PKCS#12 file, or something that
 * is not a certificate, named.
 */
final class DerInspection {

    private DerInspection() {}

    /**
     * @param der untrusted content
     * @param source for the inspection
     * @param format {@link FileFormat#DER}, or the encoding the DER came wrapped in
     * @param pkcs12Password opens a PKCS#12 file
     * @return what it holds
     */
    static Inspection inspect(byte[] der, String source, FileFormat format, char @Nullable [] pkcs12Password) {
        DerReader reader = new DerReader(der);
        DerObject first = reader.next();
        if (first == null) {
            String problem = reader.problem();
            return Inspection.notX509(source, format, false, problem != null ? problem : "DER holding no object");
        }
        DerKind kind = kind(first);
        if (kind == DerKind.PKCS12) {
            return Pkcs12Inspection.inspect(der, source, format == FileFormat.DER ? FileFormat.PKCS12 : format,
                    pkcs12Password);
        }
        if (kind != DerKind.CERTIFICATE) {
            return Inspection.notX509(source, format, kind.holdsPrivateKey(), kind.explained());
        }
        return certificates(first, reader, source, format);
    }

    /** Certificates one after another, as Java's CertificateFactory also reads them. */
    private static Inspection certificates(DerObject first, DerReader reader, String source, FileFormat format) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (DerObject object = first; object != null; object = reader.next()) {
            String where = certificates.isEmpty() ? "" : "after " + count(certificates.size()) + ", ";
            DerKind kind = kind(object);
            if (kind != DerKind.CERTIFICATE) {
                return Inspection.notX509(source, format, kind.holdsPrivateKey(),
                        where + "the DER at byte " + object.offset() + " is " + kind.explained());
            }
            try {
                certificates.add(decode(object.encoding()));
            } catch (CertificateException | RuntimeException | StackOverflowError e) {
                return Inspection.notX509(source, format, false, where + "the certificate at byte "
                        + object.offset() + " is one Java cannot read (" + e.getMessage() + ")");
            }
        }
        String problem = reader.problem();
        if (problem != null) {
            return Inspection.notX509(source, format, false, "after " + count(certificates.size()) + ", " + problem);
        }
        return Inspection.of(source, format, certificates, false);
    }

    /** BouncyCastle's kind; a certificate Java reads counts as one even when BouncyCastle is stricter. */
    private static DerKind kind(DerObject object) {
        DerKind kind = DerKind.of(object.value());
        if (kind == DerKind.OTHER) {
            try {
                decode(object.encoding());
                return DerKind.CERTIFICATE;
            } catch (CertificateException | RuntimeException | StackOverflowError e) {
                return DerKind.OTHER;
            }
        }
        return kind;
    }

    private static X509Certificate decode(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static String count(int certificates) {
        return certificates == 1 ? "1 certificate" : certificates + " certificates";
    }
}
