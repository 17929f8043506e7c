package org.quittance.portal.entity;

import jakarta.persistence.*;

import java.time.OffsetDateTime;

/**
 * A single-use, expiring registration link sent to a portal user. This table holds only the SHA-256
 * of the token; the e-mail itself (link included) stays readable in the outbox, because staff need it
 * when no SMTP server is configured, which is one reason the link works once and expires.
 */
@Entity
@Table(name = "portal_invitation")
public class PortalInvitation {

    @Id
    @SequenceGenerator(name = "portal_invitation_seq", sequenceName = "portal_invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_invitation_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "portal_user_id")
    private PortalUser portalUser;

    @Column(name = "token_sha256", nullable = false, unique = true, length = 64)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Version
    private long version;

    protected PortalInvitation() {
    }

    public PortalInvitation(PortalUser portalUser, String tokenSha256, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.portalUser = portalUser;
        this.tokenSha256 = tokenSha256;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public boolean usable(OffsetDateTime now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    public void use(OffsetDateTime now) {
        this.usedAt = now;
    }

    public void revoke(OffsetDateTime now) {
        if (usedAt == null && revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public Long id() { return id; }
    public PortalUser portalUser() { return portalUser; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime expiresAt() { return expiresAt; }
    public OffsetDateTime usedAt() { return usedAt; }
    public OffsetDateTime revokedAt() { return revokedAt; }
}
