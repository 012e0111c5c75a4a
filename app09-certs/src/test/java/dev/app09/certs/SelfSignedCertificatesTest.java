package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.app09.testkit.TestClock;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SelfSignedCertificatesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30.750Z");
    private static CertificateAndKey created;

    @BeforeAll
    static void create() {
        created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), TestClock.create(NOW));
    }

    @Test
    void subject_and_issuer_are_the_requested_name() {
        assertThat(created.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=MyApp-Auth-Cert");
        assertThat(created.certificate().getIssuerX500Principal()).isEqualTo(created.certificate().getSubjectX500Principal());
    }

    @Test
    void default_key_is_rsa_2048_signed_sha256_with_rsa() {
        assertThat(created.certificate().getPublicKey()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) created.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(created.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(created.privateKey().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void signature_verifies_with_its_own_key() throws Exception {
        created.certificate().verify(created.certificate().getPublicKey());
    }

    @Test
    void validity_starts_ten_minutes_back_and_ends_twelve_calendar_months_later() {
        assertThat(created.certificate().getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-11-26T10:05:30Z"));
        assertThat(created.certificate().getNotAfter().toInstant()).isEqualTo(Instant.parse("2027-11-26T10:15:30Z"));
    }

    @Test
    void validity_in_months_follows_the_calendar() {
        CertificateAndKey sixMonths = SelfSignedCertificates.create(
                CertificateRequest.of("CN=Six").withValidityMonths(6), TestClock.create(Instant.parse("2026-08-31T00:00:00Z")));
        assertThat(sixMonths.certificate().getNotAfter().toInstant()).isEqualTo(Instant.parse("2027-02-28T00:00:00Z"));
    }

    @Test
    void key_usage_is_digital_signature_only_and_critical() throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(created.certificateDer());
        assertThat(holder.getExtension(Extension.keyUsage).isCritical()).isTrue();
        KeyUsage usage = KeyUsage.fromExtensions(holder.getExtensions());
        assertThat(usage.hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(usage).isEqualTo(new KeyUsage(KeyUsage.digitalSignature));
        assertThat(created.certificate().getKeyUsage()[0]).isTrue();
    }

    @Test
    void subject_key_identifier_is_the_hash_of_the_public_key() throws Exception {
        X509CertificateHolder holder = new X509CertificateHolder(created.certificateDer());
        SubjectKeyIdentifier identifier = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
        assertThat(identifier.getKeyIdentifier()).isEqualTo(new JcaX509ExtensionUtils()
                .createSubjectKeyIdentifier(created.certificate().getPublicKey()).getKeyIdentifier());
    }

    @Test
    void serial_is_positive_fits_twenty_octets_and_differs_between_certificates() {
        CertificateAndKey other = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"), TestClock.create(NOW));
        assertThat(created.certificate().getSerialNumber().signum()).isPositive();
        assertThat(created.certificate().getSerialNumber().toByteArray()).hasSizeLessThanOrEqualTo(20);
        assertThat(created.certificate().getSerialNumber().bitLength()).isGreaterThan(64);
        assertThat(other.certificate().getSerialNumber()).isNotEqualTo(created.certificate().getSerialNumber());
        assertThat(other.certificate().getPublicKey()).isNotEqualTo(created.certificate().getPublicKey());
    }

    @Test
    void key_size_3072_is_honoured() {
        CertificateAndKey larger = SelfSignedCertificates.create(
                CertificateRequest.of("CN=Larger").withKeySize(RsaKeySize.RSA_3072), TestClock.create(NOW));
        assertThat(((RSAPublicKey) larger.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void key_sizes_other_than_2048_3072_4096_are_refused_with_the_accepted_ones_named() {
        assertThat(RsaKeySize.ofBits(4096)).isEqualTo(RsaKeySize.RSA_4096);
        assertThatIllegalArgumentException().isThrownBy(() -> RsaKeySize.ofBits(1024))
                .withMessageContaining("2048, 3072 or 4096");
    }

    @Test
    void a_subject_without_a_common_name_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateRequest.of("O=Contoso"))
                .withMessageContaining("no common name");
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateRequest.of("CN="))
                .withMessageContaining("no common name");
    }

    @Test
    void a_subject_that_is_not_a_distinguished_name_is_refused_with_an_example() {
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateRequest.of("MyApp"))
                .withMessageContaining("CN=MyApp-Auth-Cert");
    }

    @Test
    void validity_outside_one_to_120_months_is_refused() {
        CertificateRequest request = CertificateRequest.of("CN=A");
        assertThatIllegalArgumentException().isThrownBy(() -> request.withValidityMonths(0));
        assertThatIllegalArgumentException().isThrownBy(() -> request.withValidityMonths(121));
        assertThat(request.withValidityMonths(120).validityMonths()).isEqualTo(120);
    }

    @Test
    void common_name_is_read_from_a_multi_part_subject() {
        assertThat(CertificateRequest.of("CN=Payroll API, O=Contoso, C=NL").commonName()).isEqualTo("Payroll API");
    }

    @Test
    void to_string_names_the_certificate_and_never_the_key() {
        String text = created.toString();
        assertThat(text).contains("CN=MyApp-Auth-Cert").contains(created.thumbprints().sha1Hex());
        String encodedKey = java.util.Base64.getEncoder().encodeToString(created.privateKey().getEncoded());
        assertThat(text).doesNotContain(encodedKey.substring(40, 80));
        java.security.interfaces.RSAPrivateKey key = (java.security.interfaces.RSAPrivateKey) created.privateKey();
        assertThat(text).doesNotContain(key.getPrivateExponent().toString().substring(0, 20));
    }

    @Test
    void only_rsa_pairs_are_accepted() throws Exception {
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        java.security.PrivateKey ecKey = ec.generateKeyPair().getPrivate();
        assertThatIllegalArgumentException().isThrownBy(() -> CertificateAndKey.of(created.certificate(), ecKey))
                .withMessageContaining("only RSA");
        assertThat(Arrays.asList(RsaKeySize.values())).extracting(RsaKeySize::bits).containsExactly(2048, 3072, 4096);
    }

    @Test
    void a_key_that_does_not_belong_to_the_certificate_is_refused() {
        CertificateAndKey other = SelfSignedCertificates.create(CertificateRequest.of("CN=Other"), TestClock.create(NOW));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> CertificateAndKey.of(created.certificate(), other.privateKey()))
                .withMessageContaining("does not belong to the certificate");
        assertThat(CertificateAndKey.of(created.certificate(), created.privateKey()).certificate()).isEqualTo(created.certificate());
    }
}
