package org.quittance.payments.stripe;

import org.quittance.payments.processor.PaymentEvent;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Every real Stripe sample parses, or is ignored with a stated reason; none throws. */
class StripeEventTest {

    private static final List<String> SAMPLES = List.of(
            "charge.dispute.closed", "charge.dispute.created", "charge.dispute.funds_reinstated", "charge.dispute.funds_withdrawn",
            "charge.failed", "charge.refund.updated", "charge.refunded", "charge.succeeded", "checkout.session.completed",
            "checkout.session.completed.payment_mode", "invoice.paid", "payment_intent.canceled", "payment_intent.created",
            "payment_intent.payment_failed", "payment_intent.processing", "payment_intent.requires_action", "payment_intent.succeeded");

    @Test
    void everySampleEitherMeansSomethingOrSaysWhyItIsIgnored() throws Exception {
        for (String name : SAMPLES) {
            StripeEvent event = StripeEvent.parse(StripeSignatureTest.sample(name));
            assertEquals(name.replace(".payment_mode", ""), event.type(), name);
            assertNotNull(event.id(), name);
            assertTrue(event.meaning().isPresent() != (event.ignoredBecause() != null), () -> name + ": " + event);
        }
    }

    @Test
    void whatTheMainEventsMean() throws Exception {
        StripeEvent succeeded = StripeEvent.parse(StripeSignatureTest.sample("payment_intent.succeeded"));
        assertEquals("pi_000000000000000000000000", succeeded.paymentIntent());
        assertEquals(Money.of("20.00", "USD"), succeeded.amount());
        assertInstanceOf(PaymentEvent.Succeeded.class, succeeded.meaning().orElseThrow());

        StripeEvent refunded = StripeEvent.parse(StripeSignatureTest.sample("charge.refunded"));
        assertEquals("ch_000000000000000000000000", refunded.charge());
        assertEquals(new PaymentEvent.Refunded(Money.of("1.00", "USD")), refunded.meaning().orElseThrow());

        StripeEvent failed = StripeEvent.parse(StripeSignatureTest.sample("payment_intent.payment_failed"));
        assertInstanceOf(PaymentEvent.Failed.class, failed.meaning().orElseThrow());

        StripeEvent closed = StripeEvent.parse(StripeSignatureTest.sample("charge.dispute.closed"));
        assertEquals(new PaymentEvent.DisputeClosed(true), closed.meaning().orElseThrow());

        StripeEvent invoicePaid = StripeEvent.parse(StripeSignatureTest.sample("invoice.paid"));
        assertTrue(invoicePaid.ignoredBecause().contains("invoice.paid"), invoicePaid.ignoredBecause());
    }

    @Test
    void somethingThatIsNotAStripeEventIsRefusedWithAReason() {
        for (String body : new String[]{"{not json", "[]", "{}", "{\"id\":\"evt_1\",\"type\":\"x\"}", ""}) {
            assertThrows(IllegalArgumentException.class, () -> StripeEvent.parse(body.getBytes(StandardCharsets.UTF_8)), body);
        }
    }

    @Test
    void amountsComeInMinorUnitsOfTheirCurrency() {
        assertEquals(Money.of("12.34", "GBP"), StripeEvent.fromMinorUnits(1234, "gbp"));
        assertEquals(Money.of("1234", "JPY"), StripeEvent.fromMinorUnits(1234, "jpy"));
    }
}
