package org.quittance.receipts.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import org.quittance.payments.control.MoneyReturned;
import org.quittance.payments.control.PaymentConfirmed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.money.Money;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.receipts.control.ReceiptMatch;
import org.quittance.receipts.control.ReceiptMatcher;
import org.quittance.receipts.control.ReceiptMatching;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Where processor payments become integrated receipts: from a success notification, or from the
 * receipt import when the notification never came. Whichever comes first creates the receipt; the
 * other finds it (the payment reference is unique) and at most adds what it knows better, such as the
 * fee and payout that only the settlement carries. With the firm's auto-apply policy a receipt whose
 * match is certain goes straight onto the books.
 */
@Stateless
public class ReceiptIntake {

    public static final String AUTO_APPLY = "auto-apply";

    /**
     * What the processor tells of a payment.
     * @param paymentReference  the processor's payment (PaymentIntent), or the charge when there is none
     * @param settlementId      the settled transaction, when it comes from the import
     * @param checkoutReference our portal checkout, from the payment's metadata
     */
    public record ProcessorFacts(String paymentReference, String chargeReference, String settlementId, Money gross, Money fee, Money net,
                                 String payout, OffsetDateTime receivedAt, String checkoutReference, String description) {
    }

    public enum Recorded { CREATED, COMPLETED, UNCHANGED }

    @PersistenceContext
    EntityManager em;

    @EJB
    ReceiptMatching matching;

    @EJB
    ReceiptPosting posting;

    @EJB
    FirmSettings firmSettings;

    @EJB
    AuditTrail audit;

    /** A payment the processor confirmed in a notification is a receipt from now on (once: known by its reference). */
    public void confirmed(@Observes PaymentConfirmed payment) {
        record(new ProcessorFacts(payment.paymentReference(), payment.chargeReference(), null, payment.amount(), null, null, null,
                payment.at(), payment.checkoutReference(), null), "payment notification");
    }

    /** What went back of a payment, as its notifications report it. */
    public void returned(@Observes MoneyReturned money) {
        moneyReturned(money.paymentReference(), money.totalRefunded(), money.chargedBack(), "payment notification");
    }

    public Recorded record(ProcessorFacts facts, String by) {
        AdvisoryLock.hold(em, "receipt", ReceiptSource.PROCESSOR + ":" + facts.paymentReference());
        Optional<Receipt> known = byPaymentReference(facts.paymentReference());
        if (known.isPresent()) {
            Receipt receipt = known.get();
            if (facts.settlementId() == null || receipt.settlementId() != null) {
                return Recorded.UNCHANGED;
            }
            receipt.settle(facts.settlementId(), facts.chargeReference(), facts.fee(), facts.net(), facts.payout());
            return Recorded.COMPLETED;
        }
        OffsetDateTime now = OffsetDateTime.now();
        Receipt receipt = new Receipt(ReceiptSource.PROCESSOR, PaymentMethod.CARD, facts.paymentReference(), facts.gross(),
                facts.receivedAt(), facts.description(), now);
        receipt.settle(facts.settlementId(), facts.chargeReference(), facts.fee(), facts.net(), facts.payout());
        Optional<PortalCheckout> checkout = checkout(facts.checkoutReference());
        ReceiptMatch match = matching.match(new ReceiptMatcher.Facts(facts.gross(),
                checkout.map(PortalCheckout::allocations).orElse(Map.of()), checkout.map(PortalCheckout::clientId).orElse(null),
                (facts.description() == null ? "" : facts.description()) + " " + facts.paymentReference()));
        receipt.match(match.kind(), match.clientId(), match.split().invoices(), match.reason());
        em.persist(receipt);
        em.flush();
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), "received",
                facts.gross() + " " + facts.paymentReference() + " — " + match.kind().label() + ": " + match.reason());
        if (match.kind() == MatchKind.CERTAIN && firmSettings.firm().paymentApplication() == PaymentApplication.AUTO_APPLY) {
            posting.accept(receipt.id(), AUTO_APPLY);
        }
        return Recorded.CREATED;
    }

    /**
     * What the processor says went back of a payment: the cumulative refund and whether a chargeback
     * holds the money. Reports are facts, so a repeated or late one changes nothing.
     */
    public void moneyReturned(String paymentReference, Money totalRefunded, boolean chargedBack, String by) {
        AdvisoryLock.hold(em, "receipt", ReceiptSource.PROCESSOR + ":" + paymentReference);
        byPaymentReference(paymentReference).ifPresent(receipt -> {
            if (totalRefunded != null && totalRefunded.isPositive()) {
                posting.refunded(receipt.id(), totalRefunded, null, by);
            }
            posting.chargedBack(receipt.id(), chargedBack, by);
        });
    }

    public Optional<Receipt> byPaymentReference(String paymentReference) {
        return em.createQuery("SELECT r FROM Receipt r WHERE r.source = :s AND r.paymentReference = :ref", Receipt.class)
                .setParameter("s", ReceiptSource.PROCESSOR).setParameter("ref", paymentReference)
                .getResultStream().findFirst();
    }

    private Optional<PortalCheckout> checkout(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM PortalCheckout c WHERE c.reference = :r", PortalCheckout.class)
                .setParameter("r", reference).getResultStream().findFirst();
    }
}
