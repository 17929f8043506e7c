package org.quittance.payments.processor;

import org.quittance.money.Money;

/** What a processor notification says about a payment, stripped of the processor's format. */
public sealed interface PaymentEvent {

    record Pending() implements PaymentEvent { }

    record Succeeded() implements PaymentEvent { }

    record Failed(String reason) implements PaymentEvent { }

    /** @param totalRefunded the cumulative amount refunded so far, as Stripe reports it */
    record Refunded(Money totalRefunded) implements PaymentEvent { }

    /** @param amount one refund's amount, as Adyen reports each (the inbox keeps each refund's notification once) */
    record RefundAdded(Money amount) implements PaymentEvent { }

    record DisputeOpened() implements PaymentEvent { }

    record DisputeClosed(boolean won) implements PaymentEvent { }
}
