package dev.app09.certs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.app09.core.model.KeyCredentialPayload;
import dev.app09.testkit.TestClock;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

final class KeyCredentialPayloadsTest {

    @Test
    void payload_is_a_verify_certificate_with_the_der_and_the_validity() {
        CertificateAndKey created = SelfSignedCertificates.create(CertificateRequest.of("CN=MyApp-Auth-Cert"),
                TestClock.create(Instant.parse("2026-11-26T00:00:00Z")));

        KeyCredentialPayload payload = created.keyCredentialPayload();

        assertThat(payload.type()).isEqualTo("AsymmetricX509Cert");
        assertThat(payload.usage()).isEqualTo("Verify");
        assertThat(payload.key()).isEqualTo(created.certificateDer());
        assertThat(payload.displayName()).isEqualTo("CN=MyApp-Auth-Cert");
        assertThat(payload.startDateTime()).isEqualTo(created.certificate().getNotBefore().toInstant());
        assertThat(payload.endDateTime()).isEqualTo(created.certificate().getNotAfter().toInstant());
        assertThat(payload).isEqualTo(KeyCredentialPayloads.forCertificate(created.certificate()));
    }

    @Test
    void display_name_is_cut_to_ninety_characters() {
        String longName = "CN=" + "a".repeat(120);
        assertThat(KeyCredentialPayloads.displayName(new X500Principal(longName))).isEqualTo(longName.substring(0, 90));
    }

    @Test
    void display_name_is_not_cut_inside_a_surrogate_pair() {
        String name = "CN=" + "a".repeat(86) + "\uD83D\uDD11" + "b"; // a key emoji at characters 90 and 91
        String cut = KeyCredentialPayloads.displayName(new X500Principal(name));
        assertThat(cut).hasSize(89).endsWith("a");
    }
}
