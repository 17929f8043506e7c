package org.quittance.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;

/** The payer's billing address, given in the portal and passed to the processor with the checkout. */
@Embeddable
public class BillingAddress implements Serializable {

    @Column(name = "billing_name", nullable = false)
    private String name;

    @Column(name = "billing_line1", nullable = false)
    private String line1;

    @Column(name = "billing_line2")
    private String line2;

    @Column(name = "billing_city", nullable = false)
    private String city;

    @Column(name = "billing_postcode", nullable = false)
    private String postcode;

    @Column(name = "billing_country", nullable = false, length = 2)
    private String country;

    protected BillingAddress() {
    }

    public BillingAddress(String name, String line1, String line2, String city, String postcode, String country) {
        this.name = name;
        this.line1 = line1;
        this.line2 = line2;
        this.city = city;
        this.postcode = postcode;
        this.country = country;
    }

    public String name() { return name; }
    public String line1() { return line1; }
    public String line2() { return line2; }
    public String city() { return city; }
    public String postcode() { return postcode; }
    public String country() { return country; }
}
