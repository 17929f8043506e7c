package org.quittance.payments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.payments.control.NotificationRecords;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.ProcessorPayment;
import org.quittance.platform.control.SqlValues;
import org.quittance.security.entity.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The processor's payments as staff see them, and what their notifications did ({@link ProcessorEvents} applies them). */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class ProcessorPayments {

    /** The outcome of a notification that contradicts what is known: recorded at once, never retried. */
    public static final String CONFLICT = NotificationRecords.CONFLICT;

    @PersistenceContext
    EntityManager em;

    @EJB
    NotificationRecords notifications;

    /** A processor payment as staff see it, with the client and invoices of its portal checkout. */
    public record Listed(Long id, OffsetDateTime at, String client, String invoices, org.quittance.money.Money amount, String card,
                         PaymentState state, String failureReason, String reference) {
    }

    /** The newest processor payments, for the staff screen. */
    public List<Listed> recent(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT p.id, p.updated_at, cl.name,
                               (SELECT string_agg(pi.number, ', ' ORDER BY pi.number) FROM portal_checkout_allocation a
                                JOIN invoice pi ON pi.id = a.invoice_id WHERE a.checkout_id = c.id),
                               p.amount, p.currency, p.card_brand, p.card_last4, p.state, p.failure_reason,
                               COALESCE(p.payment_intent, p.charge)
                        FROM processor_payment p
                        LEFT JOIN portal_checkout c ON c.id = p.checkout_id
                        LEFT JOIN client cl ON cl.id = c.client_id
                        ORDER BY p.updated_at DESC, p.id DESC LIMIT ?""")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Listed(((Number) r[0]).longValue(),
                SqlValues.timestamp(r[1]),
                (String) r[2], (String) r[3],
                r[4] == null ? null : org.quittance.money.Money.of((java.math.BigDecimal) r[4], ((String) r[5]).trim()),
                r[7] == null ? null : org.quittance.payments.entity.BankDebit.ofMethod((String) r[6]).map(d -> d.label()).orElse((String) r[6]) + " ····" + r[7], PaymentState.valueOf((String) r[8]), (String) r[9], (String) r[10])).toList();
    }

    public Optional<ProcessorPayment> byPaymentIntent(String paymentIntent) {
        return em.createQuery("SELECT p FROM ProcessorPayment p WHERE p.paymentIntent = :pi", ProcessorPayment.class)
                .setParameter("pi", paymentIntent).getResultStream().findFirst();
    }

    public long changes(long paymentId) {
        return notifications.changes(paymentId);
    }

    public long notifications(String eventId) {
        return notifications.count(eventId);
    }

    /** Notifications that contradict the books, for staff to look into. */
    public List<NotificationRecords.Conflict> conflicts(int limit) {
        return notifications.conflicts(limit);
    }

    public String outcome(String eventId) {
        return notifications.latestOutcome(eventId);
    }
}
