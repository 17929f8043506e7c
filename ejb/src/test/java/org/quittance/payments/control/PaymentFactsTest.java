package org.quittance.payments.control;

import org.quittance.payments.processor.PaymentEvent;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.payments.entity.PaymentState;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The payment state machine must end in the same state whatever the order and repetition of its events. */
class PaymentFactsTest {

    private static final Money AMOUNT = Money.of("500.00", "GBP");
    private static final PaymentEvent PENDING = new PaymentEvent.Pending();
    private static final PaymentEvent SUCCEEDED = new PaymentEvent.Succeeded();
    private static final PaymentEvent FAILED = new PaymentEvent.Failed("card_declined");
    private static final PaymentEvent DISPUTE = new PaymentEvent.DisputeOpened();

    private static PaymentEvent refunded(String total) {
        return new PaymentEvent.Refunded(Money.of(total, "GBP"));
    }

    private static PaymentState stateAfter(List<PaymentEvent> events) {
        PaymentFacts facts = PaymentFacts.of(AMOUNT);
        for (PaymentEvent e : events) {
            facts = facts.with(e);
        }
        return facts.state();
    }

    /** Every order of the events, each also delivered twice in a row, gives the expected state. */
    private static void assertEveryOrderEndsIn(PaymentState expected, PaymentEvent... events) {
        List<List<PaymentEvent>> orders = permutations(List.of(events));
        for (List<PaymentEvent> order : orders) {
            assertEquals(expected, stateAfter(order), () -> "order " + order);
            List<PaymentEvent> twice = new ArrayList<>();
            order.forEach(e -> { twice.add(e); twice.add(e); });
            assertEquals(expected, stateAfter(twice), () -> "each twice " + twice);
        }
    }

    @Test
    void theHappyPaths() {
        assertEquals(PaymentState.PENDING, stateAfter(List.of()));
        assertEveryOrderEndsIn(PaymentState.SUCCEEDED, PENDING, SUCCEEDED);
        assertEveryOrderEndsIn(PaymentState.FAILED, PENDING, FAILED);
    }

    @Test
    void aRetryThatSucceedsAfterADeclineIsSucceeded() {
        assertEveryOrderEndsIn(PaymentState.SUCCEEDED, PENDING, FAILED, SUCCEEDED);
    }

    @Test
    void refundsAreCumulativeAndTheLargestReportWins() {
        assertEveryOrderEndsIn(PaymentState.PARTLY_REFUNDED, PENDING, SUCCEEDED, refunded("100.00"), refunded("200.00"));
        assertEveryOrderEndsIn(PaymentState.REFUNDED, PENDING, SUCCEEDED, refunded("200.00"), refunded("500.00"));
        PaymentFacts facts = PaymentFacts.of(AMOUNT).with(SUCCEEDED).with(refunded("200.00")).with(refunded("100.00"));
        assertEquals(Money.of("300.00", "GBP"), facts.retained());
    }

    @Test
    void refundsReportedOneByOneAddUpInAnyOrderButNeverBeyondThePayment() {
        // (Each such notification is kept once by the inbox, so none arrives twice here.)
        PaymentEvent first = new PaymentEvent.RefundAdded(Money.of("100.00", "GBP"));
        PaymentEvent second = new PaymentEvent.RefundAdded(Money.of("150.00", "GBP"));
        for (List<PaymentEvent> order : permutations(List.of(SUCCEEDED, first, second))) {
            PaymentFacts facts = PaymentFacts.of(AMOUNT);
            for (PaymentEvent e : order) {
                facts = facts.with(e);
            }
            assertEquals(PaymentState.PARTLY_REFUNDED, facts.state(), () -> "order " + order);
            assertEquals(Money.of("250.00", "GBP"), facts.retained(), () -> "order " + order);
        }
        PaymentFacts all = PaymentFacts.of(AMOUNT).with(SUCCEEDED).with(new PaymentEvent.RefundAdded(Money.of("400.00", "GBP")))
                .with(new PaymentEvent.RefundAdded(Money.of("400.00", "GBP")));
        assertEquals(PaymentState.REFUNDED, all.state());
        assertEquals(AMOUNT, all.refunded(), "never more than was paid");
    }

    @Test
    void aRefundArrivingBeforeItsSuccessStillEndsRefunded() {
        assertEquals(PaymentState.REFUNDED, stateAfter(List.of(refunded("500.00"))));
        assertEveryOrderEndsIn(PaymentState.REFUNDED, refunded("500.00"), SUCCEEDED, PENDING);
    }

    @Test
    void disputesOpenAndCloseWhateverTheOrder() {
        assertEveryOrderEndsIn(PaymentState.DISPUTED, SUCCEEDED, DISPUTE);
        assertEveryOrderEndsIn(PaymentState.DISPUTE_WON, PENDING, SUCCEEDED, DISPUTE, new PaymentEvent.DisputeClosed(true));
        assertEveryOrderEndsIn(PaymentState.DISPUTE_LOST, PENDING, SUCCEEDED, DISPUTE, new PaymentEvent.DisputeClosed(false));
        PaymentFacts lost = PaymentFacts.of(AMOUNT).with(new PaymentEvent.DisputeClosed(false)).with(SUCCEEDED);
        assertTrue(lost.retained().isZero(), "a lost dispute takes the money back");
        PaymentFacts open = PaymentFacts.of(AMOUNT).with(SUCCEEDED).with(DISPUTE);
        assertTrue(open.retained().isZero(), "an open dispute: the card's bank has withdrawn the money");
        PaymentFacts won = open.with(new PaymentEvent.DisputeClosed(true)).with(refunded("100.00"));
        assertEquals(AMOUNT.minus(Money.of("100.00", "GBP")), won.retained(), "a won dispute gives it back, less any refund");
    }

    @Test
    void theFirstFailureReasonIsKept() {
        PaymentFacts facts = PaymentFacts.of(AMOUNT).with(FAILED).with(new PaymentEvent.Failed("insufficient_funds"));
        assertEquals("card_declined", facts.failureReason());
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
