package dev.app09.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

final class KeyCredentialPayloadTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");
    private static final byte[] DER = {0x30, (byte) 0x82, 0x01, 0x02, 0x03};

    @Test
    void key_bytes_are_copied_in_and_out() {
        byte[] der = DER.clone();
        KeyCredentialPayload payload = KeyCredentialPayload.of(der, "CN=App", START, END);
        der[0] = 0;
        payload.key()[1] = 0;
        assertThat(payload.key()).isEqualTo(DER);
        assertThat(payload.keyBase64()).isEqualTo(Base64.getEncoder().encodeToString(DER));
    }

    @Test
    void type_and_usage_are_those_of_a_client_certificate() {
        KeyCredentialPayload payload = KeyCredentialPayload.of(DER, "CN=App", START, END);
        assertThat(payload.type()).isEqualTo("AsymmetricX509Cert");
        assertThat(payload.usage()).isEqualTo("Verify");
        assertThat(new KeyCredential(java.util.UUID.randomUUID(), null, null, payload.type(), payload.usage(), START, END)
                .keyType()).isEqualTo(KeyType.ASYMMETRIC_X509_CERT);
    }

    @Test
    void equal_payloads_compare_by_content() {
        assertThat(KeyCredentialPayload.of(DER, "CN=App", START, END))
                .isEqualTo(KeyCredentialPayload.of(DER.clone(), "CN=App", START, END))
                .hasSameHashCodeAs(KeyCredentialPayload.of(DER.clone(), "CN=App", START, END))
                .isNotEqualTo(KeyCredentialPayload.of(DER, "CN=Other", START, END));
    }

    @Test
    void a_display_name_over_ninety_characters_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyCredentialPayload.of(DER, "x".repeat(91), START, END))
                .withMessageContaining("at most 90");
    }

    @Test
    void an_end_not_after_the_start_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyCredentialPayload.of(DER, "CN=App", END, END));
    }

    @Test
    void an_empty_key_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyCredentialPayload.of(new byte[0], "CN=App", START, END));
    }

    @Test
    void to_string_gives_the_size_of_the_key_not_its_bytes() {
        assertThat(KeyCredentialPayload.of(DER, "CN=App", START, END).toString())
                .contains("CN=App").contains("5 bytes").doesNotContain(Base64.getEncoder().encodeToString(DER));
    }
}
