package org.quittance.payments.entity;

import jakarta.persistence.*;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.quittance.money.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One "Continue to card payment" in the portal: the invoices and the part of each being paid, the
 * billing address and the processor's hosted checkout. It records the client's intention; money is
 * only counted when the processor's notification says the payment succeeded.
 */
@Entity
@Table(name = "portal_checkout")
public class PortalCheckout {

    @Id
    @SequenceGenerator(name = "portal_checkout_seq", sequenceName = "portal_checkout_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "portal_checkout_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String reference;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    @Column(name = "portal_user_id", nullable = false)
    private Long portalUserId;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private BigDecimal amount;

    @Embedded
    private BillingAddress billingAddress;

    @Column(nullable = false)
    private String processor;

    @Column(name = "session_id")
    private String sessionId;

    @Column(name = "checkout_url")
    private String checkoutUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CheckoutState state = CheckoutState.OPEN;

    /** Invoice id → the part of it this checkout pays, in the checkout's currency. Read in one IN query for a list of checkouts. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "portal_checkout_allocation", joinColumns = @JoinColumn(name = "checkout_id"))
    @MapKeyColumn(name = "invoice_id")
    @Column(name = "amount", nullable = false)
    private Map<Long, BigDecimal> allocations = new LinkedHashMap<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected PortalCheckout() {
    }

    public PortalCheckout(String reference, String idempotencyKey, Long portalUserId, Long clientId, Map<Long, Money> allocations,
                          BillingAddress billingAddress, String processor, OffsetDateTime now) {
        this.reference = reference;
        this.idempotencyKey = idempotencyKey;
        this.portalUserId = portalUserId;
        this.clientId = clientId;
        this.billingAddress = billingAddress;
        this.processor = processor;
        Money total = null;
        for (Map.Entry<Long, Money> a : allocations.entrySet()) {
            this.allocations.put(a.getKey(), a.getValue().amount());
            total = total == null ? a.getValue() : total.plus(a.getValue());
        }
        if (total == null) {
            throw new IllegalArgumentException("a checkout pays at least one invoice");
        }
        this.currency = total.currency();
        this.amount = total.amount();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void opened(String sessionId, String checkoutUrl, OffsetDateTime now) {
        this.sessionId = sessionId;
        this.checkoutUrl = checkoutUrl;
        this.updatedAt = now;
    }

    public void settle(CheckoutState state, OffsetDateTime now) {
        if (this.state == CheckoutState.OPEN) {
            this.state = state;
            this.updatedAt = now;
        }
    }

    public Long id() { return id; }
    public String reference() { return reference; }
    public String idempotencyKey() { return idempotencyKey; }
    public Long portalUserId() { return portalUserId; }
    public Long clientId() { return clientId; }
    public Money amount() { return Money.of(amount, currency); }
    public String currency() { return currency; }
    public BillingAddress billingAddress() { return billingAddress; }
    public String processor() { return processor; }
    public String sessionId() { return sessionId; }
    public String checkoutUrl() { return checkoutUrl; }
    public CheckoutState state() { return state; }
    public Map<Long, Money> allocations() {
        Map<Long, Money> m = new LinkedHashMap<>();
        allocations.forEach((k, v) -> m.put(k, Money.of(v, currency)));
        return m;
    }
    public OffsetDateTime createdAt() { return createdAt; }
}
