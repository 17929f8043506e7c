package org.quittance.adjustments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quittance.adjustments.entity.Adjustment;
import org.quittance.adjustments.entity.AdjustmentKind;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.clients.entity.Client;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.RuleViolation;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actions › Receipt &amp; Adjustment Entry › Adjustment: write-offs and credit memos with their reason,
 * and the client's unapplied credit applied to an invoice or refunded. Each posts its ledger entries
 * at once, so the client's balance stays the sum of its open invoices less its unapplied credit. The
 * form's key makes a double click one adjustment; credit is used under the client's credit lock, so
 * two people cannot spend the same credit twice.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Adjustments {

    public record Entry(@NotNull(message = "Choose the client") Long clientId,
                        @NotNull(message = "Choose the kind of adjustment") AdjustmentKind kind,
                        Long invoiceId,
                        @NotNull(message = "Give the amount") @DecimalMin(value = "0.01", message = "The amount must be above zero") BigDecimal amount,
                        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
                        @NotBlank(message = "Give the reason: it stays on the ledger and in the audit trail") @Size(max = 300) String reason,
                        @NotBlank @Size(max = 64) String entryKey) {
    }

    /** An adjustment as the staff screen lists it. */
    public record Row(Long id, OffsetDateTime at, AdjustmentKind kind, String invoice, Money amount, String reason, String by) implements java.io.Serializable {
    }

    private static final Set<InvoiceState> OPEN = InvoiceState.PAYABLE;

    @PersistenceContext
    EntityManager em;

    @EJB
    org.quittance.firm.boundary.FirmSettings firmSettings;

    @EJB
    Ledgers ledgers;

    @EJB
    AuditTrail audit;

    /** @return the adjustment's id; the same form saved again returns the first one's id */
    public long enter(@NotNull @Valid Entry entry) {
        String by = audit.caller();
        AdvisoryLock.hold(em, "adjustment", entry.entryKey());
        Optional<Adjustment> saved = em.createQuery("SELECT a FROM Adjustment a WHERE a.entryKey = :k", Adjustment.class)
                .setParameter("k", entry.entryKey()).getResultStream().findFirst();
        if (saved.isPresent()) {
            return saved.get().id();
        }
        Client client = em.find(Client.class, entry.clientId());
        if (client == null) {
            throw new RuleViolation("Client " + entry.clientId() + " does not exist.");
        }
        Money amount = Money.of(entry.amount(), entry.currency());
        String reason = entry.reason().strip();
        // Credit is spent under the client's lock: the same credit cannot pay two invoices or be refunded twice.
        AdvisoryLock.hold(em, "client-credit", String.valueOf(client.id()));
        Invoice invoice = invoice(entry, client, amount);
        OffsetDateTime now = OffsetDateTime.now();
        switch (entry.kind()) {
            case WRITE_OFF -> {
                invoice.receive(amount);
                ledgers.postOnInvoice(invoice.ledgerAccount(), null, EntryKind.WRITE_OFF, "Written off: " + reason, amount.negate(), by, now);
            }
            case CREDIT_MEMO -> {
                if (invoice != null) {
                    invoice.receive(amount);
                    ledgers.postOnInvoice(invoice.ledgerAccount(), null, EntryKind.CREDIT_MEMO, "Credit memo: " + reason, amount.negate(), by, now);
                } else {
                    ledgers.postOnClient(client.id(), null, EntryKind.CREDIT_MEMO, "Credit memo: " + reason + " — unapplied credit",
                            amount.negate(), by, now);
                }
            }
            case CREDIT_APPLIED -> {
                requireCredit(client, amount);
                invoice.receive(amount);
                ledgers.postOnClient(client.id(), null, EntryKind.CREDIT_APPLIED, "Credit applied to " + invoice.number() + ": " + reason,
                        amount, by, now);
                ledgers.postOnInvoice(invoice.ledgerAccount(), null, EntryKind.CREDIT_APPLIED, "Paid from unapplied credit: " + reason, amount.negate(), by, now);
            }
            case CREDIT_REFUNDED -> {
                requireCredit(client, amount);
                ledgers.postOnClient(client.id(), null, EntryKind.CREDIT_REFUNDED, "Credit refunded: " + reason, amount, by, now);
            }
        }
        Adjustment adjustment = new Adjustment(entry.kind(), client.id(), invoice == null ? null : invoice.id(), amount, reason,
                entry.entryKey(), by, now);
        em.persist(adjustment);
        em.flush();
        audit.record(by, invoice == null ? AuditTrail.CLIENT : AuditTrail.INVOICE, invoice == null ? client.id() : invoice.id(),
                entry.kind().label().toLowerCase(), amount + (invoice == null ? "" : " on " + invoice.number()) + " — " + reason);
        return adjustment.id();
    }

    /** The client's adjustments, newest first. */
    public List<Row> ofClient(@NotNull Long clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT a.id, a.created_at, a.kind, i.number, a.currency, a.amount, a.reason, a.created_by
                        FROM adjustment a LEFT JOIN invoice i ON i.id = a.invoice_id
                        WHERE a.client_id = ? ORDER BY a.created_at DESC, a.id DESC""")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), SqlValues.timestamp(r[1]),
                AdjustmentKind.valueOf((String) r[2]), (String) r[3], Money.of((BigDecimal) r[5], ((String) r[4]).trim()),
                (String) r[6], (String) r[7])).toList();
    }

    /** The invoice the adjustment is on, locked, open, of the client and in the amount's currency, owing at least the amount. */
    private Invoice invoice(Entry entry, Client client, Money amount) {
        if (entry.invoiceId() == null) {
            if (entry.kind().needsInvoice()) {
                throw new RuleViolation("Choose the invoice for the " + entry.kind().label().toLowerCase() + ".");
            }
            return null;
        }
        if (entry.kind() == AdjustmentKind.CREDIT_REFUNDED) {
            throw new RuleViolation("A credit refund is not on an invoice: leave the invoice empty.");
        }
        Invoice invoice = em.find(Invoice.class, entry.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
        if (invoice == null || !invoice.matter().client().id().equals(client.id())) {
            throw new RuleViolation("Invoice " + entry.invoiceId() + " is not one of " + client.name() + "'s invoices.");
        }
        if (!OPEN.contains(invoice.state())) {
            throw new RuleViolation("Invoice " + invoice.number() + " is " + invoice.state().label().toLowerCase() + ": nothing is owed on it.");
        }
        if (!invoice.balanceDue().currency().equals(amount.currency())) {
            throw new RuleViolation("Invoice " + invoice.number() + " is in " + invoice.balanceDue().currency() + ", not " + amount.currency() + ".");
        }
        if (amount.compareTo(invoice.balanceDue()) > 0) {
            throw new RuleViolation("Invoice " + invoice.number() + " owes " + firmSettings.formats().money(invoice.balanceDue()) + ": the "
                    + entry.kind().label().toLowerCase() + " cannot be more.");
        }
        return invoice;
    }

    private void requireCredit(Client client, Money amount) {
        Money credit = ledgers.unappliedCredit(client.id()).getOrDefault(amount.currency(), Money.zero(amount.currency()));
        if (credit.compareTo(amount) < 0) {
            throw new RuleViolation(client.name() + " has " + (credit.isPositive() ? credit : "no " + amount.currency())
                    + " unapplied credit: " + amount + " cannot be used.");
        }
    }
}
