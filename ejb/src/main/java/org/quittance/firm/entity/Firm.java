package org.quittance.firm.entity;

import jakarta.persistence.*;

/** The firm that uses Quittance: its identity on invoices and its billing defaults. */
@Entity
@Table(name = "firm")
public class Firm {

    @Id
    @SequenceGenerator(name = "firm_seq", sequenceName = "firm_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "firm_seq")
    private Long id;

    @Column(nullable = false)
    private String name;

    private String address;

    @Column(name = "default_currency", nullable = false, length = 3)
    private String defaultCurrency;

    @Column(name = "payment_terms_days", nullable = false)
    private int paymentTermsDays;

    @Version
    private long version;

    protected Firm() {
    }

    public Firm(String name, String address, String defaultCurrency, int paymentTermsDays) {
        this.name = name;
        this.address = address;
        this.defaultCurrency = defaultCurrency;
        this.paymentTermsDays = paymentTermsDays;
    }

    public Long id() { return id; }
    public String name() { return name; }
    public String address() { return address; }
    public String defaultCurrency() { return defaultCurrency; }
    public int paymentTermsDays() { return paymentTermsDays; }
}
