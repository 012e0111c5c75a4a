package dev.app09.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable {@link Clock} for tests: it starts at a fixed instant and moves only when told.
 * Thread-safe; every zone view of it shares the same instant.
 *
 * <pre>{@code
 * TestClock clock = TestClock.create();          // 2026-06-01T00:00:00Z
 * clock.advance(Duration.ofDays(31));            // the migration window has passed
 * }</pre>
 */
public final class TestClock extends Clock {

    /** Where every clock of the testkit starts, and the instant the sample tenants are defined at. */
    public static final Instant DEFAULT_INSTANT = Instant.parse("2026-06-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** @return a clock at {@link #DEFAULT_INSTANT}, in UTC */
    public static TestClock create() {
        return create(DEFAULT_INSTANT);
    }

    /**
     * @param start the first instant the clock shows
     * @return a clock at {@code start}, in UTC
     */
    public static TestClock create(Instant start) {
        return new TestClock(new AtomicReference<>(requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param duration how far to move
     * @return the new instant
     */
    public Instant advance(Duration duration) {
        requireNonNull(duration, "duration");
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Sets the clock.
     *
     * @param instant the instant the clock shows from now on
     */
    public void set(Instant instant) {
        now.set(requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The returned clock shares this clock's instant: advancing one advances both. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + ", " + zone + "]";
    }
}
