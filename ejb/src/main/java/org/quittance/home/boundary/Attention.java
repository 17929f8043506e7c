package org.quittance.home.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.billing.entity.InvoiceState;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.mail.entity.MailState;
import org.quittance.messaging.boundary.DeadLetters;
import org.quittance.messaging.control.Queue;
import org.quittance.money.Money;
import org.quittance.receipts.entity.ReceiptState;
import org.quittance.security.entity.Roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The staff home: what is waiting for someone at the firm, each with the screen where it is done. */
@RolesAllowed({Roles.ADMIN, Roles.BILLING})
@Stateless
public class Attention {

    /** Past due and unpaid, in one currency. */
    public record Overdue(String currency, long invoices, Money owed) {
    }

    public record Summary(long receiptsAwaitingAcceptance, long invoicesReadyToPublish, boolean portalInvoicing,
                          List<Overdue> overdue, long mailFailed, long deadLetters) {
        public boolean nothingWaiting() {
            return receiptsAwaitingAcceptance == 0 && invoicesReadyToPublish == 0 && overdue.isEmpty() && mailFailed == 0 && deadLetters == 0;
        }
    }

    /** At most this many dead letters are browsed per queue: the screen says "100 or more". */
    static final int DEAD_LETTERS_BROWSED = 100;

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    DeadLetters deadLetters;

    public Summary now() {
        long awaiting = em.createQuery("SELECT COUNT(r) FROM Receipt r WHERE r.state = :s", Long.class)
                .setParameter("s", ReceiptState.AWAITING_ACCEPTANCE).getSingleResult();
        boolean portalInvoicing = firmSettings.firm().portalInvoicing();
        long ready = portalInvoicing ? em.createQuery("""
                        SELECT COUNT(i) FROM Invoice i WHERE i.state = :s AND i.matter.client.portalInvoices = TRUE""", Long.class)
                .setParameter("s", InvoiceState.FINAL).getSingleResult() : 0;
        List<Overdue> overdue = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                        SELECT i.currency, COUNT(i), SUM(i.balanceDue) FROM Invoice i
                        WHERE i.state IN :payable AND i.balanceDue > 0 AND i.dueDate < :today
                        GROUP BY i.currency ORDER BY i.currency""", Object[].class)
                .setParameter("payable", InvoiceState.PAYABLE).setParameter("today", LocalDate.now()).getResultList()) {
            overdue.add(new Overdue((String) row[0], ((Number) row[1]).longValue(), Money.of((BigDecimal) row[2], (String) row[0])));
        }
        long failed = em.createQuery("SELECT COUNT(m) FROM OutgoingMail m WHERE m.state = :s", Long.class)
                .setParameter("s", MailState.FAILED).getSingleResult();
        long dead = 0;
        for (Queue queue : Queue.values()) {
            dead += deadLetters.list(queue, DEAD_LETTERS_BROWSED).size();
        }
        return new Summary(awaiting, ready, portalInvoicing, overdue, failed, dead);
    }
}
