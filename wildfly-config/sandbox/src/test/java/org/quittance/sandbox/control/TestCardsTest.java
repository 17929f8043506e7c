package org.quittance.sandbox.control;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The sandbox answers Stripe's published test cards as Stripe's test mode does, and refuses real cards. */
class TestCardsTest {

    @Test
    void theGenericSuccessCardSucceeds() {
        TestCards.Outcome visa = TestCards.outcome("4242 4242 4242 4242");
        assertTrue(visa.succeeds());
        assertEquals("Visa", visa.brand());
        assertFalse(visa.disputed());
        assertTrue(TestCards.outcome("5555-5555-5555-4444").succeeds());
        assertEquals("Mastercard", TestCards.outcome("5555555555554444").brand());
    }

    @Test
    void declinesCarryStripesCodesAndWording() {
        TestCards.Outcome generic = TestCards.outcome("4000000000000002");
        assertFalse(generic.succeeds());
        assertEquals("card_declined", generic.code());
        assertEquals("generic_decline", generic.declineCode());
        assertEquals("Your card was declined.", generic.message());

        TestCards.Outcome funds = TestCards.outcome("4000000000009995");
        assertEquals("insufficient_funds", funds.declineCode());
        assertEquals("Your card has insufficient funds.", funds.message());

        TestCards.Outcome expired = TestCards.outcome("4000000000000069");
        assertEquals("expired_card", expired.code());
        assertNull(expired.declineCode());
        assertEquals("Your card has expired.", expired.message());
    }

    @Test
    void theDisputeCardSucceedsAndIsDisputed() {
        TestCards.Outcome dispute = TestCards.outcome("4000000000000259");
        assertTrue(dispute.succeeds());
        assertTrue(dispute.disputed());
    }

    @Test
    void aRealLookingCardIsRefusedAndABadNumberIsIncorrect() {
        // Luhn-valid but not a test card: test mode never charges it.
        TestCards.Outcome real = TestCards.outcome("4111111111111111");
        assertFalse(real.succeeds());
        assertEquals("test_mode_live_card", real.declineCode());
        assertEquals("incorrect_number", TestCards.outcome("4242424242424241").code());
        assertEquals("incorrect_number", TestCards.outcome("not a card").code());
    }

    @Test
    void everyCardOfTheFixtureHasAnOutcome() {
        for (String number : new String[]{"378282246310005", "6011111111111117", "3056930009020004", "3566002020360505",
                "4000000000009987", "4000000000000127", "4000000000000119", "4100000000000019", "4000002760003184"}) {
            assertNotNull(TestCards.outcome(number).brand(), number);
        }
        assertFalse(TestCards.outcome("4100000000000019").succeeds(), "Radar blocks the highest-risk card");
        assertFalse(TestCards.outcome("4000002760003184").succeeds(), "3D Secure is not emulated: refused with a reason");
    }

    @Test
    void formBodiesKeepStripesBracketedKeys() {
        Map<String, String> form = FormBody.parse("mode=payment&metadata%5Bquittance_checkout%5D=chk_1"
                + "&payment_intent_data%5Bmetadata%5D%5Bquittance_checkout%5D=chk_1&line_items%5B0%5D%5Bprice_data%5D%5Bunit_amount%5D=48000"
                + "&success_url=http%3A%2F%2Flocalhost%2Fpaid%3Fa%3D1%26b%3D2");
        assertEquals("payment", form.get("mode"));
        assertEquals("48000", form.get("line_items[0][price_data][unit_amount]"));
        assertEquals("http://localhost/paid?a=1&b=2", form.get("success_url"));
        assertEquals(Map.of("quittance_checkout", "chk_1"), FormBody.under(form, "metadata"));
        assertEquals(Map.of("quittance_checkout", "chk_1"), FormBody.under(form, "payment_intent_data[metadata]"));
    }
}
