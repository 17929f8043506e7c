package org.quittance.portal.entity;

/** Where a client's portal login stands, as staff see it on the contact. */
public enum PortalUserState {
    /** Unregistered: an invitation is pending. */
    INVITED,
    REGISTERED,
    DISABLED
}
