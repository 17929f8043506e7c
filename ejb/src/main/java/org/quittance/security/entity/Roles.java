package org.quittance.security.entity;

/**
 * The role names that the EJB boundary checks (@RolesAllowed, @RunAs). The staff web application's
 * signed-in user carries {@link #ADMIN} and/or {@link #BILLING} into the EJBs through the staff
 * security domain; the server's own work (timers, start-up, demo data) runs as {@link #SYSTEM}.
 * Portal users carry none of them: to a staff facade they are nobody.
 */
public final class Roles {

    /** Firm setup, payment account, staff users, audit trail, outbox. */
    public static final String ADMIN = "admin";
    /** Clients, matters, billing, receipts. */
    public static final String BILLING = "billing";
    /** The server itself: scheduled imports, restarts after a crash. Never held by a person. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
