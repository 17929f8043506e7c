package org.quittance.portal.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Lock-out after repeated failed sign-ins: the fifth failure in a row locks the portal login for 15
 * minutes (the portal realm refuses a locked login, right password or not). A successful sign-in
 * clears the count. Unknown logins change nothing, and the page says the same either way.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PortalLogins {

    public static final int ATTEMPTS = 5;
    public static final int LOCK_MINUTES = 15;

    @PersistenceContext
    EntityManager em;

    public void failed(String login) {
        if (login == null || login.isBlank() || login.length() > 320) {
            return;
        }
        // Every expression on the right sees the row as it was before this update.
        em.createNativeQuery("""
                        UPDATE portal_user SET
                            locked_until = CASE WHEN failed_logins + 1 >= ? THEN now() + make_interval(mins => ?) ELSE locked_until END,
                            failed_logins = CASE WHEN failed_logins + 1 >= ? THEN 0 ELSE failed_logins + 1 END
                        WHERE email = lower(?) AND (locked_until IS NULL OR locked_until < now())""")
                .setParameter(1, ATTEMPTS).setParameter(2, LOCK_MINUTES).setParameter(3, ATTEMPTS).setParameter(4, login.trim())
                .executeUpdate();
    }

    public void succeeded(String login) {
        em.createNativeQuery("UPDATE portal_user SET failed_logins = 0 WHERE email = lower(?) AND failed_logins > 0")
                .setParameter(1, login).executeUpdate();
    }
}
