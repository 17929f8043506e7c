package org.quittance.receipts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.money.Money;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorPayout;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.platform.control.RuleViolation;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Payout reconciliation: the processor pays the firm's bank one sum for many clients' payments, less
 * fees, refunds and disputes. Each payout and the settled transactions it carries are fetched from the
 * processor; its card payments must be receipts on our books (found by settlement, or by payment when
 * only the payment's notification has been recorded), and the payout must equal their net
 * amounts plus the rest (refunds, disputes). A payout that does not add up, or that carries payments
 * we have no receipt for, is flagged; its receipts are marked with the payout, as the bank sees it.
 */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class PayoutReconciliation {

    private static final int PAGE = 100;

    /** What a fetch brought: payouts and the transactions they carry. */
    public record Fetched(int payouts, int transactions) {
    }

    /**
     * One payout against our books.
     * @param receiptsNet the net amounts our receipts record for its card payments
     * @param otherNet its other transactions: refunds, disputes, adjustments (negative)
     * @param missing its card payments that are not receipts on our books (yet), and their net
     * @param difference what the payout says less all of the above: zero when it adds up
     */
    public record Reconciled(String payoutId, LocalDate arrival, String status, Money amount, long receipts, Money receiptsNet,
                             Money otherNet, long missing, Money missingNet, Money difference) implements java.io.Serializable {

        public boolean balanced() {
            return missing == 0 && difference.isZero();
        }

        /** What staff should know: reconciled, or what is wrong. */
        public String finding() {
            if (balanced()) {
                return "Reconciled: " + receipts + (receipts == 1 ? " receipt" : " receipts") + (otherNet.isZero() ? "" : " and " + otherNet + " of refunds and disputes");
            }
            StringBuilder s = new StringBuilder();
            if (missing > 0) {
                s.append(missing).append(" card payment").append(missing == 1 ? "" : "s").append(" (").append(missingNet)
                        .append(") not on the books: run the receipt import for their dates. ");
            }
            if (!difference.isZero()) {
                s.append("Differs by ").append(difference).append(": the receipts' net amounts do not add up to the payout.");
            }
            return s.toString().strip();
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    PaymentProcessors processors;

    @EJB
    AuditTrail audit;

    /** Fetches the payouts created in [from, to] and what they carry; fetching again updates, never duplicates. */
    public Fetched fetch(@NotNull LocalDate from, @NotNull LocalDate to) {
        String by = audit.caller();
        PaymentProcessor processor = processors.require();
        int payouts = 0;
        int transactions = 0;
        try {
            String after = null;
            List<ProcessorPayout> page;
            do {
                page = processor.payouts(from.atStartOfDay().toInstant(ZoneOffset.UTC), to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        after, PAGE);
                for (ProcessorPayout payout : page) {
                    store(payout);
                    transactions += storeTransactions(processor, payout.id());
                    markReceipts(payout.id());
                    payouts++;
                    after = payout.id();
                }
            } while (page.size() == PAGE);
        } catch (ProcessorUnavailable e) {
            throw new RuleViolation("The processor could not list its payouts: " + e.getMessage());
        }
        audit.record(by, AuditTrail.PAYOUTS, from + " to " + to, "payouts fetched", payouts + " payouts, " + transactions + " transactions");
        return new Fetched(payouts, transactions);
    }

    /** The payouts fetched, newest arrival first, each against our receipts. */
    public List<Reconciled> payouts(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT p.id, p.arrival_date, p.status, p.currency, p.amount,
                               COUNT(r.id),
                               COALESCE(SUM(COALESCE(r.net, t.net)) FILTER (WHERE r.id IS NOT NULL), 0),
                               COALESCE(SUM(t.net) FILTER (WHERE t.type NOT IN ('charge', 'payment')), 0),
                               COUNT(t.transaction_id) FILTER (WHERE t.type IN ('charge', 'payment') AND r.id IS NULL),
                               COALESCE(SUM(t.net) FILTER (WHERE t.type IN ('charge', 'payment') AND r.id IS NULL), 0)
                        FROM processor_payout p
                        LEFT JOIN payout_transaction t ON t.payout_id = p.id
                        LEFT JOIN receipt r ON r.source = 'PROCESSOR' AND t.type IN ('charge', 'payment')
                             AND (r.settlement_id = t.transaction_id OR r.payment_reference = t.payment_reference)
                        GROUP BY p.id, p.arrival_date, p.status, p.currency, p.amount
                        ORDER BY p.arrival_date DESC, p.id LIMIT ?""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> {
            String currency = ((String) r[3]).trim();
            Money amount = SqlValues.money(r[4], currency);
            Money receiptsNet = SqlValues.money(r[6], currency);
            Money otherNet = SqlValues.money(r[7], currency);
            Money missingNet = SqlValues.money(r[9], currency);
            return new Reconciled((String) r[0], ((Date) r[1]).toLocalDate(), (String) r[2], amount, ((Number) r[5]).longValue(), receiptsNet,
                    otherNet, ((Number) r[8]).longValue(), missingNet, amount.minus(receiptsNet).minus(otherNet).minus(missingNet));
        }).toList();
    }

    private void store(ProcessorPayout payout) {
        em.createNativeQuery("""
                        INSERT INTO processor_payout (id, currency, amount, arrival_date, status, created_at, fetched_at)
                        VALUES (?, ?, ?, ?, ?, ?, now())
                        ON CONFLICT (id) DO UPDATE SET amount = EXCLUDED.amount, arrival_date = EXCLUDED.arrival_date,
                            status = EXCLUDED.status, fetched_at = now()""")
                .setParameter(1, payout.id()).setParameter(2, payout.amount().currency()).setParameter(3, payout.amount().amount())
                .setParameter(4, payout.arrival()).setParameter(5, payout.status())
                .setParameter(6, payout.created().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    private int storeTransactions(PaymentProcessor processor, String payoutId) throws ProcessorUnavailable {
        int stored = 0;
        String after = null;
        List<SettledTransaction> page;
        do {
            page = processor.payoutTransactions(payoutId, after, PAGE);
            for (SettledTransaction t : page) {
                em.createNativeQuery("""
                                INSERT INTO payout_transaction (transaction_id, payout_id, type, currency, net, payment_reference)
                                VALUES (?, ?, ?, ?, ?, ?)
                                ON CONFLICT (transaction_id) DO UPDATE SET payment_reference = EXCLUDED.payment_reference""")
                        .setParameter(1, t.id()).setParameter(2, payoutId).setParameter(3, t.type()).setParameter(4, t.net().currency())
                        .setParameter(5, t.net().amount()).setParameter(6, t.paymentId() != null ? t.paymentId() : t.source())
                        .executeUpdate();
                stored++;
                after = t.id();
            }
        } while (page.size() == PAGE);
        return stored;
    }

    /** The receipts a payout carries say so: the bank's one credit explains them. */
    private void markReceipts(String payoutId) {
        em.createNativeQuery("""
                        UPDATE receipt r SET payout = t.payout_id FROM payout_transaction t
                        WHERE t.payout_id = ? AND r.source = 'PROCESSOR' AND t.type IN ('charge', 'payment')
                          AND (r.settlement_id = t.transaction_id OR r.payment_reference = t.payment_reference)
                          AND r.payout IS DISTINCT FROM t.payout_id""")
                .setParameter(1, payoutId).executeUpdate();
    }
}
