package org.quittance.security.control;

/** The two separate sets of users, each with its own Elytron realm over its own table. */
public enum Realm {
    STAFF("staff_user", "username", "md5(password_salt || ':' || enabled || ':' || roles_version)", "staff_password_reset", "staff_user_id"),
    PORTAL("portal_user", "email", "md5(COALESCE(password_salt, '') || ':' || state)", "portal_password_reset", "portal_user_id");

    private final String table;
    private final String loginColumn;
    private final String credentialsStamp;
    private final String resetTable;
    private final String resetUserColumn;

    Realm(String table, String loginColumn, String credentialsStamp, String resetTable, String resetUserColumn) {
        this.table = table;
        this.loginColumn = loginColumn;
        this.credentialsStamp = credentialsStamp;
        this.resetTable = resetTable;
        this.resetUserColumn = resetUserColumn;
    }

    /** The table of the realm's password-reset links (ResetLinks) and its column naming the user. */
    public String resetTable() { return resetTable; }

    public String resetUserColumn() { return resetUserColumn; }

    /**
     * SQL of a value that changes whenever the user's credentials do: every new password has a new
     * random salt, disabling the user changes its state, and a change of a staff user's roles bumps its
     * roles version (a digest: the session keeps it, not the salt).
     */
    public String credentialsStamp() { return credentialsStamp; }

    public String table() { return table; }

    public String loginColumn() { return loginColumn; }
}
