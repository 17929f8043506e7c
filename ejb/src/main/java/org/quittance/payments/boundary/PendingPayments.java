package org.quittance.payments.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.payments.entity.CheckoutState;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.PortalCheckout;

import java.time.OffsetDateTime;
import java.util.List;

/** The janitor's questions to our own records: what has been waiting too long. */
@Stateless
public class PendingPayments {

    public record OpenCheckout(Long id, String sessionId) {
    }

    @PersistenceContext
    EntityManager em;

    public List<String> stalePayments(OffsetDateTime cutoff) {
        // A bank debit is processing for days by design: asked about once it has been quiet for a week, not every minute.
        return em.createQuery("""
                        SELECT p.paymentIntent FROM ProcessorPayment p
                        WHERE p.state = :pending AND p.updatedAt < :cutoff AND p.paymentIntent IS NOT NULL
                        AND (p.cardBrand IS NULL OR p.cardBrand NOT IN :debits OR p.updatedAt < :debitCutoff)""", String.class)
                .setParameter("pending", PaymentState.PENDING).setParameter("cutoff", cutoff)
                .setParameter("debits", java.util.Arrays.stream(org.quittance.payments.entity.BankDebit.values()).map(d -> d.stripeType()).toList())
                .setParameter("debitCutoff", cutoff.minusDays(7)).setMaxResults(500).getResultList();
    }

    /** Open checkouts with no successful payment recorded: paid with the notification lost, or abandoned. */
    public List<OpenCheckout> staleCheckouts(OffsetDateTime cutoff) {
        return em.createQuery("""
                        SELECT NEW org.quittance.payments.boundary.PendingPayments.OpenCheckout(c.id, c.sessionId) FROM PortalCheckout c
                        WHERE c.state = :open AND c.createdAt < :cutoff AND c.sessionId IS NOT NULL""", OpenCheckout.class)
                .setParameter("open", CheckoutState.OPEN).setParameter("cutoff", cutoff).setMaxResults(500).getResultList();
    }

    public void expire(Long checkoutId) {
        em.find(PortalCheckout.class, checkoutId).settle(CheckoutState.EXPIRED, OffsetDateTime.now());
    }
}
