package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.billing.entity.Invoice;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.ledger.boundary.Ledgers;
import org.quittance.ledger.entity.EntryKind;
import org.quittance.money.Money;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.platform.control.RuleViolation;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptState;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts a receipt on the books and takes it off again. The receipt's row is locked first and then its
 * invoices in id order, so that two staff (or a double click, or auto-apply racing a person) apply
 * it once and never deadlock; the second finds it no longer awaiting and changes nothing.
 */
@Stateless
public class ReceiptPosting {

    public enum Outcome { APPLIED, ALREADY_DECIDED }

    private static final Set<InvoiceState> PAYABLE = InvoiceState.PAYABLE;

    @PersistenceContext
    EntityManager em;

    @EJB
    org.quittance.firm.boundary.FirmSettings firmSettings;

    @EJB
    Ledgers ledgers;

    @EJB
    AuditTrail audit;

    /** Accepts one receipt of a selection in a transaction of its own: one refusal does not undo the others. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome acceptAlone(long receiptId, String by) {
        return accept(receiptId, by);
    }

    /**
     * Accepts receipts of a selection together, in one transaction of their own: all of them, or
     * none when one is refused (the rule's refusal rolls the transaction back), so that the caller
     * can accept that group one by one and tell which.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> acceptTogether(List<Long> receiptIds, String by) {
        // The group's receipts, then all their invoices, each locked in one query and in id order (the
        // order every posting locks in), instead of a lookup per receipt and per invoice.
        List<Receipt> receipts = em.createQuery("SELECT r FROM Receipt r WHERE r.id IN :ids ORDER BY r.id", Receipt.class)
                .setParameter("ids", receiptIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (receipts.size() != receiptIds.stream().distinct().count()) {
            throw new RuleViolation("A selected receipt does not exist.");  // each is then tried alone, and the missing one named
        }
        List<Long> invoiceIds = receipts.stream().flatMap(r -> r.allocations().keySet().stream()).distinct().sorted().toList();
        Map<Long, Invoice> invoices = new TreeMap<>();
        if (!invoiceIds.isEmpty()) {
            em.createQuery("SELECT i FROM Invoice i WHERE i.id IN :ids ORDER BY i.id", Invoice.class)
                    .setParameter("ids", invoiceIds).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                    .forEach(i -> invoices.put(i.id(), i));
        }
        return receipts.stream().map(r -> accept(r, ids -> {
            Map<Long, Invoice> these = new TreeMap<>();
            ids.forEach(id -> { if (invoices.containsKey(id)) these.put(id, invoices.get(id)); });
            return these;
        }, by)).toList();
    }

    public Outcome accept(long receiptId, String by) {
        return accept(locked(receiptId), this::lockedInvoices, by);
    }

    /** @param lockedInvoices the receipt's invoices by id, locked (the caller's way of locking them) */
    private Outcome accept(Receipt receipt, java.util.function.Function<List<Long>, Map<Long, Invoice>> lockedInvoices, String by) {
        if (receipt.state() != ReceiptState.AWAITING_ACCEPTANCE) {
            return Outcome.ALREADY_DECIDED;
        }
        if (receipt.clientId() == null) {
            throw new RuleViolation("Receipt " + receipt.paymentReference() + " has no client yet: choose the client and invoices it pays.");
        }
        if (receipt.disputed()) {
            throw new RuleViolation("Receipt " + receipt.paymentReference() + " is under a chargeback: it can be accepted once the dispute is won.");
        }
        if (!receipt.kept().isPositive()) {
            throw new RuleViolation("Receipt " + receipt.paymentReference() + " was refunded in full: reject it instead.");
        }
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, Invoice> invoices = lockedInvoices.apply(receipt.allocations().keySet().stream().toList());
        Map<Long, OpenInvoice> open = new LinkedHashMap<>();
        invoices.values().stream()
                .filter(i -> PAYABLE.contains(i.state()) && i.matter().client().id().equals(receipt.clientId()))
                .forEach(i -> open.put(i.id(), new OpenInvoice(i.id(), i.number(), receipt.clientId(), i.matter().id(), i.dueDate(), i.balanceDue())));
        Split split = ReceiptAllocation.asChosen(receipt.kept(), receipt.allocations(), open);
        if (!split.invoices().equals(receipt.allocations())) {
            // An invoice was paid meanwhile: record what is really applied, the rest is credit.
            receipt.match(receipt.matchKind(), receipt.clientId(), split.invoices(), receipt.matchReason());
        }
        String label = label(receipt);
        split.invoices().forEach((invoiceId, part) -> {
            Invoice invoice = invoices.get(invoiceId);
            invoice.receive(part);
            ledgers.postOnInvoice(invoice.ledgerAccount(), receipt.id(), EntryKind.RECEIPT, label, part.negate(), by, now);
        });
        if (split.unapplied().isPositive()) {
            ledgers.postOnClient(receipt.clientId(), receipt.id(), EntryKind.UNAPPLIED_CREDIT, label + " — unapplied credit",
                    split.unapplied().negate(), by, now);
        }
        receipt.accept(split.unapplied(), by, now);
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), "accepted", receipt.gross() + " applied: " + describe(split, invoices));
        return Outcome.APPLIED;
    }

    /**
     * Takes an accepted receipt off the books with reversing entries and lets it wait again (undo),
     * or ends it as reversed (the money went back: chargeback, bank return).
     */
    public void takeBack(long receiptId, String reason, String by, boolean moneyReturned) {
        Receipt receipt = locked(receiptId);
        if (receipt.state() != ReceiptState.ACCEPTED) {
            if (moneyReturned && receipt.state() != ReceiptState.REVERSED) {
                receipt.reverse(reason, by, OffsetDateTime.now());
                audit.record(by, AuditTrail.RECEIPT, receipt.id(), "reversed", reason);
                return;
            }
            throw new RuleViolation("Receipt " + receipt.paymentReference() + " is " + receipt.state().label().toLowerCase()
                    + ": only an accepted receipt can be undone.");
        }
        Money unapplied = receipt.unapplied();
        if (unapplied.isPositive() && !moneyReturned) {
            AdvisoryLock.hold(em, "client-credit", String.valueOf(receipt.clientId()));  // as Adjustments spends credit
            Money credit = ledgers.unappliedCredit(receipt.clientId()).getOrDefault(receipt.currency(), Money.zero(receipt.currency()));
            if (credit.compareTo(unapplied) < 0) {
                throw new RuleViolation("The " + firmSettings.formats().money(unapplied) + " of credit this receipt left has been used since; take that back first.");
            }
        }
        OffsetDateTime now = OffsetDateTime.now();
        Map<Long, Invoice> invoices = lockedInvoices(receipt.allocations().keySet().stream().toList());
        String label = (moneyReturned ? "Returned: " : "Undone: ") + label(receipt) + " — " + reason;
        receipt.allocations().forEach((invoiceId, part) -> {
            Invoice invoice = invoices.get(invoiceId);
            invoice.reopen(part);
            ledgers.postOnInvoice(invoice.ledgerAccount(), receipt.id(), EntryKind.RECEIPT_REVERSAL, label, part, by, now);
        });
        if (unapplied.isPositive()) {
            ledgers.postOnClient(receipt.clientId(), receipt.id(), EntryKind.RECEIPT_REVERSAL, label + " (credit)", unapplied, by, now);
        }
        if (moneyReturned) {
            receipt.reverse(reason, by, now);
        } else {
            receipt.undoAcceptance(reason, by, now);
        }
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), moneyReturned ? "reversed" : "acceptance undone", reason);
    }

    /**
     * A refund reached the client (issued by staff, or reported by the processor): the cumulative
     * amount refunded. An accepted receipt gives it back from its unapplied credit first, then from
     * its newest invoices, which reopen; a receipt still waiting keeps a smaller split.
     */
    public void refunded(long receiptId, Money totalRefunded, String reason, String by) {
        Receipt receipt = locked(receiptId);
        Money now = receipt.refund(totalRefunded);
        if (!now.isPositive()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now();
        String detail = now + " refunded (" + receipt.refunded() + " of " + receipt.gross() + " in all)" + (reason == null ? "" : ": " + reason);
        if (receipt.state() == ReceiptState.AWAITING_ACCEPTANCE) {
            Money planned = receipt.gross().minus(receipt.refunded().minus(now)).minus(receipt.allocated());
            Split back = ReceiptAllocation.takeBack(now, receipt.allocations(), planned);
            receipt.reduce(back.invoices(), Money.zero(receipt.currency()));
            if (!receipt.kept().isPositive()) {
                receipt.reverse("Refunded in full before it was accepted", by, at);
            }
        } else if (receipt.state() == ReceiptState.ACCEPTED) {
            Split back = ReceiptAllocation.takeBack(now, receipt.allocations(), receipt.unapplied());
            Map<Long, Invoice> invoices = lockedInvoices(back.invoices().keySet().stream().toList());
            String label = "Refunded to the client: " + label(receipt) + (reason == null ? "" : " — " + reason);
            back.invoices().forEach((invoiceId, part) -> {
                Invoice invoice = invoices.get(invoiceId);
                invoice.reopen(part);
                ledgers.postOnInvoice(invoice.ledgerAccount(), receipt.id(), EntryKind.REFUND, label, part, by, at);
            });
            if (back.unapplied().isPositive()) {
                ledgers.postOnClient(receipt.clientId(), receipt.id(), EntryKind.CREDIT_REFUNDED, label + " (credit)", back.unapplied(), by, at);
            }
            receipt.reduce(back.invoices(), back.unapplied());
            if (!receipt.kept().isPositive()) {
                receipt.reverse("Refunded in full", by, at);
            }
            detail += ", taken back from " + describe(back, invoices);
        }
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), "refunded", detail);
    }

    /**
     * A chargeback: the client's bank took the money back (opened, true) or the firm won the dispute
     * (false). An accepted receipt is reversed and its invoices reopen; a won dispute applies it again.
     * @return whether anything changed (a repeated report changes nothing)
     */
    public boolean chargedBack(long receiptId, boolean moneyWithdrawn, String by) {
        Receipt receipt = locked(receiptId);
        if (receipt.disputed() == moneyWithdrawn) {
            return false;
        }
        boolean wasReversedByIt = !moneyWithdrawn && receipt.state() == ReceiptState.REVERSED;
        if (moneyWithdrawn && receipt.state() == ReceiptState.ACCEPTED) {
            takeBack(receiptId, "Chargeback: the client's bank withdrew the payment", by, true);
        }
        receipt.disputed(moneyWithdrawn);
        if (moneyWithdrawn) {
            audit.record(by, AuditTrail.RECEIPT, receipt.id(), "charged back", receipt.gross() + " withdrawn by the client's bank");
            return true;
        }
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), "dispute won", receipt.gross() + " returned to the firm");
        if (wasReversedByIt && receipt.kept().isPositive()) {
            receipt.reinstate("Dispute won", by, OffsetDateTime.now());
            accept(receiptId, by);
        }
        return true;
    }

    /** How the ledgers name the receipt: a portal payment says so. */
    static String label(Receipt receipt) {
        return switch (receipt.source()) {
            case PROCESSOR -> "Paid from portal (" + receipt.paymentReference() + ")";
            case BANK -> receipt.method().label() + " received (" + receipt.paymentReference() + ")";
            case MANUAL -> receipt.method().label() + " " + receipt.paymentReference() + " — paid outside the portal";
        };
    }

    /** The receipt, locked for this transaction: what every decision on a receipt starts with. */
    public Receipt locked(long receiptId) {
        Receipt receipt = em.find(Receipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE);
        if (receipt == null) {
            throw new RuleViolation("Receipt " + receiptId + " does not exist.");
        }
        return receipt;
    }

    private Map<Long, Invoice> lockedInvoices(List<Long> ids) {
        Map<Long, Invoice> invoices = new TreeMap<>();
        ids.stream().sorted().forEach(id -> {
            Invoice invoice = em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (invoice != null) {
                invoices.put(id, invoice);
            }
        });
        return invoices;
    }

    private static String describe(Split split, Map<Long, Invoice> invoices) {
        StringBuilder s = new StringBuilder();
        split.invoices().forEach((id, part) -> s.append(s.isEmpty() ? "" : ", ").append(invoices.get(id).number()).append(' ').append(part));
        if (split.unapplied().isPositive()) {
            s.append(s.isEmpty() ? "" : ", ").append("credit ").append(split.unapplied());
        }
        return s.toString();
    }
}
