package org.quittance.payments.control;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The payer hears each fact once, whatever order the processor's notifications arrive in. */
class PayerNoticesTest {

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    @Test
    void aPaymentThatSucceedsIsReceivedOnce() {
        assertEquals(List.of(new PayerNotices.Received()), PayerNotices.due(false, null, true, gbp("0.00")));
        assertEquals(List.of(), PayerNotices.due(true, gbp("0.00"), true, gbp("0.00")), "the same success again");
    }

    @Test
    void aRefusedCardOrAPendingPaymentIsNotMailed() {
        assertEquals(List.of(), PayerNotices.due(false, null, false, null));
        assertEquals(List.of(), PayerNotices.due(false, gbp("0.00"), false, gbp("0.00")));
    }

    @Test
    void eachRefundIsToldWithTheTotalRefundedSoFar() {
        assertEquals(List.of(new PayerNotices.Refunded(gbp("200.00"))), PayerNotices.due(true, gbp("0.00"), true, gbp("200.00")));
        assertEquals(List.of(new PayerNotices.Refunded(gbp("350.00"))), PayerNotices.due(true, gbp("200.00"), true, gbp("350.00")));
        assertEquals(List.of(), PayerNotices.due(true, gbp("350.00"), true, gbp("350.00")), "the same refund again");
    }

    @Test
    void aRefundReportedBeforeItsSuccessIsToldAndTheSuccessStillIs() {
        assertEquals(List.of(new PayerNotices.Refunded(gbp("600.00"))), PayerNotices.due(false, null, false, gbp("600.00")));
        assertEquals(List.of(new PayerNotices.Received()), PayerNotices.due(false, gbp("600.00"), true, gbp("600.00")));
    }

    @Test
    void aBankDebitsPayerHearsOfItsFailureAndOfItsReturnOnceEach() {
        var failed = java.util.List.<PayerNotices.Notice>of(new PayerNotices.DebitFailed());
        var returned = java.util.List.<PayerNotices.Notice>of(new PayerNotices.DebitReturned());
        assertEquals(failed, PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.PENDING, org.quittance.payments.entity.PaymentState.FAILED));
        assertEquals(List.of(), PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.FAILED, org.quittance.payments.entity.PaymentState.FAILED));
        assertEquals(returned, PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.SUCCEEDED, org.quittance.payments.entity.PaymentState.DISPUTED));
        assertEquals(returned, PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.SUCCEEDED, org.quittance.payments.entity.PaymentState.DISPUTE_LOST),
                "the closing notification first");
        assertEquals(List.of(), PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.DISPUTED, org.quittance.payments.entity.PaymentState.DISPUTE_LOST),
                "closed after it was told");
        assertEquals(List.of(), PayerNotices.debitDue(org.quittance.payments.entity.PaymentState.PENDING, org.quittance.payments.entity.PaymentState.SUCCEEDED));
    }
}
