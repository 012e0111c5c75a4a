package dev.app09.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

final class TestClockTest {

    @Test
    void starts_at_the_default_instant_and_stays_there() {
        TestClock clock = TestClock.create();

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    @Test
    void moves_only_when_told() {
        TestClock clock = TestClock.create();

        assertThat(clock.advance(Duration.ofDays(31))).isEqualTo(Instant.parse("2026-07-02T00:00:00Z"));
        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.millis()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void a_zone_view_shares_the_instant() {
        TestClock clock = TestClock.create();
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofHours(5));

        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }
}
