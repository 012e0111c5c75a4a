package dev.app09.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A verification record keeps its thumbprint as 40 upper-case hex digits and refuses anything else. */
final class VerificationTest {

    private static final UUID CLIENT_ID = UUID.fromString("cfa04a3b-ccae-3eff-9e4e-725ecf65868b");
    private static final Instant AT = Instant.parse("2026-06-01T09:30:15Z");
    private static final String HOST = "https://login.microsoftonline.com";

    private static Verification withThumbprint(String thumbprint) {
        return new Verification("contoso.onmicrosoft.com", CLIENT_ID, thumbprint, AT, HOST);
    }

    @Test
    void a_lower_or_mixed_case_thumbprint_is_kept_in_upper_case() {
        assertThat(withThumbprint("0123456789abcdef0123456789abcdef01234567").thumbprint())
                .isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
        assertThat(withThumbprint("0123456789aBcDeF0123456789AbCdEf01234567").thumbprint())
                .isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
    }

    @Test
    void verifications_that_differ_only_in_thumbprint_case_are_equal() {
        assertThat(withThumbprint("abcdef0123456789abcdef0123456789abcdef01"))
                .isEqualTo(withThumbprint("ABCDEF0123456789ABCDEF0123456789ABCDEF01"))
                .hasSameHashCodeAs(withThumbprint("ABCDEF0123456789ABCDEF0123456789ABCDEF01"));
    }

    @Test
    void a_thumbprint_that_is_not_40_hex_digits_is_refused_quoting_it() {
        assertThatIllegalArgumentException().isThrownBy(() -> withThumbprint("0123456789ABCDEF"))
                .withMessage("a thumbprint is 40 hex digits (SHA-1), not '0123456789ABCDEF'");
        assertThatIllegalArgumentException().isThrownBy(() -> withThumbprint("G".repeat(40)));
        assertThatIllegalArgumentException().isThrownBy(() -> withThumbprint("AB".repeat(32)));
        assertThatIllegalArgumentException().isThrownBy(() -> withThumbprint(" " + "A".repeat(40)));
    }

    @Test
    void a_blank_tenant_is_refused_and_every_part_is_required() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Verification(" ", CLIENT_ID, "A".repeat(40), AT, HOST))
                .withMessage("a verification names its tenant");
        assertThatNullPointerException().isThrownBy(() -> new Verification("contoso", null, "A".repeat(40), AT, HOST))
                .withMessage("clientId");
        assertThatNullPointerException().isThrownBy(() -> new Verification("contoso", CLIENT_ID, "A".repeat(40), AT, null))
                .withMessage("authorityHost");
    }
}
