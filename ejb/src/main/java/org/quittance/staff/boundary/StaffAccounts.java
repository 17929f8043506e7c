package org.quittance.staff.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.boundary.SignInAttempts;
import org.quittance.security.control.PasswordPolicy;
import org.quittance.security.control.Passwords;
import org.quittance.security.control.Realm;
import org.quittance.security.entity.Roles;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Setup › Staff: the firm's staff accounts, for administrators. Quittance always keeps one active
 * administrator: the last one can be neither disabled nor lose the role (two such changes at once
 * are decided one after the other).
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class StaffAccounts {

    public record Row(Long id, String username, String displayName, String email, Set<StaffRole> roles, boolean enabled,
                      boolean locked, OffsetDateTime lastSignIn) implements java.io.Serializable {
        public String state() {
            return !enabled ? "Disabled" : locked ? "Locked (too many failed sign-ins)" : "Active";
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditTrail audit;

    @EJB
    SignInAttempts signIns;

    @Resource
    SessionContext context;

    /*
     * Checked in code rather than by parameter constraints: a refused parameter's message lists every
     * argument, the password too, and the container logs it.
     */
    @RolesAllowed(Roles.ADMIN)
    public StaffUser create(String username, String displayName, String email, String password, Set<StaffRole> roles) {
        if (username == null || !username.matches("[a-zA-Z0-9._-]{2,100}")) {
            throw new RuleViolation("A username has 2 to 100 letters, digits, '.', '_' or '-'.");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new RuleViolation("Give the user's name (at most 200 characters).");
        }
        if (email == null || email.length() > 320 || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RuleViolation("Give the user's e-mail address.");
        }
        if (roles == null || roles.isEmpty()) {
            throw new RuleViolation("Give the user at least one role.");
        }
        PasswordPolicy.weakness(password, email).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        if (byUsername(username) != null) {
            throw new RuleViolation("The username " + username.toLowerCase(Locale.ROOT) + " is taken.");
        }
        StaffUser user = new StaffUser(username, displayName.strip(), email.strip(), Passwords.hash(password), roles);
        em.persist(user);
        em.flush();
        audit.recordAsCaller(AuditTrail.STAFF, user.username(), "staff user added", displayName.strip() + ", " + names(roles));
        return user;
    }

    public StaffUser byUsername(String username) {
        return em.createQuery("SELECT u FROM StaffUser u WHERE u.username = :username", StaffUser.class)
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }

    @RolesAllowed(Roles.ADMIN)
    public List<Row> roster() {
        OffsetDateTime now = OffsetDateTime.now();
        return em.createQuery("SELECT u FROM StaffUser u ORDER BY u.displayName, u.username", StaffUser.class).getResultStream()
                .map(u -> new Row(u.id(), u.username(), u.displayName(), u.email(), u.roles(), u.enabled(), u.locked(now), u.lastSignInAt()))
                .toList();
    }

    /** Takes effect at once: the user's open sessions end and the next sign-in carries the new roles. */
    @RolesAllowed(Roles.ADMIN)
    public void changeRoles(@NotNull Long userId, @NotEmpty(message = "Give the user at least one role") Set<StaffRole> roles) {
        StaffUser user = lockedForChange(userId);
        if (user.isActiveAdministrator() && !roles.contains(StaffRole.ADMIN)) {
            requireAnotherActiveAdministrator(user);
        }
        Set<StaffRole> before = user.roles();
        user.changeRoles(EnumSet.copyOf(roles));
        if (!before.equals(user.roles())) {
            audit.recordAsCaller(AuditTrail.STAFF, user.username(), "roles changed", names(before) + " → " + names(roles));
        }
    }

    /** A disabled user cannot sign in, and their open sessions end at their next request. */
    @RolesAllowed(Roles.ADMIN)
    public void setEnabled(@NotNull Long userId, boolean enabled) {
        StaffUser user = lockedForChange(userId);
        if (user.enabled() == enabled) {
            return;
        }
        if (!enabled && user.isActiveAdministrator()) {
            requireAnotherActiveAdministrator(user);
        }
        user.enable(enabled);
        audit.recordAsCaller(AuditTrail.STAFF, user.username(), enabled ? "enabled" : "disabled", user.displayName());
    }

    /** The signed-in staff user's own password, whoever they are (the caller the EJB sees, not a name passed in). */
    public void changeOwnPassword(String current, String password) {
        StaffUser user = byUsername(context.getCallerPrincipal().getName());
        if (user == null || current == null || current.length() > 1_000 || !Passwords.matches(current, user.password())) {
            throw new RuleViolation("Your current password is not right.");
        }
        PasswordPolicy.weakness(password, user.email()).ifPresent(reason -> {
            throw new RuleViolation(reason);
        });
        user.changePassword(Passwords.hash(password));
        audit.recordAsCaller(AuditTrail.STAFF, user.username(), "password changed", "by the user");
    }

    /** Lifts a lock-out after failed sign-ins at once. */
    @RolesAllowed(Roles.ADMIN)
    public void unlock(@NotNull Long userId) {
        StaffUser user = find(userId);
        signIns.unlock(Realm.STAFF, user.username());
        audit.recordAsCaller(AuditTrail.STAFF, user.username(), "unlocked", user.displayName());
    }

    private StaffUser lockedForChange(Long userId) {
        // Administrators are counted under one lock: two admins demoting each other at once leave one.
        AdvisoryLock.hold(em, "staff-administrators", "all");
        StaffUser user = find(userId);
        em.refresh(user);
        return user;
    }

    private void requireAnotherActiveAdministrator(StaffUser user) {
        long others = ((Number) em.createNativeQuery("""
                        SELECT COUNT(*) FROM staff_user u JOIN staff_user_role r ON r.staff_user_id = u.id
                        WHERE r.role = ? AND u.enabled AND u.id <> ?""")
                .setParameter(1, StaffRole.ADMIN.roleName()).setParameter(2, user.id()).getSingleResult()).longValue();
        if (others == 0) {
            throw new RuleViolation(user.displayName() + " is the last active administrator: make someone else an administrator first.");
        }
    }

    private StaffUser find(Long userId) {
        StaffUser user = em.find(StaffUser.class, userId);
        if (user == null) {
            throw new RuleViolation("No such staff user.");
        }
        return user;
    }

    private static String names(Set<StaffRole> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.roleName()));
        return String.join(" + ", names);
    }
}
