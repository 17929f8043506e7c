package org.quittance.platform.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A remembered row is read once per duration, at once again after a change, and never kept from a read that a change overtook. */
class RememberedTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final Remembered<String> firmName = new Remembered<>(Duration.ofNanos(100), now::get);

    private String read(String name) {
        reads.incrementAndGet();
        return name;
    }

    @Test
    void isReadOnceWithinItsDurationAndAgainAfterIt() {
        assertEquals("Whitlock", firmName.get(() -> read("Whitlock")));
        now.addAndGet(99);
        assertEquals("Whitlock", firmName.get(() -> read("Crane")));
        assertEquals(1, reads.get());

        now.addAndGet(1);
        assertEquals("Crane", firmName.get(() -> read("Crane")));
        assertEquals(2, reads.get());
    }

    @Test
    void isReadAgainAtOnceAfterAChange() {
        firmName.get(() -> read("Whitlock"));
        firmName.forget();
        assertEquals("Whitlock & Crane", firmName.get(() -> read("Whitlock & Crane")));
        assertEquals(2, reads.get());
    }

    @Test
    void aReadThatAChangeOvertookIsUsedOnceButNotKept() {
        String seen = firmName.get(() -> {
            firmName.forget();  // the change commits while this read is under way
            return read("Whitlock");
        });
        assertEquals("Whitlock", seen);
        assertEquals("Whitlock & Crane", firmName.get(() -> read("Whitlock & Crane")));
        assertEquals("Whitlock & Crane", firmName.get(() -> read("never read")));
        assertEquals(2, reads.get());
    }
}
