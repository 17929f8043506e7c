package org.quittance.receipts.boundary;

import org.quittance.billing.entity.InvoiceState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.clients.entity.Client;
import org.quittance.money.Money;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.RuleViolation;
import org.quittance.billing.control.OpenInvoice;
import org.quittance.receipts.control.ReceiptAllocation;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.receipts.control.Split;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Actions › Receipt &amp; Adjustment Entry › Manual Receipt: money that reached the firm outside the
 * portal (a cheque, cash, a wire, an ACH credit), entered by staff against the client's invoices and
 * put on the books at once. The portal then shows those invoices paid, "marked paid outside the portal".
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ManualReceipts {

    /**
     * What staff enter.
     * @param parts     invoice id → amount; empty spreads the amount oldest due first
     * @param entryKey  the form's own key, made when the form opened: saving twice enters it once
     */
    public record Entry(@NotNull(message = "Choose the client who paid") Long clientId,
                        @NotNull(message = "Choose how the client paid") PaymentMethod method,
                        @NotBlank(message = "Give the cheque number or the bank's reference") @Size(max = 60) String reference,
                        @NotNull(message = "Give the date the money was received")
                        @PastOrPresent(message = "The date received cannot be in the future") LocalDate receivedOn,
                        @NotNull(message = "Give the amount received") @DecimalMin(value = "0.01", message = "The amount must be above zero") BigDecimal amount,
                        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
                        @NotNull Map<Long, BigDecimal> parts,
                        @Size(max = 300) String note,
                        @NotBlank @Size(max = 64) String entryKey) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    org.quittance.firm.boundary.FirmSettings firmSettings;

    @EJB
    ReceiptPosting posting;

    @EJB
    AuditTrail audit;

    /** @return the receipt's id; the same form saved again returns the first receipt's id */
    public long enter(@NotNull @Valid Entry entry) {
        String by = audit.caller();
        AdvisoryLock.hold(em, "manual-receipt", entry.entryKey());
        Optional<Receipt> saved = em.createQuery("SELECT r FROM Receipt r WHERE r.entryKey = :k", Receipt.class)
                .setParameter("k", entry.entryKey()).getResultStream().findFirst();
        if (saved.isPresent()) {
            return saved.get().id();
        }
        if (entry.method() == PaymentMethod.CARD) {
            throw new RuleViolation("Card payments reach the books from the processor; enter cheques, cash, wires and ACH credits here.");
        }
        Client client = em.find(Client.class, entry.clientId());
        if (client == null) {
            throw new RuleViolation("Client " + entry.clientId() + " does not exist.");
        }
        String reference = entry.reference().trim();
        AdvisoryLock.hold(em, "manual-receipt", client.id() + ":" + entry.method() + ":" + reference);
        duplicateOf(client.id(), entry.method(), reference).ifPresent(r -> {
            throw new RuleViolation(entry.method().label() + " " + reference + " from " + client.name() + " is already on the books ("
                    + firmSettings.formats().money(r.gross()) + ", received " + firmSettings.formats().date(r.receivedAt().toLocalDate()) + ").");
        });
        Money amount = Money.of(entry.amount(), entry.currency());
        Split split = split(client.id(), amount, entry.parts());
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime receivedAt = entry.receivedOn().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        String note = entry.note() == null || entry.note().isBlank() ? null : entry.note().trim();
        Receipt receipt = Receipt.entered(entry.method(), reference, client.id(), amount, receivedAt, note, entry.entryKey(), now);
        receipt.match(MatchKind.CERTAIN, client.id(), split.invoices(), entry.parts().isEmpty()
                ? "Entered by " + by + ", spread oldest due first." : "Entered by " + by + ".");
        em.persist(receipt);
        em.flush();
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), "entered", entry.method().label() + " " + reference + " " + amount
                + (note == null ? "" : " — " + note));
        posting.accept(receipt.id(), by);
        return receipt.id();
    }

    /** The client's invoices that can still be paid, oldest due first: what the form offers. */
    public List<OpenInvoice> openInvoices(@NotNull Long clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + OpenInvoice.COLUMNS + """

                        FROM invoice i JOIN matter m ON m.id = i.matter_id
                        WHERE m.client_id = ? AND i.state IN (""" + InvoiceState.PAYABLE_SQL + """
                        ) AND i.balance_due > 0
                        ORDER BY i.due_date, i.number""")
                .setParameter(1, clientId).getResultList();
        return rows.stream().map(OpenInvoice::of).toList();
    }

    private Split split(Long clientId, Money amount, Map<Long, BigDecimal> parts) {
        Map<Long, OpenInvoice> open = new LinkedHashMap<>();
        openInvoices(clientId).stream().filter(i -> i.balance().currency().equals(amount.currency())).forEach(i -> open.put(i.invoiceId(), i));
        if (parts.isEmpty()) {
            return ReceiptAllocation.oldestDueFirst(amount, List.copyOf(open.values()));
        }
        Map<Long, Money> chosen = new LinkedHashMap<>();
        for (Map.Entry<Long, BigDecimal> part : parts.entrySet()) {
            if (part.getValue() == null || part.getValue().signum() == 0) {
                continue;
            }
            OpenInvoice invoice = open.get(part.getKey());
            if (invoice == null) {
                throw new RuleViolation("Invoice " + part.getKey() + " is not an open " + amount.currency() + " invoice of this client.");
            }
            Money wanted = Money.of(part.getValue(), amount.currency());
            if (!wanted.isPositive() || wanted.compareTo(invoice.balance()) > 0) {
                throw new RuleViolation("The amount for " + invoice.number() + " must be above zero and at most its balance of "
                        + firmSettings.formats().money(invoice.balance()) + ".");
            }
            chosen.put(invoice.invoiceId(), wanted);
        }
        try {
            return ReceiptAllocation.asChosen(amount, chosen, open);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
    }

    private Optional<Receipt> duplicateOf(Long clientId, PaymentMethod method, String reference) {
        return em.createQuery("""
                        SELECT r FROM Receipt r WHERE r.source = :s AND r.clientId = :c AND r.method = :m AND r.paymentReference = :ref""",
                        Receipt.class)
                .setParameter("s", ReceiptSource.MANUAL).setParameter("c", clientId).setParameter("m", method).setParameter("ref", reference)
                .getResultStream().findFirst();
    }
}
