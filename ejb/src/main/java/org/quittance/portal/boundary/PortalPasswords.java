package org.quittance.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.boundary.Mailer;
import org.quittance.platform.control.PublicLinks;
import org.quittance.platform.control.RuleViolation;
import org.quittance.portal.control.InvitationTokens;
import org.quittance.security.control.PasswordPolicy;
import org.quittance.portal.entity.PortalUser;
import org.quittance.portal.entity.PortalUserState;
import org.quittance.security.boundary.Throttle;
import org.quittance.security.control.Passwords;
import org.quittance.security.control.Realm;
import org.quittance.security.control.ResetLinks;
import org.quittance.security.control.ThrottleRule;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forgotten and changed portal passwords. A reset link works once and for an hour (configurable);
 * only its SHA-256 is stored. Asking for a reset answers the same whether or not the address has a
 * portal, so the form cannot be used to find out who is a client.
 */
@Stateless
public class PortalPasswords {

    private static final Logger LOG = Logger.getLogger(PortalPasswords.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    Mailer mailer;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Throttle throttle;

    /**
     * Sends a reset link, if the address has a registered portal. Limited per remote address (the
     * page then says so) and per e-mail address (silently: the page answers the same either way), so
     * that nobody can flood a client's mailbox from the firm's server.
     */
    public void requestReset(String email, String remoteAddress) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        if (!throttle.attempt(ThrottleRule.RESETS_BY_ADDRESS, remoteAddress)) {
            throw new RuleViolation("Too many password links were asked for from your network. Please try again in an hour.");
        }
        if (!throttle.attempt(ThrottleRule.RESETS_BY_EMAIL, email)) {
            LOG.info("Password reset not sent: too many asked for one address within the hour");
            return;
        }
        Optional<PortalUser> user = em.createQuery("SELECT u FROM PortalUser u WHERE u.email = :e AND u.state = :s", PortalUser.class)
                .setParameter("e", email.trim().toLowerCase(Locale.ROOT)).setParameter("s", PortalUserState.REGISTERED)
                .getResultStream().findFirst();
        if (user.isEmpty()) {
            LOG.info("Password reset asked for an address without a registered portal");
            return;
        }
        String token = links().issue(user.get().id(), OffsetDateTime.now());
        String digest = InvitationTokens.digest(token);
        Duration valid = ResetLinks.validity();
        String firm = firmSettings.firm().name();
        String link = PublicLinks.portal("reset-password.xhtml?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        mailer.queue("portal-password-reset:" + digest, user.get().email(), "Reset your client portal password at " + firm,
                "Dear " + user.get().contact().name() + ",\n\n"
                        + "Someone, probably you, asked to reset the password of your client portal at " + firm + ".\n\n"
                        + "Choose a new password here (the link works once, for " + valid.toMinutes() + " minutes):\n" + link + "\n\n"
                        + "If you did not ask for this, ignore this e-mail: your password stays as it is.\n\n" + firm + "\n", link);
    }

    public ResetLinks.Status status(String token) {
        return links().status(token, OffsetDateTime.now());
    }

    /*
     * No parameter constraints where a password travels: a refused parameter's message lists every
     * argument, and the container logs it. These methods check in code (PasswordPolicy, RuleViolation).
     */

    /** @return the login, to sign in with the new password */
    public String reset(String token, String password) {
        OffsetDateTime now = OffsetDateTime.now();
        // Consumed first: of two posts of one link, one finds it unused. A refused password rolls the
        // consumption back with everything else.
        Long userId = links().consume(token, now).orElseThrow(() -> new RuleViolation(links().status(token, now).explanation()));
        PortalUser user = em.find(PortalUser.class, userId);
        setPassword(user, password);
        return user.email();
    }

    public void change(String login, String current, String password) {
        if (login == null || login.isBlank()) {
            throw new RuleViolation("Sign in again.");
        }
        if (current == null || current.isEmpty()) {
            throw new RuleViolation("Enter your current password.");
        }
        PortalUser user = em.createQuery("SELECT u FROM PortalUser u WHERE u.email = :e", PortalUser.class)
                .setParameter("e", login.toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .orElseThrow(() -> new RuleViolation("Sign in again."));
        if (user.password() == null || !Passwords.matches(current, user.password())) {
            throw new RuleViolation("Your current password is not right.");
        }
        setPassword(user, password);
    }


    private void setPassword(PortalUser user, String password) {
        PasswordPolicy.weakness(password, user.email()).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        user.changePassword(Passwords.hash(password));
    }

    private ResetLinks links() {
        return new ResetLinks(em, Realm.PORTAL);
    }
}
