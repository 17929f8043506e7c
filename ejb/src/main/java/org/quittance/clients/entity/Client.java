package org.quittance.clients.entity;

import jakarta.persistence.*;

/** A client of the firm: a person or an organisation that receives invoices. */
@Entity
@Table(name = "client")
public class Client implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "client_seq", sequenceName = "client_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "client_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClientKind kind;

    private String address;

    /** Whether invoices of this client may be published to the portal. */
    @Column(name = "portal_invoices", nullable = false)
    private boolean portalInvoices;

    /** Set when the firm stopped working for the client: off the lists, not billable, never deleted. */
    /** Reminders of its open invoices; a firm leaves out a client it handles by hand. */
    @Column(nullable = false)
    private boolean reminders = true;

    @Column(name = "archived_at")
    private java.time.OffsetDateTime archivedAt;

    @Version
    private long version;

    protected Client() {
    }

    public Client(String name, ClientKind kind) {
        this.name = name;
        this.kind = kind;
    }

    public void rename(String name, ClientKind kind, String address) {
        this.name = name;
        this.kind = kind;
        this.address = address;
    }

    public void setPortalInvoices(boolean enabled) {
        this.portalInvoices = enabled;
    }

    public void archive(java.time.OffsetDateTime at) {
        this.archivedAt = at;
    }

    public void restore() {
        this.archivedAt = null;
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public ClientKind kind() { return kind; }
    public String address() { return address; }
    public boolean portalInvoices() { return portalInvoices; }

    public boolean reminders() { return reminders; }
    public void remind(boolean reminders) { this.reminders = reminders; }
}
