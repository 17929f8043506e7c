package org.quittance.receipts.entity;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.time.OffsetDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T10:00:00Z");

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    private static Receipt receipt(String gross) {
        return new Receipt(ReceiptSource.PROCESSOR, PaymentMethod.CARD, "pi_1", gbp(gross), NOW, null, NOW);
    }

    @Test
    void refundReportsAreCumulativeSoARepeatedOrLateOneChangesNothing() {
        Receipt receipt = receipt("600.00");
        assertEquals(gbp("100.00"), receipt.refund(gbp("100.00")));
        assertEquals(gbp("150.00"), receipt.refund(gbp("250.00")));
        assertEquals(gbp("0.00"), receipt.refund(gbp("250.00")), "the same report twice");
        assertEquals(gbp("0.00"), receipt.refund(gbp("100.00")), "an older report arriving late");
        assertEquals(gbp("350.00"), receipt.kept());
        assertThrows(IllegalArgumentException.class, () -> receipt.refund(gbp("600.01")));
    }

    @Test
    void aChargebackKeepsNothingUntilTheDisputeIsWon() {
        Receipt receipt = receipt("600.00");
        receipt.refund(gbp("100.00"));
        receipt.disputed(true);
        assertTrue(receipt.kept().isZero());
        receipt.disputed(false);
        assertEquals(gbp("500.00"), receipt.kept());
    }

    @Test
    void theSplitCannotPlaceMoreThanWasKeptAfterRefunds() {
        Receipt receipt = receipt("600.00");
        receipt.refund(gbp("200.00"));
        assertThrows(IllegalArgumentException.class, () -> receipt.match(MatchKind.SUGGESTED, 7L, Map.of(1L, gbp("450.00")), "staff"));
        receipt.match(MatchKind.SUGGESTED, 7L, Map.of(1L, gbp("400.00")), "staff");
        assertEquals(gbp("400.00"), receipt.allocated());
    }

    @Test
    void reducingTakesPartsOffAndDropsEmptiedInvoices() {
        Receipt receipt = receipt("600.00");
        receipt.match(MatchKind.CERTAIN, 7L, Map.of(1L, gbp("480.00"), 2L, gbp("100.00")), "portal");
        receipt.accept(gbp("20.00"), "ann", NOW);
        receipt.reduce(Map.of(2L, gbp("100.00"), 1L, gbp("30.00")), gbp("20.00"));
        assertEquals(Map.of(1L, gbp("450.00")), receipt.allocations());
        assertTrue(receipt.unapplied().isZero());
    }

    @Test
    void cardPaymentsAreNotEnteredByHand() {
        assertThrows(IllegalArgumentException.class,
                () -> Receipt.entered(PaymentMethod.CARD, "1", 7L, gbp("1.00"), NOW, null, "k", NOW));
        Receipt cheque = Receipt.entered(PaymentMethod.CHEQUE, "001234", 7L, gbp("480.00"), NOW, null, "k", NOW);
        assertEquals(ReceiptSource.MANUAL, cheque.source());
        assertEquals(7L, cheque.clientId());
    }
}
