package org.quittance.it;

import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.money.Money;
import org.quittance.receipts.boundary.PayoutReconciliation;
import org.quittance.receipts.boundary.ReceiptImport;
import org.quittance.receipts.boundary.ReceiptIntake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A processor payout against the books: the sandbox pays out a day's card payments as one sum; the
 * payout carries two payments whose receipts the firm does not have yet (flagged) and one known only
 * from its notification (found by its payment); the receipt import brings the rest and the payout
 * reconciles, and a receipt whose net amount is off by a penny is flagged as a difference.
 */
@ExtendWith(ArquillianExtension.class)
class PayoutReconciliationIT {

    private static final String CURRENCY = "CHF";  // no other test settles in it, so a payout here carries only ours

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(PayoutReconciliationIT.class);
    }

    @EJB BillingFixtures fixtures;
    @EJB FirmSettings settings;
    @EJB ReceiptImport receiptImport;
    @EJB PayoutReconciliation reconciliation;
    @EJB ReceiptIntake intake;

    @PersistenceContext(unitName = "quittance")
    EntityManager em;

    @Test
    void aPayoutEqualsTheNetOfItsReceiptsAndWhatDoesNotAddUpIsFlagged() {
        fixtures.firmWithPortalInvoicing(true);
        fixtures.sandboxAccount();
        Instant day = Instant.parse("2003-01-01T00:00:00Z").plus(ThreadLocalRandom.current().nextInt(0, 5_000), ChronoUnit.DAYS);
        settle(day, 5, 10_000);
        assertEquals(BatchStatus.COMPLETED, importDay(day));
        settle(day.plus(12, ChronoUnit.HOURS), 2, 20_000);  // settled after the import ran: no receipts yet
        // ...except that one of them was notified: its receipt exists, without settlement facts.
        String notified = "pi_payout_" + day.getEpochSecond();
        SandboxClient.settle(List.of(new SandboxClient.Charge(30_000, CURRENCY, day.plus(13, ChronoUnit.HOURS), notified, Map.of(),
                "Card payment notified")));
        intake.record(new ReceiptIntake.ProcessorFacts(notified, null, null, Money.of("300.00", CURRENCY), null, null, null,
                OffsetDateTime.now(), null, "Card payment notified"), "payment notification");
        Instant payoutAt = day.plus(1, ChronoUnit.DAYS);
        SandboxClient.Payout paid = SandboxClient.payOut(CURRENCY, payoutAt);
        assertEquals(8, paid.transactions());

        LocalDate day1 = payoutAt.atZone(ZoneOffset.UTC).toLocalDate();
        assertEquals(new PayoutReconciliation.Fetched(1, 8), reconciliation.fetch(day1, day1));
        PayoutReconciliation.Reconciled first = payout(paid.id());
        assertEquals(Money.of(BigDecimal.valueOf(paid.amountMinor(), 2), CURRENCY), first.amount());
        assertEquals(List.of(6L, 2L), List.of(first.receipts(), first.missing()), "the notified payment is on the books by its payment");
        assertTrue(first.difference().isZero(), "the processor's figures add up; two payments are not on the books");
        assertFalse(first.balanced());
        assertTrue(first.finding().startsWith("2 card payments (CHF "), first.finding());

        assertEquals(BatchStatus.COMPLETED, importDay(day));
        assertEquals(new PayoutReconciliation.Fetched(1, 8), reconciliation.fetch(day1, day1), "fetching again duplicates nothing");
        PayoutReconciliation.Reconciled reconciled = payout(paid.id());
        assertTrue(reconciled.balanced(), reconciled.finding());
        assertEquals("Reconciled: 8 receipts", reconciled.finding());
        assertEquals(8L, count("SELECT COUNT(*) FROM receipt WHERE payout = ?", paid.id()), "its receipts name the payout");

        fixtures.execute("UPDATE receipt SET net = net - 0.01 WHERE id = (SELECT MIN(id) FROM receipt WHERE payout = ?)", paid.id());
        PayoutReconciliation.Reconciled off = payout(paid.id());
        assertEquals(Money.of("0.01", CURRENCY), off.difference());
        assertEquals("Differs by CHF 0.01: the receipts' net amounts do not add up to the payout.", off.finding());
    }

    private void settle(Instant at, int count, long minor) {
        SandboxClient.settle(IntStream.range(0, count).mapToObj(i -> new SandboxClient.Charge(minor + i, CURRENCY,
                at.plus(i, ChronoUnit.MINUTES), null, Map.of(), "Card payment " + i)).toList());
    }

    private BatchStatus importDay(Instant day) {
        long execution = receiptImport.start(day, day.plus(1, ChronoUnit.DAYS));
        Eventually.await("receipt import", Duration.ofMinutes(2), () -> !receiptImport.progress(execution).running());
        return receiptImport.progress(execution).status();
    }

    private PayoutReconciliation.Reconciled payout(String id) {
        return reconciliation.payouts(500).stream().filter(p -> p.payoutId().equals(id)).findFirst().orElseThrow();
    }

    private long count(String sql, String parameter) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
