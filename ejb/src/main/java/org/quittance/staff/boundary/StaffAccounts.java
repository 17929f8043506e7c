package org.quittance.staff.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quittance.security.control.Passwords;
import org.quittance.security.control.Roles;
import org.quittance.staff.entity.StaffRole;
import org.quittance.staff.entity.StaffUser;

import java.util.Set;

/** Creates and looks up the firm's staff accounts. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class StaffAccounts {

    @PersistenceContext
    EntityManager em;

    @RolesAllowed(Roles.ADMIN)
    public StaffUser create(@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{2,100}", message = "may contain letters, digits, '.', '_' and '-' only") String username,
                            @NotBlank @Size(max = 200) String displayName,
                            @NotBlank @Email(message = "is not a valid e-mail address") String email,
                            @NotBlank @Size(min = 12, message = "must have at least 12 characters") String password,
                            @NotEmpty Set<StaffRole> roles) {
        StaffUser user = new StaffUser(username, displayName, email, Passwords.hash(password), roles);
        em.persist(user);
        return user;
    }

    public StaffUser byUsername(String username) {
        return em.createQuery("SELECT u FROM StaffUser u WHERE u.username = :username", StaffUser.class)
                .setParameter("username", username.toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }
}
