package org.quittance.platform.control;

import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * A PostgreSQL transaction-scoped advisory lock on a named key: serialises work on one business key
 * (a checkout's idempotency key, a payment intent) without a row to lock yet. The namespace keeps two
 * features from hashing the same key into one lock (they share one database, and a sandbox request
 * made while the portal holds its lock would otherwise wait for itself).
 */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /**
     * Waits for the locks of many keys of one namespace in one round trip, in the order of their
     * names (so that two holders of overlapping sets never wait for each other in a circle):
     * {@code unnest} takes an array's elements in order.
     */
    public static void holdAll(EntityManager em, String namespace, List<String> keys) {
        List<String> names = keys.stream().map(k -> namespace + ":" + k).distinct().sorted().toList();
        if (names.stream().anyMatch(n -> n.indexOf(SEPARATOR) >= 0)) {
            names.forEach(n -> lock(em, n));  // never for the keys of today, which are processors' ids
            return;
        }
        if (!names.isEmpty()) {
            em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM unnest(string_to_array(?, chr(30))) AS k")
                    .setParameter(1, String.join(String.valueOf(SEPARATOR), names)).getSingleResult();
        }
    }

    /** Between the names of {@link #holdAll}: the ASCII record separator. */
    private static final char SEPARATOR = (char) 30;

    /** Waits for the lock; the transaction's end releases it. */
    public static void hold(EntityManager em, String namespace, String key) {
        lock(em, namespace + ":" + key);
    }

    /** {@link #hold} on a JDBC connection of the transaction (one streaming a COPY, say). */
    public static void hold(java.sql.Connection connection, String namespace, String key) throws java.sql.SQLException {
        try (java.sql.PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.setString(1, namespace + ":" + key);
            lock.executeQuery().close();
        }
    }

    private static final String LOCK = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?))) l";

    private static void lock(EntityManager em, String name) {
        em.createNativeQuery(LOCK).setParameter(1, name).getSingleResult();
    }
}
