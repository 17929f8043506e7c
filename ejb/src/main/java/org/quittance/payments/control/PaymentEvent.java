package org.quittance.payments.control;

import org.quittance.money.Money;

/** What a processor notification says about a payment, stripped of the processor's format. */
public sealed interface PaymentEvent {

    record Pending() implements PaymentEvent { }

    record Succeeded() implements PaymentEvent { }

    record Failed(String reason) implements PaymentEvent { }

    /** @param totalRefunded the cumulative amount refunded so far, as processors report it */
    record Refunded(Money totalRefunded) implements PaymentEvent { }

    record DisputeOpened() implements PaymentEvent { }

    record DisputeClosed(boolean won) implements PaymentEvent { }
}
