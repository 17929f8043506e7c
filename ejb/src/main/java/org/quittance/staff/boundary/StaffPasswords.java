package org.quittance.staff.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Mailer;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.control.InvitationTokens;
import org.quittance.security.boundary.SignInAttempts;
import org.quittance.security.boundary.Throttle;
import org.quittance.security.control.PasswordPolicy;
import org.quittance.security.control.Passwords;
import org.quittance.security.control.Realm;
import org.quittance.security.control.ResetLinks;
import org.quittance.security.entity.Roles;
import org.quittance.security.control.ThrottleRule;
import org.quittance.staff.entity.StaffUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Staff password links: asked for on the sign-in page (by username or e-mail; the answer is the same
 * whether or not such a user exists, and the requests are limited per address and per recipient) or
 * sent by an administrator from Setup › Staff. A link works once, for an hour; setting the password
 * through it also lifts a lock-out, and ends the user's other sessions (a new salt: a new stamp).
 */
@Stateless
@PermitAll  // the forgotten-password and reset pages, before anyone signed in; sending a link is for administrators
public class StaffPasswords {

    private static final Logger LOG = Logger.getLogger(StaffPasswords.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Mailer mailer;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Throttle throttle;

    @EJB
    SignInAttempts signIns;

    @EJB
    AuditTrail audit;

    public void requestReset(String loginOrEmail, String remoteAddress) {
        if (loginOrEmail == null || loginOrEmail.isBlank() || loginOrEmail.length() > 320) {
            return;
        }
        if (!throttle.attempt(ThrottleRule.RESETS_BY_ADDRESS, remoteAddress)) {
            throw new RuleViolation("Too many password links were asked for from your network. Please try again in an hour.");
        }
        String key = loginOrEmail.strip().toLowerCase(Locale.ROOT);
        Optional<StaffUser> user = em.createQuery(
                        "SELECT u FROM StaffUser u WHERE u.enabled = TRUE AND (u.username = :k OR LOWER(u.email) = :k) ORDER BY u.id", StaffUser.class)
                .setParameter("k", key).setMaxResults(1).getResultStream().findFirst();
        if (user.isEmpty()) {
            LOG.info("Staff password link asked for a login that is not an active staff user");
            return;
        }
        if (!throttle.attempt(ThrottleRule.RESETS_BY_EMAIL, user.get().email())) {
            LOG.info("Staff password link not sent: too many asked for one user within the hour");
            return;
        }
        send(user.get(), "Someone, probably you, asked for a new password for Quittance.");
    }

    /** From Setup › Staff: for a new colleague, or one who is locked out. */
    @RolesAllowed(Roles.ADMIN)
    public void sendResetLink(Long userId) {
        StaffUser user = em.find(StaffUser.class, userId);
        if (user == null || !user.enabled()) {
            throw new RuleViolation("Only an active staff user gets a password link.");
        }
        send(user, "An administrator of your firm sent you this link to set your password for Quittance.");
        audit.recordAsCaller(AuditTrail.STAFF, user.username(), "password link sent", user.email());
    }

    public ResetLinks.Status status(String token) {
        return links().status(token, OffsetDateTime.now());
    }

    /** @return the username, to sign in with the new password */
    public String reset(String token, String password) {  // no parameter constraints where a password travels: see PortalPasswords
        OffsetDateTime now = OffsetDateTime.now();
        Long userId = links().consume(token, now).orElseThrow(() -> new RuleViolation(links().status(token, now).explanation()));
        StaffUser user = em.find(StaffUser.class, userId);
        if (!user.enabled()) {
            throw new RuleViolation("This account is disabled; ask an administrator.");
        }
        PasswordPolicy.weakness(password, user.email()).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        user.changePassword(Passwords.hash(password));
        signIns.unlock(Realm.STAFF, user.username());
        audit.record(user.username(), AuditTrail.STAFF, user.username(), "password set through a link", "");
        return user.username();
    }


    private void send(StaffUser user, String why) {
        String token = links().issue(user.id(), OffsetDateTime.now());
        String firm = firmSettings.firm().name();
        String link = PublicLinks.staff("reset-password.xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        mailer.queue("staff-password-reset:" + InvitationTokens.digest(token), user.email(), "Your Quittance password at " + firm,
                "Dear " + user.displayName() + ",\n\n" + why + "\n\n"
                        + "Choose a new password here (the link works once, for " + ResetLinks.validity().toMinutes() + " minutes):\n"
                        + link + "\n\nYour username is " + user.username() + ".\n"
                        + "If you did not ask for this, ignore this e-mail: your password stays as it is.\n\n" + firm + "\n", link);
    }

    private ResetLinks links() {
        return new ResetLinks(em, Realm.STAFF);
    }
}
