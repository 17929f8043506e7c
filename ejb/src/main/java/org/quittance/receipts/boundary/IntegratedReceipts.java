package org.quittance.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.money.Money;
import org.quittance.platform.control.RuleViolation;
import org.quittance.platform.control.SqlValues;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;
import org.quittance.receipts.entity.ReceiptState;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Actions › Receipt &amp; Adjustment Entry › Integrated Receipts: the receipts waiting for staff, and
 * Accept Selected, Reject and Undo acceptance.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class IntegratedReceipts {

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptPosting posting;

    @EJB
    AuditTrail audit;

    /** A receipt as the table shows it. */
    public record Row(Long id, OffsetDateTime receivedAt, Long clientId, String client, String invoices, Money gross, Money fee,
                      Money net, String reference, String payout, ReceiptState state, MatchKind matchKind, String matchReason,
                      String stateReason, Money unapplied, String decidedBy, ReceiptSource source, Money refunded,
                      boolean disputed, PaymentMethod method) implements java.io.Serializable {

        /** A card payment on the books can go back to the card through the processor. */
        public boolean refundable() {
            return source == ReceiptSource.PROCESSOR && state == ReceiptState.ACCEPTED && !disputed;
        }
    }

    /** @param state the receipts in this state, or all when null; @param search part of a client name or reference */
    public List<Row> list(ReceiptState state, String search, int limit) {
        String text = search == null || search.isBlank() ? null : "%" + search.trim().toLowerCase() + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT r.id, r.received_at, r.client_id, c.name,
                               (SELECT string_agg(i.number, ', ' ORDER BY i.number) FROM receipt_allocation a
                                JOIN invoice i ON i.id = a.invoice_id WHERE a.receipt_id = r.id),
                               r.currency, r.gross, r.fee, r.net, r.payment_reference, r.payout, r.state, r.match_kind,
                               r.match_reason, r.state_reason, r.unapplied, r.decided_by, r.source, r.refunded, r.disputed, r.method
                        FROM receipt r LEFT JOIN client c ON c.id = r.client_id
                        WHERE (CAST(? AS VARCHAR) IS NULL OR r.state = ?)
                          AND (CAST(? AS VARCHAR) IS NULL OR lower(c.name) LIKE ? OR lower(r.payment_reference) LIKE ?)
                        ORDER BY r.received_at DESC, r.id DESC LIMIT ?""")
                .setParameter(1, state == null ? null : state.name()).setParameter(2, state == null ? null : state.name())
                .setParameter(3, text).setParameter(4, text).setParameter(5, text)
                .setParameter(6, limit).getResultList();
        return rows.stream().map(IntegratedReceipts::row).toList();
    }

    private static Row row(Object[] r) {
        String currency = ((String) r[5]).trim();
        return new Row(((Number) r[0]).longValue(), SqlValues.timestamp(r[1]), r[2] == null ? null : ((Number) r[2]).longValue(),
                (String) r[3], (String) r[4], money((BigDecimal) r[6], currency), money((BigDecimal) r[7], currency),
                money((BigDecimal) r[8], currency), (String) r[9], (String) r[10], ReceiptState.valueOf((String) r[11]),
                MatchKind.valueOf((String) r[12]), (String) r[13], (String) r[14], money((BigDecimal) r[15], currency), (String) r[16],
                ReceiptSource.valueOf((String) r[17]), money((BigDecimal) r[18], currency), (Boolean) r[19],
                PaymentMethod.valueOf((String) r[20]));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    /** What Accept Selected did: applied now, found already decided (by someone else, or a double click), refused with why. */
    public record Accepted(int applied, int alreadyDecided, List<String> refused) {
    }

    /**
     * How many receipts of a selection are accepted in one transaction: a commit waits for the disk,
     * and a thousand of them were most of Accept Selected's time (issue 18).
     */
    static final int TOGETHER = 50;

    /**
     * Applies the selected receipts in id order, as if each had its own transaction: a group of them
     * commits together, and a group in which one is refused is applied again one by one, so that a
     * refused receipt leaves the others applied and is named.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Accepted acceptSelected(@NotNull List<Long> receiptIds) {
        String by = audit.caller();
        List<Long> ids = receiptIds.stream().distinct().sorted().toList();
        int applied = 0, already = 0;
        List<String> refused = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += TOGETHER) {
            List<Long> group = ids.subList(from, Math.min(ids.size(), from + TOGETHER));
            List<ReceiptPosting.Outcome> outcomes;
            try {
                outcomes = posting.acceptTogether(group, by);
            } catch (RuleViolation | EJBException e) {
                outcomes = new ArrayList<>();
                for (Long id : group) {
                    try {
                        outcomes.add(posting.acceptAlone(id, by));
                    } catch (RuleViolation refusal) {
                        refused.add(refusal.getMessage());
                    } catch (EJBException failure) {
                        refused.add("Receipt " + id + " could not be applied: " + rootMessage(failure));
                    }
                }
            }
            for (ReceiptPosting.Outcome outcome : outcomes) {
                if (outcome == ReceiptPosting.Outcome.APPLIED) {
                    applied++;
                } else {
                    already++;
                }
            }
        }
        return new Accepted(applied, already, refused);
    }

    public int reject(@NotNull List<Long> receiptIds, @NotBlank(message = "Give a reason for rejecting") @Size(max = 500) String reason) {
        String by = audit.caller();
        int rejected = 0;
        for (Long id : receiptIds.stream().distinct().sorted().toList()) {
            Receipt receipt = posting.locked(id);
            if (receipt.state() == ReceiptState.AWAITING_ACCEPTANCE) {
                receipt.reject(reason.trim(), by, OffsetDateTime.now());
                audit.record(by, AuditTrail.RECEIPT, id, "rejected", reason.trim());
                rejected++;
            }
        }
        return rejected;
    }

    public void undoAcceptance(@NotNull Long receiptId, @NotBlank(message = "Give a reason for undoing") @Size(max = 500) String reason) {
        String by = audit.caller();
        posting.takeBack(receiptId, reason.trim(), by, false);
    }

    /** Staff choose (or correct) the client and the split before accepting. */
    public void resplit(@NotNull Long receiptId, @NotNull Long clientId, @NotNull Map<Long, BigDecimal> parts) {
        String by = audit.caller();
        Receipt receipt = posting.locked(receiptId);
        Map<Long, Money> split = new LinkedHashMap<>();
        parts.forEach((invoice, amount) -> {
            if (amount != null && amount.signum() > 0) {
                split.put(invoice, Money.of(amount, receipt.currency()));
            }
        });
        Long owner = split.isEmpty() ? clientId : em.createQuery(
                        "SELECT DISTINCT i.matter.client.id FROM Invoice i WHERE i.id IN :ids", Long.class)
                .setParameter("ids", split.keySet()).getResultList().stream().reduce((a, b) -> -1L).orElse(null);
        if (owner == null || !owner.equals(clientId)) {
            throw new RuleViolation("The invoices chosen must all belong to the receipt's client.");
        }
        try {
            receipt.match(MatchKind.SUGGESTED, clientId, split, "Split chosen by " + by + ".");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RuleViolation(e.getMessage() + ".");
        }
        audit.record(by, AuditTrail.RECEIPT, receiptId, "split changed", split.toString());
    }

    public Receipt receipt(@NotNull Long id) {
        Receipt receipt = em.find(Receipt.class, id);
        if (receipt == null) {
            throw new RuleViolation("Receipt " + id + " does not exist.");
        }
        return receipt;
    }


    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
