package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.TestCertificates.EC_P256;
import static dev.app09.certs.inspect.TestCertificates.NOW;
import static dev.app09.certs.inspect.TestCertificates.RSA_1024;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048_CA;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fact of a certificate, held against what the test put in it, what the JDK's digests
 * compute, and what openssl prints when it is installed.
 */
final class CertificateFactsTest {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private final X509Certificate certificate = certificate()
            .subject("CN=payroll,OU=Finance,O=Contoso")
            .serial(new BigInteger("00F3A1", 16))
            .validFrom(Instant.parse("2026-05-01T08:30:00Z"))
            .validUntil(Instant.parse("2027-05-01T08:30:00Z"))
            .build();
    private final CertificateFacts facts = CertificateFacts.of(certificate);

    @Test
    void subject_and_issuer_are_rfc_2253_names() {
        assertThat(facts.subject()).isEqualTo("CN=payroll,OU=Finance,O=Contoso");
        assertThat(facts.issuer()).isEqualTo("CN=payroll,OU=Finance,O=Contoso");
    }

    @Test
    void serial_is_upper_case_hex_in_whole_bytes() {
        assertThat(facts.serialHex()).isEqualTo("F3A1");
    }

    @Test
    void a_short_serial_keeps_its_leading_zero_nibble() {
        X509Certificate small = certificate().serial(BigInteger.valueOf(0xABC)).build();

        assertThat(CertificateFacts.of(small).serialHex()).isEqualTo("0ABC");
    }

    @Test
    void validity_is_the_certificate_dates() {
        assertThat(facts.notBefore()).isEqualTo("2026-05-01T08:30:00Z");
        assertThat(facts.notAfter()).isEqualTo("2027-05-01T08:30:00Z");
    }

    @ParameterizedTest(name = "{argumentSetName}")
    @MethodSource("keys")
    void key_algorithm_and_size_are_named(KeyPair key, String algorithm, int bits, String signature) {
        CertificateFacts facts = CertificateFacts.of(certificate().key(key).build());

        assertThat(facts.keyAlgorithm()).isEqualTo(algorithm);
        assertThat(facts.keySize()).isEqualTo(bits);
        assertThat(facts.signatureAlgorithm()).isEqualTo(signature);
    }

    static Stream<Arguments> keys() throws NoSuchAlgorithmException {
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        return Stream.of(
                argumentSet("RSA 2048", RSA_2048, "RSA", 2048, "SHA256withRSA"),
                argumentSet("RSA 1024", RSA_1024, "RSA", 1024, "SHA256withRSA"),
                argumentSet("EC P-256", EC_P256, "EC", 256, "SHA256withECDSA"),
                argumentSet("Ed25519, whose size is not counted", ed25519, "Ed25519", 0, "Ed25519"));
    }

    @Test
    void signature_algorithm_is_the_one_the_issuer_used() {
        X509Certificate sha1 = certificate().signatureAlgorithm("SHA1withRSA").build();

        assertThat(CertificateFacts.of(sha1).signatureAlgorithm()).isEqualTo("SHA1withRSA");
    }

    @Test
    void thumbprints_are_hashes_of_the_der_certificate() throws Exception {
        byte[] der = certificate.getEncoded();
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(der);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(der);
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

        assertThat(facts.thumbprints().sha1Hex()).isEqualTo(HexFormat.of().withUpperCase().formatHex(sha1));
        assertThat(facts.thumbprints().x5t()).isEqualTo(base64url.encodeToString(sha1));
        assertThat(facts.thumbprints().x5tS256()).isEqualTo(base64url.encodeToString(sha256));
    }

    @Test
    void a_certificate_signed_by_its_own_key_under_its_own_name_is_self_signed() {
        assertThat(facts.selfSigned()).isTrue();
    }

    @Test
    void a_certificate_issued_by_a_ca_is_not_self_signed() {
        assertThat(CertificateFacts.of(TestCertificates.chain().leaf()).selfSigned()).isFalse();
    }

    @Test
    void a_certificate_naming_itself_as_issuer_but_signed_by_another_key_is_not_self_signed() {
        X509Certificate forged = certificate()
                .subject("CN=payroll")
                .issuedBy("CN=payroll", RSA_2048_CA.getPrivate())
                .build();

        assertThat(CertificateFacts.of(forged).selfSigned()).isFalse();
    }

    @Test
    void the_facts_match_what_openssl_prints(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        Path der = Files.write(folder.resolve("payroll.cer"), certificate.getEncoded());

        Map<String, String> openssl = openssl(der, "-noout", "-nameopt", "RFC2253", "-subject", "-issuer",
                "-serial", "-startdate", "-enddate", "-fingerprint", "-sha1");

        assertThat(facts.subject()).isEqualTo(openssl.get("subject"));
        assertThat(facts.issuer()).isEqualTo(openssl.get("issuer"));
        assertThat(facts.serialHex()).isEqualTo(openssl.get("serial"));
        assertThat(facts.notBefore()).isEqualTo(opensslDate(openssl.get("notbefore")));
        assertThat(facts.notAfter()).isEqualTo(opensslDate(openssl.get("notafter")));
        assertThat(facts.thumbprints().sha1Hex()).isEqualTo(openssl.get("sha1 fingerprint").replace(":", ""));
    }

    @Test
    void the_sha_256_thumbprint_matches_openssl(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        Path der = Files.write(folder.resolve("payroll.cer"), certificate.getEncoded());

        String hex = openssl(der, "-noout", "-fingerprint", "-sha256").get("sha256 fingerprint").replace(":", "");

        assertThat(Base64.getUrlDecoder().decode(facts.thumbprints().x5tS256()))
                .isEqualTo(HexFormat.of().parseHex(hex));
    }

    @Test
    void the_key_size_matches_openssl(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "openssl is not installed at " + OPENSSL);
        X509Certificate ec = certificate().key(EC_P256).build();
        Path rsaFile = Files.write(folder.resolve("rsa.cer"), certificate.getEncoded());
        Path ecFile = Files.write(folder.resolve("ec.cer"), ec.getEncoded());

        assertThat(opensslText(rsaFile)).contains("Public-Key: (" + facts.keySize() + " bit)");
        assertThat(opensslText(ecFile)).contains("Public-Key: (" + CertificateFacts.of(ec).keySize() + " bit)");
    }

    @Test
    void facts_of_a_certificate_valid_for_a_long_time_are_exact_to_the_second() {
        Instant notAfter = NOW.plus(Duration.ofDays(365 * 30)).plusSeconds(1);

        CertificateFacts longLived = CertificateFacts.of(certificate().validUntil(notAfter).build());

        assertThat(longLived.notAfter()).isEqualTo(notAfter);
    }

    /** "name=value" lines, as openssl x509 prints its options; names in lower case (openssl 1 and 3 differ). */
    private static Map<String, String> openssl(Path der, String... options) throws IOException, InterruptedException {
        Map<String, String> values = new HashMap<>();
        for (String line : run(der, options).split("\\R")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip().toLowerCase(Locale.ROOT), line.substring(equals + 1).strip());
            }
        }
        return values;
    }

    private static String opensslText(Path der) throws IOException, InterruptedException {
        return run(der, "-noout", "-text");
    }

    private static String run(Path der, String... options) throws IOException, InterruptedException {
        String[] command = Stream.concat(
                        Stream.of(OPENSSL.toString(), "x509", "-inform", "DER", "-in", der.toString()),
                        Stream.of(options))
                .toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** openssl prints "May  1 08:30:00 2026 GMT". */
    private static Instant opensslDate(String date) {
        return ZonedDateTime.parse(date.replaceAll("\\s+", " "),
                        DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy z", Locale.ROOT))
                .toInstant();
    }
}
