package org.quittance.payments.control;

import org.quittance.money.Money;
import org.quittance.payments.entity.PaymentState;
import org.quittance.payments.processor.PaymentEvent;

/**
 * What is known about a payment, as facts that only ever grow: it succeeded, it failed, so much was
 * refunded, a dispute opened, a dispute was won or lost. The state is derived from the facts, not
 * stepped through transitions, so notifications that arrive twice or out of order (a refund before
 * its success) end in the same state as the same notifications in order.
 */
public record PaymentFacts(Money amount, boolean succeeded, boolean failed, String failureReason, Money refunded,
                           boolean disputeOpened, boolean disputeWon, boolean disputeLost) {

    public static PaymentFacts of(Money amount) {
        return new PaymentFacts(amount, false, false, null, Money.zero(amount.currency()), false, false, false);
    }

    public PaymentFacts with(PaymentEvent event) {
        if (event instanceof PaymentEvent.Succeeded) {
            return new PaymentFacts(amount, true, failed, failureReason, refunded, disputeOpened, disputeWon, disputeLost);
        }
        if (event instanceof PaymentEvent.Failed f) {
            return new PaymentFacts(amount, succeeded, true, failureReason == null ? f.reason() : failureReason,
                    refunded, disputeOpened, disputeWon, disputeLost);
        }
        if (event instanceof PaymentEvent.Refunded r) {
            // Processors report the cumulative refund: the largest report is the truth, whatever the order.
            Money total = r.totalRefunded().compareTo(refunded) > 0 ? r.totalRefunded() : refunded;
            return new PaymentFacts(amount, succeeded, failed, failureReason, total, disputeOpened, disputeWon, disputeLost);
        }
        if (event instanceof PaymentEvent.RefundAdded r) {
            // Each refund reported on its own: they add up, never beyond the payment.
            Money total = refunded.plus(r.amount());
            return new PaymentFacts(amount, succeeded, failed, failureReason, total.compareTo(amount) > 0 ? amount : total,
                    disputeOpened, disputeWon, disputeLost);
        }
        if (event instanceof PaymentEvent.DisputeOpened) {
            return new PaymentFacts(amount, succeeded, failed, failureReason, refunded, true, disputeWon, disputeLost);
        }
        if (event instanceof PaymentEvent.DisputeClosed c) {
            return new PaymentFacts(amount, succeeded, failed, failureReason, refunded, true, disputeWon || c.won(), disputeLost || !c.won());
        }
        return this;  // Pending adds nothing
    }

    /** Money was taken: a refund or a dispute can only exist for a payment that succeeded. */
    public boolean captured() {
        return succeeded || refunded.isPositive() || disputeOpened;
    }

    public PaymentState state() {
        if (!captured()) {
            return failed ? PaymentState.FAILED : PaymentState.PENDING;
        }
        if (disputeLost) {
            return PaymentState.DISPUTE_LOST;
        }
        if (disputeWon) {
            return PaymentState.DISPUTE_WON;
        }
        if (disputeOpened) {
            return PaymentState.DISPUTED;
        }
        if (refunded.compareTo(amount) >= 0) {
            return PaymentState.REFUNDED;
        }
        return refunded.isPositive() ? PaymentState.PARTLY_REFUNDED : PaymentState.SUCCEEDED;
    }

    /**
     * What the firm holds of the payment now: nothing while a dispute is open (the card's bank has
     * withdrawn the money) or after one was lost, and never what was refunded.
     */
    public Money retained() {
        if (!captured() || disputeLost || (disputeOpened && !disputeWon)) {
            return Money.zero(amount.currency());
        }
        return amount.minus(refunded);
    }
}
