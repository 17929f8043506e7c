package org.quittance.portal.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.clients.entity.Contact;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Mailer;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.control.InvitationTokens;
import org.quittance.security.control.PasswordPolicy;
import org.quittance.portal.entity.PortalInvitation;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.security.control.Passwords;
import org.quittance.security.entity.Roles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/**
 * A contact's portal login, from the staff side (Add portal, resend, revoke) to the client's side
 * (registering through the e-mailed link).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class PortalAccess {

    /** What the registration page may know about a link before the client sets a password. */
    public enum LinkStatus { VALID, EXPIRED, USED, REVOKED, UNKNOWN }

    public record Link(LinkStatus status, String email) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Mailer mailer;

    @EJB
    FirmSettings firmSettings;

    @EJB
    org.quittance.audit.boundary.AuditTrail audit;

    /**
     * Add portal: an unregistered portal login for the contact and a registration e-mail. For a
     * contact whose invitation is pending, this resends it; a disabled portal that once registered is
     * enabled again (no e-mail: the client's password still works). When the contact's address is
     * already the login of a contact of another client (the same person), the contact joins that
     * login: one sign-in, a client chooser in the portal; a registered user is told by e-mail.
     */
    public PortalUser addPortal(@NotNull Long contactId) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null) {
            throw new RuleViolation("Contact " + contactId + " does not exist.");
        }
        if (contact.email() == null || contact.email().isBlank()) {
            throw new RuleViolation("Give " + contact.name() + " an e-mail address first: the portal login is the e-mail address.");
        }
        Optional<PortalUser> existing = portalOf(contact);
        if (existing.isPresent()) {
            PortalUser user = existing.get();
            switch (user.state()) {
                case REGISTERED -> throw new RuleViolation(contact.name() + " already has a registered portal.");
                case INVITED -> invite(user);
                case DISABLED -> {
                    if (user.everRegistered()) {
                        user.enable();
                    } else {
                        user.reinvite();
                        invite(user);
                    }
                }
            }
            audit(user, contact, user.state() == PortalUserState.REGISTERED ? "portal enabled again" : "invitation sent");
            return user;
        }
        String email = contact.email().trim().toLowerCase(Locale.ROOT);
        long taken = em.createQuery("SELECT COUNT(u) FROM PortalUser u WHERE u.email = :email", Long.class)
                .setParameter("email", email).getSingleResult();
        if (taken > 0) {
            return join(contact, email);
        }
        PortalUser user = PortalUser.invited(contact, email);
        em.persist(user);
        invite(user);
        audit(user, contact, "portal added, invitation sent");
        return user;
    }

    private PortalUser join(Contact contact, String email) {
        PortalUser user = em.createQuery("SELECT u FROM PortalUser u WHERE u.email = :email", PortalUser.class)
                .setParameter("email", email).getSingleResult();
        if (user.serves(contact.client())) {
            throw new RuleViolation(email + " is already the portal login of another contact of " + contact.client().name() + ".");
        }
        if (user.state() == PortalUserState.DISABLED) {
            throw new RuleViolation(email + " is a disabled portal login of " + user.contact().client().name()
                    + ": enable it there first, then add this contact to it.");
        }
        user.link(contact);
        audit(user, contact, "client added to the login");
        if (user.state() == PortalUserState.REGISTERED) {
            String firm = firmSettings.firm().name();
            mailer.queue("portal-client-added:" + user.id() + ":" + contact.id(), user.email(),
                    "Your client portal now shows " + contact.client().name(),
                    "Dear " + contact.name() + ",\n\n" + firm + " has added the invoices of " + contact.client().name()
                            + " to your client portal. Sign in as before, with " + user.email()
                            + ", and choose the account at the top of the page.\n\n" + PublicLinks.portal("") + "\n\n"
                            + "If you do not act for " + contact.client().name() + ", please tell " + firm + ".\n\n" + firm + "\n");
        }
        return user;
    }

    /**
     * Staff take the portal away from a contact. A login that also serves other clients only stops
     * serving this one (and leaves its matters' recipients); otherwise the login is disabled and any
     * pending link revoked.
     * @return what happened, in words for the staff user
     */
    public String removePortal(@NotNull Long contactId) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null || contact.portalUser() == null) {
            throw new RuleViolation("This contact has no portal.");
        }
        PortalUser user = contact.portalUser();
        if (user.contacts().size() < 2) {
            revokeInvitation(user.id());
            return user.state() == PortalUserState.DISABLED && user.everRegistered() ? "Portal disabled." : "Invitation revoked; the portal is disabled.";
        }
        em.createQuery("SELECT m FROM Matter m JOIN m.recipients u WHERE m.client = :client AND u = :user", org.quittance.clients.entity.Matter.class)
                .setParameter("client", contact.client()).setParameter("user", user)
                .getResultList()
                .forEach(m -> m.setRecipients(m.recipients().stream().filter(r -> !r.equals(user)).collect(java.util.stream.Collectors.toSet())));
        user.unlink(contact);
        audit(user, contact, "client removed from the login");
        return user.email() + " no longer shows the invoices of " + contact.client().name() + "; the login stays for its other clients.";
    }

    public void resendInvitation(@NotNull Long portalUserId) {
        PortalUser user = user(portalUserId);
        if (user.state() != PortalUserState.INVITED) {
            throw new RuleViolation("Only a pending invitation can be resent; this portal is " + user.stateLabel().toLowerCase(Locale.ROOT) + ".");
        }
        invite(user);
        audit(user, user.contact(), "invitation sent again");
    }

    /**
     * A contact with a portal has a new e-mail address, which is its login: a pending invitation goes
     * again, to the new address (the old link stops working); a registered login keeps its password,
     * signs in with the new address from now on (its open sessions end), and both addresses are told.
     * @return what happened, in words for the staff user
     */
    public String loginChanged(Contact contact, String newEmail) {
        Optional<PortalUser> portal = portalOf(contact);
        if (portal.isEmpty()) {
            return "";
        }
        PortalUser user = portal.get();
        String login = newEmail.trim().toLowerCase(Locale.ROOT);
        if (login.equals(user.email())) {
            return "";
        }
        long taken = em.createQuery("SELECT COUNT(u) FROM PortalUser u WHERE u.email = :email AND u <> :user", Long.class)
                .setParameter("email", login).setParameter("user", user).getSingleResult();
        if (taken > 0) {
            throw new RuleViolation(login + " is already the portal login of another contact.");
        }
        String before = user.email();
        user.changeLogin(login);
        audit.recordAsCaller(org.quittance.audit.boundary.AuditTrail.PORTAL, login, "login changed", before + " → " + login);
        // One person, one address: the same login's contacts at other clients follow.
        List<String> others = new java.util.ArrayList<>();
        for (Contact other : user.contacts()) {
            if (!other.equals(contact)) {
                other.update(other.name(), login);
                others.add(other.client().name());
            }
        }
        String alsoAt = others.isEmpty() ? "" : " The same login's contact at " + String.join(", ", others) + " has the new address too.";
        String firm = firmSettings.firm().name();
        return switch (user.state()) {
            case INVITED -> {
                invite(user);
                yield " The invitation was sent again, to " + login + "; the link sent to " + before + " no longer works." + alsoAt;
            }
            case REGISTERED -> {
                String change = "portal-login-changed:" + user.id() + ":" + java.util.UUID.randomUUID();
                mailer.queue(change + ":old", before, "Your client portal login has changed",
                        "Dear " + contact.name() + ",\n\n" + firm + " changed the login of your client portal from this address to "
                                + login + ". Your password is unchanged; sign in with the new address from now on.\n\n"
                                + "If you did not ask for this, please contact " + firm + ".\n\n" + firm + "\n");
                mailer.queue(change + ":new", login, "Your client portal login is now this address",
                        "Dear " + contact.name() + ",\n\nFrom now on you sign in to the client portal of " + firm + " with this address, "
                                + login + ". Your password is unchanged.\n\n" + PublicLinks.portal("") + "\n\n" + firm + "\n");
                yield " " + contact.name() + " keeps the password and signs in with " + login + " from now on; both addresses were told by e-mail." + alsoAt;
            }
            case DISABLED -> " The disabled portal login is now " + login + "." + alsoAt;
        };
    }

    /** Revokes any pending link and disables the portal login. */
    public void revokeInvitation(@NotNull Long portalUserId) {
        PortalUser user = user(portalUserId);
        revokeOutstanding(user);
        audit(user, user.contact(), user.everRegistered() ? "portal disabled" : "invitation revoked, portal disabled");
        user.disable();
    }

    @PermitAll  // the portal's registration page, before anyone signed in
    public Link link(String token) {
        if (token == null || token.isBlank()) {
            return new Link(LinkStatus.UNKNOWN, null);
        }
        return invitation(token)
                .map(i -> new Link(status(i, OffsetDateTime.now()), i.portalUser().email()))
                .orElse(new Link(LinkStatus.UNKNOWN, null));
    }

    /** Sets the client's password through a valid link. @return the portal login (e-mail) to sign in with */
    @PermitAll
    public String register(String token, String password) {  // no parameter constraints: see PortalPasswords
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new RuleViolation("This registration link is not valid.");
        }
        PortalInvitation invitation = invitation(token)
                .orElseThrow(() -> new RuleViolation("This registration link is not valid."));
        // Read again under a row lock: of two posts of one link, the second waits and finds it used.
        em.refresh(invitation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now();
        LinkStatus status = status(invitation, now);
        if (status != LinkStatus.VALID) {
            throw new RuleViolation(explain(status));
        }
        PortalUser user = invitation.portalUser();
        PasswordPolicy.weakness(password, user.email()).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        user.register(Passwords.hash(password));
        invitation.use(now);
        audit.record(user.email(), org.quittance.audit.boundary.AuditTrail.PORTAL, user.email(), "registered", "through the invitation link");
        return user.email();
    }

    public static String explain(LinkStatus status) {
        return switch (status) {
            case VALID -> "This link is valid.";
            case EXPIRED -> "This registration link has expired. Ask the firm to send you a new one.";
            case USED -> "This registration link has already been used. Sign in with your e-mail address and password.";
            case REVOKED -> "This registration link was withdrawn by the firm.";
            case UNKNOWN -> "This registration link is not valid. Check that you copied the whole link from the e-mail.";
        };
    }

    private void invite(PortalUser user) {
        revokeOutstanding(user);
        OffsetDateTime now = OffsetDateTime.now();
        String token = InvitationTokens.newToken();
        PortalInvitation invitation = new PortalInvitation(user, InvitationTokens.digest(token), now,
                now.plus(org.quittance.platform.control.Settings.invitationLife()));
        em.persist(invitation);
        em.flush();
        String firm = firmSettings.firm().name();
        String link = PublicLinks.portal("register.xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        mailer.queue("portal-invitation:" + invitation.id(), user.email(),
                "Your client portal at " + firm,
                "Dear " + user.contact().name() + ",\n\n"
                        + firm + " has opened a secure client portal for you, where you can see your invoices and pay them online.\n\n"
                        + "Set your password here (the link works once, until " + firmSettings.formats().longDate(invitation.expiresAt().toLocalDate()) + "):\n"
                        + link + "\n\n"
                        + "Your login is this e-mail address, " + user.email() + ".\n"
                        + "If you did not expect this message, ignore it; nothing happens until the link is used.\n\n"
                        + firm + "\n", link);
    }

    private void revokeOutstanding(PortalUser user) {
        OffsetDateTime now = OffsetDateTime.now();
        em.createQuery("SELECT i FROM PortalInvitation i WHERE i.portalUser = :user AND i.usedAt IS NULL AND i.revokedAt IS NULL",
                        PortalInvitation.class)
                .setParameter("user", user)
                .getResultList()
                .forEach(i -> i.revoke(now));
    }

    private Optional<PortalInvitation> invitation(String token) {
        return em.createQuery("SELECT i FROM PortalInvitation i WHERE i.tokenSha256 = :digest", PortalInvitation.class)
                .setParameter("digest", InvitationTokens.digest(token))
                .getResultStream().findFirst();
    }

    private static LinkStatus status(PortalInvitation invitation, OffsetDateTime now) {
        if (invitation.usedAt() != null) {
            return LinkStatus.USED;
        }
        if (invitation.revokedAt() != null) {
            return LinkStatus.REVOKED;
        }
        return invitation.usable(now) ? LinkStatus.VALID : LinkStatus.EXPIRED;
    }

    /** Recorded as the staff user who did it, under the login's address, naming the client. */
    private void audit(PortalUser user, Contact contact, String action) {
        audit.recordAsCaller(org.quittance.audit.boundary.AuditTrail.PORTAL, user.email(), action,
                contact == null ? "" : contact.name() + ", " + contact.client().name());
    }

    private static Optional<PortalUser> portalOf(Contact contact) {
        return Optional.ofNullable(contact.portalUser());
    }

    private PortalUser user(Long id) {
        PortalUser user = em.find(PortalUser.class, id);
        if (user == null) {
            throw new RuleViolation("Portal user " + id + " does not exist.");
        }
        return user;
    }
}
