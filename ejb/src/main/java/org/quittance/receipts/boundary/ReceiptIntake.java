package org.quittance.receipts.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import org.quittance.payments.control.MoneyReturned;
import org.quittance.payments.control.PaymentConfirmed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.audit.entity.AuditEvent;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.entity.PaymentApplication;
import org.quittance.money.Money;
import org.quittance.payments.entity.PortalCheckout;
import org.quittance.platform.control.AdvisoryLock;
import org.quittance.receipts.control.ReceiptMatch;
import org.quittance.receipts.control.ReceiptMatcher;
import org.quittance.receipts.control.ReceiptMatching;
import org.quittance.receipts.control.NewReceipts;
import org.quittance.receipts.control.ReceiptPosting;
import org.quittance.receipts.entity.MatchKind;
import org.quittance.receipts.entity.PaymentMethod;
import org.quittance.receipts.entity.Receipt;
import org.quittance.receipts.entity.ReceiptSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** The persistence unit's data source: within a transaction the same connection as the entity manager's. */
    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

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
        AdvisoryLock.hold(em, "receipt", lockKey(facts.paymentReference()));
        Outcome outcome = record(facts, byPaymentReference(facts.paymentReference()).orElse(null),
                facts.checkoutReference() == null ? null : checkouts(List.of(facts.checkoutReference())).get(facts.checkoutReference()), null, by);
        if (outcome.recorded() == Recorded.CREATED && !outcome.applied()) {
            persist(outcome.receipt(), facts, by);
        }
        return outcome.recorded();
    }

    /**
     * A chunk of the receipt import, as {@link #record} each, with one round trip each for the locks,
     * the receipts already known and the checkouts named, and the new receipts written together at
     * the end (issue 18: a lock, two look-ups and a flush per payment held the import to 582 a second).
     */
    public void recordAll(List<ProcessorFacts> chunk, String by) {
        List<String> references = chunk.stream().map(ProcessorFacts::paymentReference).distinct().sorted().toList();
        AdvisoryLock.holdAll(em, "receipt", references.stream().map(ReceiptIntake::lockKey).toList());
        Map<String, Receipt> known = new HashMap<>();
        processorReceipts(references).forEach(r -> known.put(r.paymentReference(), r));
        Map<String, PortalCheckout> checkouts = checkouts(chunk.stream().map(ProcessorFacts::checkoutReference)
                .filter(Objects::nonNull).distinct().toList());
        Map<String, ReceiptMatch> matched = matchNew(chunk, known, checkouts);
        NewReceipts fresh = new NewReceipts();
        List<String> received = new ArrayList<>();
        for (ProcessorFacts facts : chunk) {
            Outcome outcome = record(facts, known.get(facts.paymentReference()), checkouts.get(facts.checkoutReference()),
                    matched.get(facts.paymentReference()), by);
            known.put(facts.paymentReference(), outcome.receipt());
            if (outcome.applied()) {
                matched.clear();  // balances changed: the payments after this one are matched again, one by one
            } else if (outcome.recorded() == Recorded.CREATED) {
                fresh.add(outcome.receipt());  // written with the chunk's others at the end, and settled by a later line meanwhile
                received.add(receivedDetail(facts, outcome.receipt()));
            }
        }
        write(fresh, received, by);
        em.flush();
    }

    /** The chunk's new receipts and their audit events, in a statement per table. */
    private void write(NewReceipts fresh, List<String> received, String by) {
        if (fresh.isEmpty()) {
            return;
        }
        long[] ids;
        try (Connection connection = dataSource.getConnection()) {
            ids = fresh.write(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The receipts could not be written: " + e.getMessage(), e);
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<AuditEvent> events = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            events.add(new AuditEvent(now, by, AuditTrail.RECEIPT, String.valueOf(ids[i]), RECEIVED, received.get(i)));
        }
        audit.recordAll(events);
    }

    /** The matches of the chunk's payments that are new, found together. */
    private Map<String, ReceiptMatch> matchNew(List<ProcessorFacts> chunk, Map<String, Receipt> known, Map<String, PortalCheckout> checkouts) {
        Map<String, ProcessorFacts> fresh = new LinkedHashMap<>();
        chunk.stream().filter(f -> !known.containsKey(f.paymentReference())).forEach(f -> fresh.putIfAbsent(f.paymentReference(), f));
        List<ReceiptMatch> matches = matching.matchAll(fresh.values().stream()
                .map(f -> matchFacts(f, checkouts.get(f.checkoutReference()))).toList());
        Map<String, ReceiptMatch> byReference = new HashMap<>();
        int i = 0;
        for (String reference : fresh.keySet()) {
            byReference.put(reference, matches.get(i++));
        }
        return byReference;
    }

    private static ReceiptMatcher.Facts matchFacts(ProcessorFacts facts, PortalCheckout checkout) {
        return new ReceiptMatcher.Facts(facts.gross(), checkout == null ? Map.of() : checkout.allocations(), checkout == null ? null : checkout.clientId(),
                (facts.description() == null ? "" : facts.description()) + " " + facts.paymentReference());
    }

    /** @param applied whether the receipt went onto the books (the firm's auto-apply), changing invoice balances */
    private record Outcome(Recorded recorded, Receipt receipt, boolean applied) {
    }

    /**
     * One payment, its receipt known or not, under its lock: created once, completed by the settlement
     * once. A new receipt that does not go onto the books at once is left to the caller to write
     * (the single path persists it, an import's chunk writes its own together).
     */
    private Outcome record(ProcessorFacts facts, Receipt known, PortalCheckout checkout, ReceiptMatch matched, String by) {
        if (known != null) {
            if (facts.settlementId() == null || known.settlementId() != null) {
                return new Outcome(Recorded.UNCHANGED, known, false);
            }
            known.settle(facts.settlementId(), facts.chargeReference(), facts.fee(), facts.net(), facts.payout());
            return new Outcome(Recorded.COMPLETED, known, false);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Receipt receipt = new Receipt(ReceiptSource.PROCESSOR, PaymentMethod.CARD, facts.paymentReference(), facts.gross(),
                facts.receivedAt(), facts.description(), now);
        receipt.settle(facts.settlementId(), facts.chargeReference(), facts.fee(), facts.net(), facts.payout());
        ReceiptMatch match = matched != null ? matched : matching.match(matchFacts(facts, checkout));
        receipt.match(match.kind(), match.clientId(), match.split().invoices(), match.reason());
        if (match.kind() == MatchKind.CERTAIN && firmSettings.firm().paymentApplication() == PaymentApplication.AUTO_APPLY) {
            persist(receipt, facts, by);
            em.flush();
            posting.accept(receipt.id(), AUTO_APPLY);
            em.flush();  // the invoices it paid, as the next payment's matching reads them
            return new Outcome(Recorded.CREATED, receipt, true);
        }
        return new Outcome(Recorded.CREATED, receipt, false);
    }

    private void persist(Receipt receipt, ProcessorFacts facts, String by) {
        em.persist(receipt);
        audit.record(by, AuditTrail.RECEIPT, receipt.id(), RECEIVED, receivedDetail(facts, receipt));
    }

    private static final String RECEIVED = "received";

    /** What the audit trail says of a receipt that arrived: the amount, the payment and how it was matched. */
    private static String receivedDetail(ProcessorFacts facts, Receipt receipt) {
        return facts.gross() + " " + facts.paymentReference() + " — " + receipt.matchKind().label() + ": " + receipt.matchReason();
    }

    private static String lockKey(String paymentReference) {
        return ReceiptSource.PROCESSOR + ":" + paymentReference;
    }

    /**
     * What the processor says went back of a payment: the cumulative refund and whether a chargeback
     * holds the money. Reports are facts, so a repeated or late one changes nothing.
     */
    public void moneyReturned(String paymentReference, Money totalRefunded, boolean chargedBack, String by) {
        AdvisoryLock.hold(em, "receipt", lockKey(paymentReference));
        byPaymentReference(paymentReference).ifPresent(receipt -> {
            if (totalRefunded != null && totalRefunded.isPositive()) {
                posting.refunded(receipt.id(), totalRefunded, null, by);
            }
            posting.chargedBack(receipt.id(), chargedBack, by);
        });
    }

    public Optional<Receipt> byPaymentReference(String paymentReference) {
        return processorReceipts(List.of(paymentReference)).stream().findFirst();
    }

    /**
     * The processor's receipts of these payments. The source is written into the SQL so that
     * PostgreSQL may use the partial unique index on (source, payment_reference) in a generic plan
     * too: with the source bound, a chunk's look-up read the whole table (200 ms over 60,000 receipts).
     */
    @SuppressWarnings("unchecked")
    private List<Receipt> processorReceipts(List<String> paymentReferences) {
        return em.createNativeQuery("SELECT * FROM receipt WHERE source = '" + ReceiptSource.PROCESSOR.name()
                        + "' AND payment_reference = ANY (string_to_array(?, chr(30)))", Receipt.class)
                .setParameter(1, String.join("\u001e", paymentReferences)).getResultList();
    }

    private Map<String, PortalCheckout> checkouts(List<String> references) {
        Map<String, PortalCheckout> byReference = new HashMap<>();
        if (!references.isEmpty()) {
            em.createQuery("SELECT c FROM PortalCheckout c WHERE c.reference IN :r", PortalCheckout.class)
                    .setParameter("r", references).getResultList().forEach(c -> byReference.put(c.reference(), c));
        }
        return byReference;
    }
}
