package dev.app09.certs.inspect;

import static dev.app09.certs.inspect.TestCertificates.EC_P256;
import static dev.app09.certs.inspect.TestCertificates.NOW;
import static dev.app09.certs.inspect.TestCertificates.RSA_1024;
import static dev.app09.certs.inspect.TestCertificates.RSA_2047;
import static dev.app09.certs.inspect.TestCertificates.RSA_2048;
import static dev.app09.certs.inspect.TestCertificates.certificate;
import static dev.app09.certs.inspect.TestCertificates.pem;
import static dev.app09.certs.inspect.TestCertificates.pemPrivateKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.app09.certs.KeyCredentialPayloads;
import dev.app09.certs.inspect.TestCertificates.Chain;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What refuses an upload, what only warns, and the payload of an acceptable certificate. */
final class UploadCheckTest {

    private static final Period MAX = UploadCheck.DEFAULT_MAX_VALIDITY;

    @Test
    void an_rsa_2048_certificate_in_its_validity_is_acceptable_with_its_payload() {
        X509Certificate certificate = certificate().build();

        UploadVerdict verdict = check(certificate);

        assertThat(verdict.acceptable()).isTrue();
        assertThat(verdict.refusals()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.payload()).isEqualTo(KeyCredentialPayloads.forCertificate(certificate));
    }

    @Nested
    final class Validity {

        @Test
        void a_certificate_ending_at_the_moment_of_the_check_is_expired() {
            UploadVerdict verdict = check(certificate().validUntil(NOW).build());

            assertThat(reasons(verdict)).containsExactly(RefusalReason.EXPIRED);
            assertThat(verdict.refusals().get(0).detail()).contains(NOW.toString());
        }

        @Test
        void a_certificate_ending_a_second_after_the_check_is_still_valid() {
            UploadVerdict verdict = check(certificate().validUntil(NOW.plusSeconds(1)).build());

            assertThat(verdict.acceptable()).isTrue();
        }

        @Test
        void a_certificate_starting_at_the_moment_of_the_check_is_valid() {
            UploadVerdict verdict = check(certificate().validFrom(NOW).build());

            assertThat(verdict.acceptable()).isTrue();
        }

        @Test
        void a_certificate_starting_a_second_after_the_check_is_not_yet_valid() {
            Instant start = NOW.plusSeconds(1);

            UploadVerdict verdict = check(certificate().validFrom(start).build());

            assertThat(reasons(verdict)).containsExactly(RefusalReason.NOT_YET_VALID);
            assertThat(verdict.refusals().get(0).detail()).contains(start.toString());
        }
    }

    @Nested
    final class Keys {

        @ParameterizedTest(name = "{argumentSetName}")
        @MethodSource("dev.app09.certs.inspect.UploadCheckTest#keySizes")
        void an_rsa_key_needs_2048_bits(KeyPair key, List<RefusalReason> refusals) {
            UploadVerdict verdict = check(certificate().key(key).build());

            assertThat(reasons(verdict)).isEqualTo(refusals);
        }

        @Test
        void a_key_too_small_is_named_with_its_size() {
            UploadVerdict verdict = check(certificate().key(RSA_2047).build());

            assertThat(verdict.refusals().get(0).detail()).contains("2047 bits", "2048");
        }

        @Test
        void an_ec_key_is_not_rsa_whatever_its_size() {
            UploadVerdict verdict = check(certificate().key(EC_P256).build());

            assertThat(reasons(verdict)).containsExactly(RefusalReason.NOT_RSA);
            assertThat(verdict.refusals().get(0).detail()).contains("EC", "256 bits");
        }
    }

    static Stream<Arguments> keySizes() {
        return Stream.of(
                argumentSet("1024 bits", RSA_1024, List.of(RefusalReason.KEY_TOO_SMALL)),
                argumentSet("2047 bits", RSA_2047, List.of(RefusalReason.KEY_TOO_SMALL)),
                argumentSet("2048 bits", RSA_2048, List.of()));
    }

    @Nested
    final class EveryReason {

        @Test
        void an_expired_ec_certificate_is_refused_for_both() {
            UploadVerdict verdict = check(certificate().key(EC_P256).validUntil(NOW.minusSeconds(60)).build());

            assertThat(reasons(verdict)).containsExactlyInAnyOrder(RefusalReason.EXPIRED, RefusalReason.NOT_RSA);
        }

        @Test
        void a_valid_certificate_beside_its_key_is_refused_for_the_key_only_and_gets_no_payload() {
            String pem = pemPrivateKey(RSA_2048.getPrivate()) + pem(certificate().build());

            UploadVerdict verdict = check(inspect(pem));

            assertThat(reasons(verdict)).containsExactly(RefusalReason.CONTAINS_PRIVATE_KEY);
            assertThat(verdict.payload()).isNull();
        }

        @Test
        void a_file_without_a_certificate_is_refused_with_the_inspection_reason() {
            Inspection empty = CertificateInspector.inspect(new byte[0], "empty.cer", null);

            UploadVerdict verdict = check(empty);

            assertThat(verdict.refusals()).containsExactly(new Refusal(RefusalReason.NOT_X509, "the file is empty"));
        }

        @Test
        void warnings_are_reported_on_a_refused_certificate_too() {
            X509Certificate certificate = certificate()
                    .key(RSA_1024)
                    .validFrom(NOW.minus(Duration.ofDays(3650)))
                    .validUntil(NOW.plus(Duration.ofDays(3650)))
                    .signatureAlgorithm("SHA1withRSA")
                    .build();

            UploadVerdict verdict = check(certificate);

            assertThat(reasons(verdict)).containsExactly(RefusalReason.KEY_TOO_SMALL);
            assertThat(verdict.warnings()).extracting(Warning::reason)
                    .containsExactlyInAnyOrder(WarningReason.VALIDITY_OVER_MAXIMUM, WarningReason.WEAK_SIGNATURE);
        }
    }

    @Nested
    final class Warnings {

        @Test
        void validity_of_the_maximum_plus_a_day_does_not_warn() {
            Instant start = NOW.minus(Duration.ofDays(1));
            Instant end = start.atOffset(ZoneOffset.UTC).plus(MAX).toInstant().plus(Duration.ofDays(1));

            UploadVerdict verdict = check(certificate().validFrom(start).validUntil(end).build());

            assertThat(verdict.warnings()).isEmpty();
        }

        @Test
        void validity_a_second_longer_warns_with_the_dates() {
            Instant start = NOW.minus(Duration.ofDays(1));
            Instant end = start.atOffset(ZoneOffset.UTC).plus(MAX).toInstant().plus(Duration.ofDays(1)).plusSeconds(1);

            UploadVerdict verdict = check(certificate().validFrom(start).validUntil(end).build());

            assertThat(verdict.warnings()).extracting(Warning::reason)
                    .containsExactly(WarningReason.VALIDITY_OVER_MAXIMUM);
            assertThat(verdict.warnings().get(0).detail()).contains(start.toString(), end.toString(), "12 months");
            assertThat(verdict.acceptable()).isTrue();
        }

        @Test
        void a_one_year_certificate_back_dated_by_minutes_as_powershell_makes_it_does_not_warn() {
            Instant start = NOW.minus(Duration.ofMinutes(10));
            Instant end = NOW.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();

            UploadVerdict verdict = check(certificate().validFrom(start).validUntil(end).build());

            assertThat(verdict.warnings()).isEmpty();
        }

        @Test
        void the_maximum_is_the_policy_s() {
            X509Certificate sixMonths = certificate()
                    .validFrom(NOW.minus(Duration.ofDays(1)))
                    .validUntil(NOW.plus(Duration.ofDays(182)))
                    .build();

            UploadVerdict verdict = UploadCheck.check(inspect(sixMonths), NOW, Period.ofMonths(3));

            assertThat(verdict.warnings()).extracting(Warning::reason)
                    .containsExactly(WarningReason.VALIDITY_OVER_MAXIMUM);
        }

        @Test
        void a_chain_warns_that_only_its_first_certificate_is_uploaded() {
            Chain chain = TestCertificates.chain();

            UploadVerdict verdict = check(inspect(pem(chain.leaf(), chain.ca())));

            assertThat(verdict.warnings()).extracting(Warning::reason)
                    .containsExactly(WarningReason.MORE_THAN_ONE_CERTIFICATE);
            assertThat(verdict.warnings().get(0).detail()).contains("2 certificates", "CN=payroll");
            assertThat(verdict.payload()).isEqualTo(KeyCredentialPayloads.forCertificate(chain.leaf()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.app09.certs.inspect.UploadCheckTest#weakSignatures")
        void a_weak_signature_warns(String algorithm) {
            UploadVerdict verdict = check(certificate().signatureAlgorithm(algorithm).build());

            assertThat(verdict.warnings()).extracting(Warning::reason).containsExactly(WarningReason.WEAK_SIGNATURE);
            assertThat(verdict.warnings().get(0).detail()).contains(algorithm);
        }

        @Test
        void a_sha_384_signature_does_not_warn() {
            UploadVerdict verdict = check(certificate().signatureAlgorithm("SHA384withRSA").build());

            assertThat(verdict.warnings()).isEmpty();
        }
    }

    static Stream<String> weakSignatures() {
        return Stream.of("SHA1withRSA", "MD5withRSA");
    }

    @Test
    void a_maximum_validity_of_zero_is_refused() {
        Inspection inspection = inspect(certificate().build());

        assertThatThrownBy(() -> UploadCheck.check(inspection, NOW, Period.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_verdict_cannot_carry_a_payload_beside_a_refusal() {
        X509Certificate certificate = certificate().build();

        assertThatThrownBy(() -> new UploadVerdict(List.of(new Refusal(RefusalReason.EXPIRED, "expired")), List.of(),
                        KeyCredentialPayloads.forCertificate(certificate)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static UploadVerdict check(X509Certificate certificate) {
        return check(inspect(certificate));
    }

    private static UploadVerdict check(Inspection inspection) {
        return UploadCheck.check(inspection, NOW, MAX);
    }

    private static Inspection inspect(X509Certificate certificate) {
        return CertificateInspector.inspect(TestCertificates.der(certificate), "upload.cer", null);
    }

    private static Inspection inspect(String pem) {
        return CertificateInspector.inspect(pem.getBytes(StandardCharsets.US_ASCII), "upload.pem", null);
    }

    private static List<RefusalReason> reasons(UploadVerdict verdict) {
        return verdict.refusals().stream().map(Refusal::reason).toList();
    }
}
