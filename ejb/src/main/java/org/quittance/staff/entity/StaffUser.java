package org.quittance.staff.entity;

import jakarta.persistence.*;
import org.quittance.security.entity.PasswordHash;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A member of the firm's staff who signs in to the staff application. */
@Entity
@Table(name = "staff_user")
public class StaffUser implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "staff_user_seq", sequenceName = "staff_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_user_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String email;

    @Embedded
    private PasswordHash password;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_user_role", joinColumns = @JoinColumn(name = "staff_user_id"))
    @Column(name = "role")
    @Convert(converter = StaffRoleConverter.class)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(name = "last_sign_in_at", insertable = false, updatable = false)
    private OffsetDateTime lastSignInAt;

    @Column(name = "locked_until", insertable = false, updatable = false)
    private OffsetDateTime lockedUntil;

    /** Bumped by every change of roles: part of the credentials stamp, so open sessions end (security.control.Realm). */
    @Column(name = "roles_version", nullable = false)
    private int rolesVersion;

    @Version
    private long version;

    protected StaffUser() {
    }

    public StaffUser(String username, String displayName, String email, PasswordHash password, Set<StaffRole> roles) {
        this.username = username.toLowerCase(Locale.ROOT);
        this.displayName = displayName;
        this.email = email;
        this.password = password;
        this.roles = EnumSet.copyOf(roles);
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String email() { return email; }
    public boolean enabled() { return enabled; }
    public Set<StaffRole> roles() { return Set.copyOf(roles); }
    public OffsetDateTime lastSignInAt() { return lastSignInAt; }
    public boolean locked(OffsetDateTime now) { return lockedUntil != null && lockedUntil.isAfter(now); }
    public boolean isActiveAdministrator() { return enabled && roles.contains(StaffRole.ADMIN); }

    public void changeRoles(Set<StaffRole> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A staff user needs at least one role");
        }
        if (!this.roles.equals(roles)) {
            this.roles = EnumSet.copyOf(roles);
            rolesVersion++;
        }
    }

    public PasswordHash password() { return password; }

    /** A new hash with a new salt: the credentials stamp changes, and the user's other sessions end. */
    public void changePassword(PasswordHash password) {
        this.password = password;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
