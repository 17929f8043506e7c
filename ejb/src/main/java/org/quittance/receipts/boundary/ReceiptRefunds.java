package org.quittance.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.money.Money;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.platform.control.RuleViolation;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.receipts.entity.ReceiptState;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.util.List;

/**
 * Staff give a portal payment back to the client's card, in full or in part, through the firm's
 * processor. The books follow at once (credit first, then the newest invoices reopen); the
 * processor's own refund notification later finds them already right.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ReceiptRefunds {

    @EJB
    AuditTrail audit;

    @PersistenceContext
    EntityManager em;

    @EJB
    PaymentProcessors processors;

    @EJB
    ReceiptPosting posting;

    /**
     * @param entryKey the refund form's key: the same form sent twice refunds once
     * @return the processor's refund id
     */
    public String refund(@NotNull Long receiptId, @NotNull @DecimalMin(value = "0.01", message = "The refund must be above zero") BigDecimal amount,
                         @NotBlank(message = "Give a reason for the refund") @Size(max = 300) String reason,
                         @NotBlank @Size(max = 64) String entryKey) {
        String by = audit.caller();
        Receipt receipt = posting.locked(receiptId);
        @SuppressWarnings("unchecked")
        List<String> done = em.createNativeQuery("SELECT refund_id FROM receipt_refund WHERE entry_key = ?")
                .setParameter(1, entryKey).getResultList();
        if (!done.isEmpty()) {
            return done.get(0);
        }
        if (receipt.source() != ReceiptSource.PROCESSOR) {
            throw new RuleViolation("Only card payments can be refunded through the processor; a cheque or wire is repaid outside Quittance.");
        }
        if (receipt.state() == ReceiptState.REVERSED || receipt.state() == ReceiptState.REJECTED || receipt.disputed()) {
            throw new RuleViolation("Receipt " + receipt.paymentReference() + " is " + receipt.state().label().toLowerCase()
                    + (receipt.disputed() ? " and under a chargeback" : "") + ": there is nothing to refund.");
        }
        Money refund = Money.of(amount, receipt.currency());
        if (refund.compareTo(receipt.kept()) > 0) {
            throw new RuleViolation("At most " + receipt.kept() + " of this receipt can be refunded.");
        }
        String refundId;
        try {
            refundId = processors.require().refund(receipt.paymentReference(), refund, reason.trim(), "quittance-refund:" + entryKey);
        } catch (ProcessorUnavailable e) {
            throw new RuleViolation(e.getMessage());
        }
        em.createNativeQuery("""
                        INSERT INTO receipt_refund (refund_id, receipt_id, entry_key, currency, amount, reason, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, now())""")
                .setParameter(1, refundId).setParameter(2, receiptId).setParameter(3, entryKey).setParameter(4, receipt.currency())
                .setParameter(5, refund.amount()).setParameter(6, reason.trim()).setParameter(7, by).executeUpdate();
        posting.refunded(receiptId, receipt.refunded().plus(refund), reason.trim(), by);
        return refundId;
    }
}
