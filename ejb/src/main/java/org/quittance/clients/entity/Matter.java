package org.quittance.clients.entity;

import jakarta.persistence.*;
import org.quittance.money.Money;
import org.quittance.staff.entity.StaffUser;

/** A matter (engagement) of a client: the unit that work is recorded against and billed for. */
@Entity
@Table(name = "matter")
public class Matter {

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

    public Long id() { return id; }
    public Client client() { return client; }
    public String number() { return number; }
    public String title() { return title; }
    public Money hourlyRate() { return hourlyRate; }
    public String currency() { return hourlyRate.currency(); }
    public StaffUser responsible() { return responsible; }
}
