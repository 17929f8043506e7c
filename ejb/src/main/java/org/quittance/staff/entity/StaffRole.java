package org.quittance.staff.entity;

import org.quittance.security.entity.Roles;

/** What a staff member may do; the names are the security roles of the staff web application. */
public enum StaffRole {
    /** Firm setup, payment account, users. */
    ADMIN(Roles.ADMIN),
    /** Clients, matters, billing, receipts. */
    BILLING(Roles.BILLING);

    private final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public static StaffRole ofRoleName(String roleName) {
        for (StaffRole role : values()) {
            if (role.roleName.equals(roleName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Unknown staff role: " + roleName);
    }
}
