package org.quittance.platform.control;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A row every request needs (the firm's letterhead, its payment account), read once and used for a
 * while without reading it again. A change is seen at once on the node that makes it ({@link
 * #forgetAfterCommit}) and within {@code duration} on another.
 *
 * <p>A read that began before a change and ends after it is not kept: each forgetting starts a new
 * generation, and only a value read wholly within the current one is kept.
 */
public final class Remembered<T> {

    private record Value<T>(T value, long readAt, long generation) {
    }

    private final long forNanos;
    private final LongSupplier clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Value<T> value;

    public Remembered(Duration duration) {
        this(duration, System::nanoTime);
    }

    Remembered(Duration duration, LongSupplier nanoClock) {
        this.forNanos = duration.toNanos();
        this.clock = nanoClock;
    }

    /** The value read less than the duration ago in this generation, or {@code read}'s. */
    public T get(Supplier<T> read) {
        Value<T> known = value;
        long now = clock.getAsLong();
        long current = generation.get();
        if (known != null && known.generation() == current && now - known.readAt() < forNanos) {
            return known.value();
        }
        T fresh = read.get();
        if (generation.get() == current) {
            value = new Value<>(fresh, now, current);
        }
        return fresh;
    }

    /** Read again from now on. */
    public void forget() {
        generation.incrementAndGet();
        value = null;
    }

    /** The caller's transaction changes what was read: read again now, and again once that transaction has ended. */
    public void forgetAfterCommit(TransactionSynchronizationRegistry transactions) {
        forget();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget();
            }
        });
    }
}
