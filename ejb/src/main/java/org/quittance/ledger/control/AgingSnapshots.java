package org.quittance.ledger.control;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last A/R aging computed, shared by every staff screen while the books have not changed: it
 * sums every open invoice of the firm (0.4 s over 50,000 of them), and ten staff sessions opening
 * Reports computed it ten times over and held ten copies (benchmarks/staff.sh: 4 s a request, the heap
 * full). The books' version is their newest ledger entry: every change of what the aging sums — an
 * invoice posted, paid, credited, written off — adds one. A snapshot is also dropped after five minutes,
 * for what the ledger does not carry (a client's new name).
 */
@Singleton
@Lock(LockType.READ)
public class AgingSnapshots {

    static final Duration AT_MOST = Duration.ofMinutes(5);

    private record Snapshot(LocalDate asOf, long booksVersion, Instant made, List<?> rows) {
    }

    private volatile Snapshot last;

    /** The aging of this day at this version of the books, computed once for all who ask. */
    @SuppressWarnings("unchecked")
    public <T> List<T> aging(LocalDate asOf, long booksVersion, Supplier<List<T>> compute) {
        Snapshot known = last;
        if (known != null && known.asOf().equals(asOf) && known.booksVersion() == booksVersion
                && known.made().isAfter(Instant.now().minus(AT_MOST))) {
            return (List<T>) known.rows();
        }
        List<T> rows = List.copyOf(compute.get());
        last = new Snapshot(asOf, booksVersion, Instant.now(), rows);
        return rows;
    }
}
