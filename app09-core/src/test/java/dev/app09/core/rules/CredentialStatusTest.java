package dev.app09.core.rules;

import static dev.app09.core.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** APP09-RULES.md section 2: status at the evaluation instant. */
final class CredentialStatusTest {

    static Stream<Arguments> cases() {
        Instant before = AS_OF.minusSeconds(1);
        Instant after = AS_OF.plusSeconds(1);
        return Stream.of(
                Arguments.of("§2 end before asOf is EXPIRED", null, before, CredentialStatus.EXPIRED),
                Arguments.of("§2 end exactly at asOf is EXPIRED (end <= asOf)", null, AS_OF, CredentialStatus.EXPIRED),
                Arguments.of("§2 end one second after asOf is ACTIVE", null, after, CredentialStatus.ACTIVE),
                Arguments.of("§2 start after asOf is NOT_YET_VALID", after, null, CredentialStatus.NOT_YET_VALID),
                Arguments.of("§2 start exactly at asOf is ACTIVE (start > asOf only)", AS_OF, after, CredentialStatus.ACTIVE),
                Arguments.of("§2 missing start means since ever", null, after, CredentialStatus.ACTIVE),
                Arguments.of("§2 missing end means never expires", before, null, CredentialStatus.ACTIVE),
                Arguments.of("§2 no dates at all is ACTIVE", null, null, CredentialStatus.ACTIVE),
                Arguments.of("§2 reversed dates in the future and past are EXPIRED, never usable", after, before,
                        CredentialStatus.EXPIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void status_at_the_evaluation_instant(String name, Instant start, Instant end, CredentialStatus expected) {
        assertThat(CredentialStatus.at(start, end, AS_OF)).isEqualTo(expected);
    }
}
