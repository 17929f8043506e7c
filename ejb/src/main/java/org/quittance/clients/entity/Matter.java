package org.quittance.clients.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;
import org.quittance.portal.entity.PortalUser;
import org.quittance.staff.entity.StaffUser;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A matter (engagement) of a client: the unit that work is recorded against and billed for. */
@Entity
@Table(name = "matter")
public class Matter implements java.io.Serializable {

    @Id
    @SequenceGenerator(name = "matter_seq", sequenceName = "matter_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "matter_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "client_id")
    private Client client;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(nullable = false)
    private String title;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "hourly_rate"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency"))
    private Money hourlyRate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_staff_id")
    private StaffUser responsible;

    /** The rate table: staff user id → hourly rate in the matter's currency, overriding the default rate. */
    @ElementCollection
    @CollectionTable(name = "matter_rate", joinColumns = @JoinColumn(name = "matter_id"))
    @MapKeyColumn(name = "staff_user_id")
    @Column(name = "rate")
    private Map<Long, BigDecimal> staffRates = new HashMap<>();

    /** The portal users who receive this matter's invoices. */
    @ManyToMany
    @JoinTable(name = "matter_recipient",
            joinColumns = @JoinColumn(name = "matter_id"),
            inverseJoinColumns = @JoinColumn(name = "portal_user_id"))
    private Set<PortalUser> recipients = new HashSet<>();

    @Version
    private long version;

    protected Matter() {
    }

    public Matter(Client client, String number, String title, Money hourlyRate, StaffUser responsible) {
        this.client = client;
        this.number = number;
        this.title = title;
        this.hourlyRate = hourlyRate;
        this.responsible = responsible;
    }

    public void update(String title, Money hourlyRate, StaffUser responsible) {
        this.title = title;
        this.hourlyRate = hourlyRate;
        this.responsible = responsible;
    }

    /** The hourly rate of this staff member on this matter: their rate-table entry, else the default rate. */
    public Money rateFor(StaffUser staff) {
        BigDecimal rate = staffRates.get(staff.id());
        return rate == null ? hourlyRate : Money.of(rate, hourlyRate.currency());
    }

    public void setStaffRate(StaffUser staff, Money rate) {
        if (rate == null) {
            staffRates.remove(staff.id());
            return;
        }
        if (!rate.currency().equals(hourlyRate.currency())) {
            throw new IllegalArgumentException("The rate must be in the matter's currency, " + hourlyRate.currency());
        }
        staffRates.put(staff.id(), rate.amount());
    }

    public Map<Long, BigDecimal> staffRates() { return Map.copyOf(staffRates); }

    public void setRecipients(Set<PortalUser> recipients) {
        for (PortalUser recipient : recipients) {
            if (!recipient.serves(client)) {
                throw new IllegalArgumentException(recipient.email() + " is not a contact of " + client.name());
            }
        }
        this.recipients.clear();
        this.recipients.addAll(recipients);
    }

    public void addRecipient(PortalUser recipient) {
        setRecipients(concat(recipients, recipient));
    }

    private static Set<PortalUser> concat(Set<PortalUser> set, PortalUser one) {
        Set<PortalUser> all = new HashSet<>(set);
        all.add(one);
        return all;
    }

    public Set<PortalUser> recipients() { return Set.copyOf(recipients); }

    public Long id() { return id; }
    public Client client() { return client; }
    public String number() { return number; }
    public String title() { return title; }
    public Money hourlyRate() { return hourlyRate; }
    public String currency() { return hourlyRate.currency(); }
    public StaffUser responsible() { return responsible; }
}
