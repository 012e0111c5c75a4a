package dev.app09.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The finding messages' dates read exactly as {@link Instant#toString()} writes them. */
final class InstantTextTest {

    static Stream<Instant> edges() {
        return Stream.of(
                Instant.EPOCH,
                Instant.parse("2026-11-26T00:00:00Z"),
                Instant.parse("2026-11-26T10:20:00Z"),
                Instant.parse("2026-11-26T10:20:30.100Z"),
                Instant.parse("2026-11-26T10:20:30.000100Z"),
                Instant.parse("2026-11-26T10:20:30.000000100Z"),
                Instant.parse("2026-11-26T10:20:30.1234567Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0999-06-30T12:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                // outside 0000-9999: Instant.toString() itself
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1),
                Instant.MIN,
                Instant.MAX);
    }

    @ParameterizedTest
    @MethodSource("edges")
    void an_edge_reads_as_instant_to_string(Instant instant) {
        assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
    }

    @Test
    void random_instants_of_years_0000_to_9999_read_as_instant_to_string() {
        Random random = new Random(7);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanoGrains = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int i = 0; i < 100_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            int grain = nanoGrains[i % nanoGrains.length];
            int nano = grain == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / grain) * grain;
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(InstantText.of(instant)).as("%d s %d ns", seconds, nano).isEqualTo(instant.toString());
        }
    }

    @Test
    void null_reads_as_string_concatenation_writes_it() {
        assertThat(InstantText.of(null)).isEqualTo("null");
    }
}
