package org.quittance.portal.entity;

import jakarta.persistence.*;
import org.quittance.clients.entity.Contact;
import org.quittance.security.entity.PasswordHash;

import java.time.OffsetDateTime;
import java.util.Locale;

/** A client contact's login to the portal. The e-mail address is the user name. */
@Entity
@Table(name = "portal_user")
public class PortalUser implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "portal_user_seq", sequenceName = "portal_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_user_seq")
    private Long id;

    /**
     * Every contact this login serves, one per client at most (a director of two companies has one
     * login), oldest first. The link is the contact's: one foreign key, no cycle between the two tables.
     */
    @OneToMany(mappedBy = "portalUser")
    @OrderBy("id")
    private java.util.List<Contact> contacts = new java.util.ArrayList<>();

    @Column(nullable = false, unique = true)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PortalUserState state;

    @Embedded
    private PasswordHash password;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    /** The user asked for its statement of account by e-mail at the start of each month. */
    @Column(name = "monthly_statement", nullable = false)
    private boolean monthlyStatement;

    @Version
    private long version;

    protected PortalUser() {
    }

    private PortalUser(Contact contact, String email, PortalUserState state, PasswordHash password) {
        this.email = email.toLowerCase(Locale.ROOT);
        this.state = state;
        this.password = password;
        link(contact);
    }

    /** This login serves the contact's client from now on. */
    public void link(Contact other) {
        other.linkPortal(this);
        if (!contacts.contains(other)) {
            contacts.add(other);
        }
    }

    /** The contact's client is no longer served by this login. */
    public void unlink(Contact other) {
        other.linkPortal(null);
        contacts.remove(other);
    }

    public static PortalUser invited(Contact contact, String email) {
        return new PortalUser(contact, email, PortalUserState.INVITED, null);
    }

    public static PortalUser registered(Contact contact, String email, PasswordHash password) {
        return new PortalUser(contact, email, PortalUserState.REGISTERED, password);
    }

    public void register(PasswordHash password) {
        if (state != PortalUserState.INVITED) {
            throw new IllegalStateException("Only an invited portal user can register; this one is " + state);
        }
        this.password = password;
        this.state = PortalUserState.REGISTERED;
    }

    /** A new password for a registered user (reset by e-mail link or changed when signed in); clears a lock-out. */
    public void changePassword(PasswordHash password) {
        if (state != PortalUserState.REGISTERED) {
            throw new IllegalStateException("Only a registered portal user has a password to change; this one is " + state);
        }
        this.password = password;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public PasswordHash password() {
        return password;
    }

    /** Back to "invitation pending" for a portal that was disabled before it was ever registered. */
    public void reinvite() {
        if (state == PortalUserState.REGISTERED) {
            throw new IllegalStateException("This portal is already registered");
        }
        this.state = PortalUserState.INVITED;
    }

    /** A disabled portal that had registered before gets its login back. */
    public void enable() {
        if (!everRegistered()) {
            throw new IllegalStateException("This portal never registered; send an invitation instead");
        }
        this.state = PortalUserState.REGISTERED;
    }

    /** The login follows the contact's new e-mail address; the password stays. */
    public void changeLogin(String email) {
        this.email = email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public void disable() {
        this.state = PortalUserState.DISABLED;
    }

    public boolean everRegistered() {
        return password != null;
    }

    /**
     * What an e-mail about the portal says to a user who has not registered yet (empty once registered):
     * the link in the mail would only lead to a sign-in they cannot pass.
     */
    public String unregisteredNote() {
        return state == PortalUserState.INVITED
                ? "You have not registered for the portal yet: please use the registration link we sent you earlier, "
                + "or ask us to send a new one.\n\n"
                : "";
    }

    public boolean monthlyStatement() {
        return monthlyStatement;
    }

    public void wantMonthlyStatement(boolean wanted) {
        this.monthlyStatement = wanted;
    }

    /** How staff see it on the contact's Portal field. */
    public String stateLabel() {
        return switch (state) {
            case INVITED -> "Unregistered — invitation pending";
            case REGISTERED -> "Registered";
            case DISABLED -> "Disabled";
        };
    }

    /** Whether this login serves the client, through one of the client's contacts. */
    public boolean serves(org.quittance.clients.entity.Client client) {
        return contacts.stream().anyMatch(c -> c.client().id().equals(client.id()));
    }

    public java.util.List<Contact> contacts() { return java.util.List.copyOf(contacts); }

    public Long id() { return id; }
    /** The contact the login was first made for (of those it still serves): its name greets the user in e-mails. */
    public Contact contact() { return contacts.isEmpty() ? null : contacts.get(0); }
    public String email() { return email; }
    public PortalUserState state() { return state; }
}
