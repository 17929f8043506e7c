package org.quittance.payments.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.Firm;
import org.quittance.mail.boundary.Mailer;
import org.quittance.money.Money;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.entity.ProcessorPayment;
import org.quittance.platform.control.PublicLinks;
import org.quittance.portal.entity.PortalUser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The client who paid in the portal hears what became of the payment: that it was received (with the
 * invoices it pays and a link to its receipt), and each time money is given back. Decided on what is
 * known of the payment before and after a notification, not on the order they arrive in; sent through
 * the outbox, keyed per payment and fact, so a notification applied twice mails nothing twice. A
 * refused card is not mailed: the client saw it on the payment page; a bank debit that fails when it
 * settles, or that the bank returns later, is, since the client has left the page days before.
 */
@Stateless
public class PayerNotices {

    private static final Logger LOG = Logger.getLogger(PayerNotices.class.getName());

    /** What a payment's client is told: received, or refunded up to a total. */
    public sealed interface Notice permits Received, Refunded, DebitFailed, DebitReturned {
    }

    /** A bank debit did not go through when it settled. */
    public record DebitFailed() implements Notice {
    }

    /** The bank took a succeeded debit back: its invoices are open again. */
    public record DebitReturned() implements Notice {
    }

    private static final java.util.Set<PaymentState> RETURNED = java.util.EnumSet.of(PaymentState.DISPUTED, PaymentState.DISPUTE_LOST);

    /** What a bank debit's payer hears beyond a card's: its failure, or its return by the bank. */
    public static List<Notice> debitDue(PaymentState before, PaymentState after) {
        if (after == PaymentState.FAILED && before != PaymentState.FAILED) {
            return List.of(new DebitFailed());
        }
        if (RETURNED.contains(after) && !RETURNED.contains(before)) {
            return List.of(new DebitReturned());
        }
        return List.of();
    }

    public record Received() implements Notice {
    }

    public record Refunded(Money total) implements Notice {
    }

    /** What knowing {@code now} instead of {@code before} tells the payer (refunds are totals, in the payment's currency). */
    public static List<Notice> due(boolean succeededBefore, Money refundedBefore, boolean succeededNow, Money refundedNow) {
        List<Notice> due = new ArrayList<>();
        if (succeededNow && !succeededBefore) {
            due.add(new Received());
        }
        if (refundedNow != null && refundedNow.isPositive() && (refundedBefore == null || refundedNow.compareTo(refundedBefore) > 0)) {
            due.add(new Refunded(refundedNow));
        }
        return due;
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    Mailer mailer;

    /** Mails the payer of a portal payment what is due; a payment not made in the portal has no payer to tell. */
    public void tell(ProcessorPayment payment, PaymentState stateBefore, boolean succeededBefore, Money refundedBefore) {
        List<Notice> due = new ArrayList<>(due(succeededBefore, refundedBefore, payment.succeeded(), payment.refunded()));
        if (payment.bankDebit().isPresent()) {
            due.addAll(debitDue(stateBefore, payment.state()));
        }
        if (due.isEmpty() || payment.checkoutId() == null || payment.amount() == null) {
            return;
        }
        PortalCheckout checkout = em.find(PortalCheckout.class, payment.checkoutId());
        PortalUser payer = em.find(PortalUser.class, checkout.portalUserId());
        if (payer == null) {
            LOG.warning(() -> "Checkout " + checkout.reference() + " has no portal user to tell");
            return;
        }
        Firm firm = firmSettings.firm();
        for (Notice notice : due) {
            if (notice instanceof Refunded r) {
                refunded(payment, checkout, payer, firm, r.total());
            } else if (notice instanceof Received) {
                received(payment, checkout, payer, firm);
            } else {
                debitNotTaken(payment, checkout, payer, firm, notice instanceof DebitReturned);
            }
        }
    }

    private void received(ProcessorPayment payment, PortalCheckout checkout, PortalUser payer, Firm firm) {
        String amount = firm.formats().money(payment.amount());
        StringBuilder body = greeting(payer)
                .append("Thank you: ").append(firm.name()).append(" has received your payment of ").append(amount).append(".\n\n")
                .append("It pays:\n");
        invoices(checkout).forEach((number, part) -> body.append("  ").append(number).append("  ").append(firm.formats().money(part)).append("\n"));
        body.append("\n");
        // No card here: notifications arrive in any order, and a refused card may be the one known at this moment.
        body.append("Reference:  ").append(checkout.reference()).append("\n\n")
                .append("Your receipt (PDF) is in the client portal:\n").append(receiptLink(checkout)).append("\n\n")
                .append(firm.name()).append("\n");
        mailer.queue("payer-notice:" + payment.id() + ":RECEIVED", payer.email(),
                "Payment received: " + amount + " — " + firm.name(), body.toString());
    }

    private void refunded(ProcessorPayment payment, PortalCheckout checkout, PortalUser payer, Firm firm, Money total) {
        String refunded = firm.formats().money(total);
        boolean whole = total.compareTo(payment.amount()) >= 0;
        StringBuilder body = greeting(payer)
                .append(firm.name()).append(whole ? " has refunded your payment of " : " has refunded part of your payment of ")
                .append(firm.formats().money(payment.amount())).append(" (reference ").append(checkout.reference()).append(").\n\n")
                .append("Refunded so far: ").append(refunded).append("\n\n")
                .append("The money goes back to the card or account that paid; your bank may take a few days to show it.\n")
                .append("What was refunded is due again on its invoices unless the firm tells you otherwise:\n")
                .append(PublicLinks.portal("")).append("\n\n")
                .append(firm.name()).append("\n");
        mailer.queue("payer-notice:" + payment.id() + ":REFUNDED:" + total.amount().toPlainString(), payer.email(),
                (whole ? "Payment refunded: " : "Part of your payment refunded: ") + refunded + " — " + firm.name(), body.toString());
    }

    private void debitNotTaken(ProcessorPayment payment, PortalCheckout checkout, PortalUser payer, Firm firm, boolean returned) {
        String amount = firm.formats().money(payment.amount());
        String debit = payment.bankDebit().orElseThrow().label();
        StringBuilder body = greeting(payer).append(returned
                        ? "Your bank has returned your " + debit + " of " + amount + " to " + firm.name() + " (reference " + checkout.reference()
                        + "), so it no longer pays these invoices:\n"
                        : "Your " + debit + " of " + amount + " to " + firm.name() + " (reference " + checkout.reference()
                        + ") did not go through" + (payment.failureReason() == null ? "" : ": " + payment.failureReason()) + "\n\nThese invoices are still open:\n");
        invoices(checkout).forEach((number, part) -> body.append("  ").append(number).append("  ").append(firm.formats().money(part)).append("\n"));
        body.append("\nYou can pay them in the client portal, by card or by bank debit:\n").append(PublicLinks.portal("")).append("\n\n")
                .append(firm.name()).append("\n");
        mailer.queue("payer-notice:" + payment.id() + (returned ? ":DEBIT_RETURNED" : ":DEBIT_FAILED"), payer.email(),
                (returned ? "Bank debit returned: " : "Bank debit not taken: ") + amount + " — " + firm.name(), body.toString());
    }

    private static StringBuilder greeting(PortalUser payer) {
        return new StringBuilder("Dear ").append(payer.contact() == null ? "client" : payer.contact().name()).append(",\n\n");
    }

    /** Invoice number → the part of it this checkout pays, in number order. */
    private Map<String, Money> invoices(PortalCheckout checkout) {
        Map<Long, Money> parts = checkout.allocations();
        Map<String, Money> byNumber = new TreeMap<>();
        if (parts.isEmpty()) {
            return byNumber;
        }
        List<Object[]> numbers = em.createQuery("SELECT i.id, i.number FROM Invoice i WHERE i.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(parts.keySet())).getResultList();
        for (Object[] n : numbers) {
            byNumber.put((String) n[1], parts.get((Long) n[0]));
        }
        return byNumber;
    }

    private static String receiptLink(PortalCheckout checkout) {
        return PublicLinks.portal("receipt?checkout=" + URLEncoder.encode(checkout.reference(), StandardCharsets.UTF_8));
    }
}
