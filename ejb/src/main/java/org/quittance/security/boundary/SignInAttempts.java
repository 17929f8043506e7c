package org.quittance.security.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.security.control.Realm;
import org.quittance.security.control.ThrottleRule;

/**
 * Lock-out after repeated failed sign-ins, the same in both realms: the fifth failure in a row locks
 * the login for 15 minutes (the realm's credentials function then answers with its decoy, so even
 * the right password is refused, and in the same time as any other attempt). A successful sign-in
 * clears the count. Unknown logins change nothing, and the page says the same either way.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInAttempts {

    public static final int ATTEMPTS = 5;
    public static final int LOCK_MINUTES = 15;

    @PersistenceContext
    EntityManager em;

    @EJB
    Throttle throttle;

    /** A failed sign-in: counts against the login (lock-out) and against the remote address (see SignInGate). */
    public void failed(Realm realm, String login, String address) {
        throttle.attempt(ThrottleRule.SIGN_IN_FAILURES_BY_ADDRESS, address);
        if (login == null || login.isBlank() || login.length() > 320) {
            return;
        }
        // Every expression on the right sees the row as it was before this update.
        em.createNativeQuery("UPDATE " + realm.table() + """
                         SET
                            locked_until = CASE WHEN failed_logins + 1 >= ? THEN now() + make_interval(mins => ?) ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END
                        WHERE\s""" + realm.loginColumn() + " = lower(?) AND (locked_until IS NULL OR locked_until < now())")
                .setParameter(1, ATTEMPTS).setParameter(2, LOCK_MINUTES).setParameter(3, ATTEMPTS).setParameter(4, login.trim())
                .executeUpdate();
    }

    /** A successful sign-in clears the count and is the user's last. @return the user's credentials stamp, for {@link #stamp} to compare with later */
    public String succeeded(Realm realm, String login) {
        em.createNativeQuery("UPDATE " + realm.table() + " SET failed_logins = 0, last_sign_in_at = now() WHERE " + realm.loginColumn() + " = lower(?)")
                .setParameter(1, login).executeUpdate();
        return stamp(realm, login);
    }

    /**
     * A value that changes with the user's password and state: a session that signed in under another
     * stamp belongs to credentials that no longer hold (changed, reset, disabled) and is ended.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String stamp(Realm realm, String login) {
        @SuppressWarnings("unchecked")
        java.util.List<String> stamps = em.createNativeQuery("SELECT " + realm.credentialsStamp() + " FROM " + realm.table()
                        + " WHERE " + realm.loginColumn() + " = lower(?)")
                .setParameter(1, login).getResultList();
        return stamps.isEmpty() ? "" : stamps.get(0);
    }

    /** Lifts a lock at once (an administrator's decision). */
    public void unlock(Realm realm, String login) {
        em.createNativeQuery("UPDATE " + realm.table() + " SET failed_logins = 0, locked_until = NULL WHERE " + realm.loginColumn() + " = lower(?)")
                .setParameter(1, login).executeUpdate();
    }
}
