package org.quittance.clients.entity;

import jakarta.persistence.*;

/** A person at a client; one contact per client is its billing contact. */
@Entity
@Table(name = "contact")
public class Contact implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "billing_contact", nullable = false)
    private boolean billingContact;

    /** This contact's portal login, which may also serve contacts of other clients (the same person). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "portal_user_id")
    private org.quittance.portal.entity.PortalUser portalUser;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(Client client, String name, String email, boolean billingContact) {
        this.client = client;
        this.name = name;
        this.email = email;
        this.billingContact = billingContact;
    }

    public void update(String name, String email) {
        this.name = name;
        this.email = email;
    }

    public void setBillingContact(boolean billingContact) {
        this.billingContact = billingContact;
    }

    public void linkPortal(org.quittance.portal.entity.PortalUser user) {
        this.portalUser = user;
    }

    public org.quittance.portal.entity.PortalUser portalUser() { return portalUser; }
    public Long id() { return id; }
    public Client client() { return client; }
    public String name() { return name; }
    public String email() { return email; }
    public boolean billingContact() { return billingContact; }
}
