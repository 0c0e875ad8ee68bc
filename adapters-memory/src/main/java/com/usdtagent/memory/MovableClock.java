package com.usdtagent.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** Another clock's time plus whatever {@link #advance} added; on a fixed clock, time moves only when told. */
final class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    MovableClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private MovableClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // the same offset: moving one moves both
        return new MovableClock(base.withZone(zone), offset);
    }
}
