package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.Bytes.ascii;
import static dev.app09.certs.inspect.Bytes.concat;
import static dev.app09.certs.inspect.RefusalReason.CONTAINS_PRIVATE_KEY;
import static dev.app09.certs.inspect.RefusalReason.EXPIRED;
import static dev.app09.certs.inspect.RefusalReason.KEY_TOO_SMALL;
import static dev.app09.certs.inspect.RefusalReason.NOT_RSA;
import static dev.app09.certs.inspect.RefusalReason.NOT_X509;
import static dev.app09.certs.inspect.RefusalReason.NOT_YET_VALID;
import static dev.app09.certs.inspect.TestCertificates.EC_P256;
import static dev.app09.certs.inspect.TestCertificates.NOW;
import static dev.app09.certs.inspect.TestCertificates.RSA_1024;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static dev.app09.certs.inspect.TestCertificates.der;
import static dev.app09.certs.inspect.TestCertificates.junk;
import static dev.app09.certs.inspect.TestCertificates.pem;
import static dev.app09.certs.inspect.TestCertificates.pemPrivateKey;
import static dev.app09.certs.inspect.TestCertificates.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of what users upload by mistake: each file gets its named reasons and its words, and
 * nothing in it, nor any damaged certificate, makes inspection throw.
 */
final class BadInputTest {

    private static final X509Certificate CERTIFICATE = certificate().build();
    private static final byte[] DER = der(CERTIFICATE);
    private static final char[] PASSWORD = "correct horse".toCharArray();
    private static final byte[] PFX = TestCertificates.pkcs12(PASSWORD, RSA_2048.getPrivate(), CERTIFICATE);

    /**
     * @param content the file
     * @param password for a PKCS#12 file, or null
     * @param says words the inspection's reason holds, or null when the file holds a certificate
     * @param refusals every refusal expected, in any order
     */
    record Case(byte[] content, char @Nullable [] password, @Nullable String says, List<RefusalReason> refusals) {

        Inspection inspect() {
            return CertificateInspector.inspect(content, "upload", password);
        }
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void every_bad_input_is_refused_with_its_named_reasons(Case bad) {
        UploadVerdict verdict = UploadCheck.check(bad.inspect(), NOW, UploadCheck.DEFAULT_MAX_VALIDITY);

        assertThat(verdict.refusals()).extracting(Refusal::reason).containsExactlyInAnyOrderElementsOf(bad.refusals());
        assertThat(verdict.payload()).isNull();
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void every_bad_input_says_what_is_wrong_with_it(Case bad) {
        Inspection inspection = bad.inspect();

        if (bad.says() == null) {
            assertThat(inspection.notX509()).isNull();
        } else {
            assertThat(inspection.notX509()).contains(bad.says());
        }
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("corpus")
    void no_bad_input_makes_anything_throw(Case bad) {
        assertThatCode(() -> {
            Inspection inspection = bad.inspect();
            inspection.facts();
            inspection.toString();
            UploadCheck.check(inspection, NOW, UploadCheck.DEFAULT_MAX_VALIDITY).toString();
        }).doesNotThrowAnyException();
    }

    static Stream<Arguments> corpus() {
        byte[] pkcs8 = RSA_2048.getPrivate().getEncoded();
        X509Certificate leaf = TestCertificates.chain().leaf();
        String damagedBase64 = pem(CERTIFICATE).replaceFirst("\n[A-Za-z0-9+/]{10}", "\n*********!");
        return Stream.of(
                bad("empty file", new byte[0], "the file is empty", NOT_X509),
                bad("only whitespace", ascii(" \r\n\t\n"), "only whitespace", NOT_X509),
                bad("truncated DER", truncated(DER, DER.length / 2), "truncated DER: the ASN.1 object at byte 0", NOT_X509),
                bad("DER cut after two bytes", truncated(DER, 2), "truncated DER", NOT_X509),
                bad("a DER certificate followed by junk", concat(DER, junk(7, 64, 0x30)), "after 1 certificate,", NOT_X509),
                bad("binary junk", junk(1, 4096, 0xA5), "neither text nor DER: the first byte is 0xA5", NOT_X509),
                bad("binary junk that starts like DER", junk(2, 4096, 0x30), "DER", NOT_X509),
                bad("DER nested a hundred thousand deep", nested(100_000), "nested too deeply", NOT_X509),
                bad("text that is not PEM", ascii("My certificate: see the portal.\n"), "text without a PEM block", NOT_X509),
                bad("base64 of junk", ascii(Base64.getEncoder().encodeToString(junk(3, 300, 0xA5))),
                        "does not decode to DER", NOT_X509),
                bad("a PEM private key alone", ascii(pemPrivateKey(RSA_2048.getPrivate())),
                        "PEM block 1 'PRIVATE KEY' (line 1) is a private key", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PEM PKCS#1 RSA private key", ascii(pem("RSA PRIVATE KEY", pkcs1(pkcs8))),
                        "'RSA PRIVATE KEY'", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PEM encrypted private key", ascii(pem("ENCRYPTED PRIVATE KEY", junk(5, 300, 0x30))),
                        "'ENCRYPTED PRIVATE KEY'", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("an OpenSSH private key", ascii(pem("OPENSSH PRIVATE KEY", ascii("openssh-key-v1"))),
                        "'OPENSSH PRIVATE KEY'", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PEM certificate with its key", ascii(pem(CERTIFICATE) + pemPrivateKey(RSA_2048.getPrivate())),
                        null, CONTAINS_PRIVATE_KEY),
                bad("a PEM certificate with its key after 'key: ' on the BEGIN line, as in YAML",
                        ascii(pem(CERTIFICATE) + "key: " + pemPrivateKey(RSA_2048.getPrivate())), null, CONTAINS_PRIVATE_KEY),
                bad("a DER PKCS#8 private key", pkcs8, "a PKCS#8 private key", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a DER PKCS#1 private key", pkcs1(pkcs8), "a PKCS#1 RSA private key", CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a DER EC private key", sec1(EC_P256.getPrivate().getEncoded()), "an EC private key",
                        CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PFX opened with its password", PFX, PASSWORD, null, CONTAINS_PRIVATE_KEY),
                bad("a PFX without its password", PFX, null, "could not be read without its password",
                        CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PFX with a wrong password", PFX, "Tr0ub4dor&3".toCharArray(), "wrong password",
                        CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PEM certificate request", ascii(pem("CERTIFICATE REQUEST", TestCertificates.certificateRequest(RSA_2048))),
                        "PEM block 1 'CERTIFICATE REQUEST' (line 1) is a PKCS#10 certificate request", NOT_X509),
                bad("a DER certificate request", TestCertificates.certificateRequest(RSA_2048),
                        "certificate request (CSR)", NOT_X509),
                bad("a DER PKCS#7 bundle (.p7b)", TestCertificates.pkcs7(CERTIFICATE),
                        "PKCS#7 bundle (.p7b), not a certificate: export the certificate alone as .cer", NOT_X509),
                bad("a PEM PKCS#7 bundle", ascii(pem("PKCS7", TestCertificates.pkcs7(CERTIFICATE))), "'PKCS7'", NOT_X509),
                bad("a PEM public key", ascii(pem("PUBLIC KEY", RSA_2048.getPublic().getEncoded())),
                        "'PUBLIC KEY' (line 1) is a bare public key", NOT_X509),
                bad("a DER public key", RSA_2048.getPublic().getEncoded(), "a bare public key", NOT_X509),
                bad("a DER CRL", TestCertificates.crl(), "revocation list", NOT_X509),
                bad("an OpenSSL trusted certificate", ascii(pem("TRUSTED CERTIFICATE", DER)),
                        "'TRUSTED CERTIFICATE' (line 1) is a certificate with OpenSSL's trust settings appended", NOT_X509),
                bad("a PEM block of an unknown kind", ascii(pem("SSH2 PUBLIC KEY", ascii("ssh-rsa"))),
                        "'SSH2 PUBLIC KEY' (line 1) is not a certificate", NOT_X509),
                bad("a PEM block with damaged base64", ascii(damagedBase64),
                        "PEM block 1 'CERTIFICATE' (line 1) is damaged", NOT_X509),
                bad("a PEM block without its END line", ascii(pem(CERTIFICATE).replace("-----END CERTIFICATE-----", "")),
                        "-----END CERTIFICATE----- not found", NOT_X509),
                bad("a PEM certificate block holding junk", ascii(pem("CERTIFICATE", junk(4, 200, 0x30))),
                        "PEM block 1 'CERTIFICATE' (line 1): ", NOT_X509),
                bad("an empty PEM certificate block", ascii(pem("CERTIFICATE", new byte[0])), "is empty", NOT_X509),
                bad("a PEM chain whose second certificate is truncated",
                        ascii(pem(leaf) + pem("CERTIFICATE", truncated(DER, 300))),
                        "PEM block 2 'CERTIFICATE' (line " + lineAfter(pem(leaf)) + "): truncated DER", NOT_X509),
                bad("a certificate beside a damaged private key block",
                        ascii(pem(CERTIFICATE) + pemPrivateKey(RSA_2048.getPrivate()).replace("-----END PRIVATE KEY-----", "")),
                        "PEM block 2 'PRIVATE KEY' (line " + lineAfter(pem(CERTIFICATE)) + ") is damaged",
                        CONTAINS_PRIVATE_KEY, NOT_X509),
                bad("a PEM label BouncyCastle does not accept", ascii("-----BEGIN X-509-----\nAAAA\n-----END X-509-----\n"),
                        "no PEM block", NOT_X509),
                bad("an expired certificate", der(certificate().validUntil(NOW.minusSeconds(1)).build()), null, EXPIRED),
                bad("a certificate not yet valid", der(certificate().validFrom(NOW.plus(Duration.ofDays(1))).build()),
                        null, NOT_YET_VALID),
                bad("an EC certificate", der(certificate().key(EC_P256).build()), null, NOT_RSA),
                bad("an expired EC certificate", der(certificate().key(EC_P256).validUntil(NOW).build()), null,
                        NOT_RSA, EXPIRED),
                bad("an RSA 1024 certificate", der(certificate().key(RSA_1024).build()), null, KEY_TOO_SMALL),
                bad("a file over 1 MiB", new byte[CertificateInspector.MAX_CONTENT_BYTES + 1],
                        "larger than 1 MiB (1048577 bytes)", NOT_X509));
    }

    @Test
    void a_certificate_cut_at_any_length_is_never_read_as_one() {
        for (int length = 0; length < DER.length; length++) {
            Inspection inspection = CertificateInspector.inspect(truncated(DER, length), "cut", null);

            assertThat(inspection.notX509()).as("cut to %d bytes", length).isNotNull();
        }
    }

    @Test
    void a_certificate_with_any_byte_changed_never_makes_inspection_throw() {
        Random random = new Random(20260601);
        for (int i = 0; i < 2000; i++) {
            byte[] damaged = DER.clone();
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);

            assertThatCode(() -> inspectAndCheck(damaged, null)).as("damage %d", i).doesNotThrowAnyException();
        }
    }

    @Test
    void pem_with_any_character_changed_never_makes_inspection_throw() {
        byte[] pem = ascii(pem(CERTIFICATE) + pemPrivateKey(RSA_2048.getPrivate()));
        Random random = new Random(20260602);
        for (int i = 0; i < 1000; i++) {
            byte[] damaged = pem.clone();
            damaged[random.nextInt(damaged.length)] = (byte) (32 + random.nextInt(95));

            assertThatCode(() -> inspectAndCheck(damaged, null)).as("damage %d", i).doesNotThrowAnyException();
        }
    }

    @Test
    void a_pfx_with_any_byte_changed_never_makes_inspection_throw() {
        Random random = new Random(20260603);
        for (int i = 0; i < 40; i++) {
            byte[] damaged = PFX.clone();
            damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);

            assertThatCode(() -> inspectAndCheck(damaged, PASSWORD)).as("damage %d", i).doesNotThrowAnyException();
        }
    }

    @Test
    void no_message_holds_the_private_key_or_the_password() {
        String key = Base64.getEncoder().encodeToString(RSA_2048.getPrivate().getEncoded());
        String keyPem = pemPrivateKey(RSA_2048.getPrivate());
        List<Inspection> inspections = List.of(
                CertificateInspector.inspect(ascii(keyPem), "key.pem", null),
                CertificateInspector.inspect(ascii(keyPem.replace("-----END PRIVATE KEY-----", "")), "cut.pem", null),
                CertificateInspector.inspect(ascii(keyPem.replace("M", "*")), "damaged.pem", null),
                CertificateInspector.inspect(RSA_2048.getPrivate().getEncoded(), "key.der", null),
                CertificateInspector.inspect(PFX, "workload.pfx", PASSWORD),
                CertificateInspector.inspect(PFX, "workload.pfx", "Tr0ub4dor&3".toCharArray()));

        List<String> messages = new ArrayList<>();
        for (Inspection inspection : inspections) {
            messages.add(inspection.toString());
            messages.add(UploadCheck.check(inspection, NOW, UploadCheck.DEFAULT_MAX_VALIDITY).toString());
        }

        // Any 24 characters of the key's base64 would be a leak; check windows across the whole key.
        for (int start = 0; start + 24 <= key.length(); start += 24) {
            String window = key.substring(start, start + 24);
            assertThat(messages).noneMatch(message -> message.contains(window));
        }
        assertThat(messages).noneMatch(message -> message.contains("correct horse") || message.contains("Tr0ub4dor"));
    }

    private static void inspectAndCheck(byte[] content, char @Nullable [] password) {
        Inspection inspection = CertificateInspector.inspect(content, "damaged", password);
        inspection.facts();
        UploadCheck.check(inspection, NOW, UploadCheck.DEFAULT_MAX_VALIDITY);
    }

    private static Arguments bad(String name, byte[] content, @Nullable String says, RefusalReason... refusals) {
        return bad(name, content, null, says, refusals);
    }

    private static Arguments bad(
            String name, byte[] content, char @Nullable [] password, @Nullable String says, RefusalReason... refusals) {
        return argumentSet(name, new Case(content, password, says, List.of(refusals)));
    }

    /** SEQUENCE in SEQUENCE, indefinite length, as deep as asked. */
    private static byte[] nested(int depth) {
        byte[] nested = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            nested[2 * i] = 0x30;
            nested[2 * i + 1] = (byte) 0x80;
        }
        return nested;
    }

    /** The PKCS#1 RSAPrivateKey or SEC 1 ECPrivateKey inside a PKCS#8 key. */
    private static byte[] pkcs1(byte[] pkcs8) {
        try {
            return PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey().toASN1Primitive().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sec1(byte[] pkcs8) {
        return pkcs1(pkcs8);
    }

    /** @return the number of the line that follows the text */
    private static long lineAfter(String text) {
        return text.lines().count() + 1;
    }


}
