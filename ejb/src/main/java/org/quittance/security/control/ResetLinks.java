package org.quittance.security.control;

import jakarta.persistence.EntityManager;
import org.quittance.platform.control.SqlValues;
import org.quittance.portal.control.InvitationTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Single-use password links of one realm: a 256-bit token of which only the SHA-256 is stored, valid
 * for a while, consumed in one conditional statement (of two posts of one link, one finds it unused).
 */
public final class ResetLinks {

    public enum Status {
        VALID, EXPIRED, USED, UNKNOWN;

        /** What the reset page says of the link, the same for the portal and for staff. */
        public String explanation() {
            return switch (this) {
                case VALID -> "This link is valid.";
                case EXPIRED -> "This password link has expired. Ask for a new one on the sign-in page.";
                case USED -> "This password link has already been used. Sign in, or ask for a new link.";
                case UNKNOWN -> "This password link is not valid. Check that you copied the whole link from the e-mail.";
            };
        }
    }

    /** Longer input is no token of ours: refused before any work. */
    private static final int MAX_TOKEN = 200;

    private final EntityManager em;
    private final Realm realm;

    public ResetLinks(EntityManager em, Realm realm) {
        this.em = em;
        this.realm = realm;
    }

    /** How long a link works: an hour unless configured. */
    public static Duration validity() {
        return org.quittance.platform.control.Settings.passwordLinkLife();
    }

    /** @return the token to put in the link (the only copy) */
    public String issue(long userId, OffsetDateTime now) {
        String token = InvitationTokens.newToken();
        em.createNativeQuery("INSERT INTO " + realm.resetTable() + " (token_sha256, " + realm.resetUserColumn()
                        + ", expires_at, created_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, InvitationTokens.digest(token)).setParameter(2, userId).setParameter(3, now.plus(validity()))
                .setParameter(4, now).executeUpdate();
        return token;
    }

    /** Marks the link used if it is valid. @return its user, or empty when the link is not valid (see {@link #status}) */
    public Optional<Long> consume(String token, OffsetDateTime now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> users = em.createNativeQuery("UPDATE " + realm.resetTable() + " SET used_at = ? WHERE token_sha256 = ?"
                        + " AND used_at IS NULL AND expires_at > ? RETURNING " + realm.resetUserColumn())
                .setParameter(1, now).setParameter(2, InvitationTokens.digest(token)).setParameter(3, now).getResultList();
        if (users.isEmpty()) {
            return Optional.empty();
        }
        long user = users.get(0).longValue();
        // Used once; any other outstanding link of this user stops working too.
        em.createNativeQuery("UPDATE " + realm.resetTable() + " SET used_at = ? WHERE " + realm.resetUserColumn() + " = ? AND used_at IS NULL")
                .setParameter(1, now).setParameter(2, user).executeUpdate();
        return Optional.of(user);
    }

    public Status status(String token, OffsetDateTime now) {
        if (!plausible(token)) {
            return Status.UNKNOWN;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT expires_at, used_at FROM " + realm.resetTable() + " WHERE token_sha256 = ?")
                .setParameter(1, InvitationTokens.digest(token)).getResultList();
        if (rows.isEmpty()) {
            return Status.UNKNOWN;
        }
        Object[] row = rows.get(0);
        if (row[1] != null) {
            return Status.USED;
        }
        return SqlValues.timestamp(row[0]).isBefore(now) ? Status.EXPIRED : Status.VALID;
    }

    private static boolean plausible(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN;
    }
}
