package org.quittance.payments.control;

import org.quittance.billing.control.OpenInvoice;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.platform.control.Formats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class PaymentAmountsTest {

    private static final OpenInvoice OLD = new OpenInvoice(1L, "INV-2026-00001", null, null, LocalDate.of(2026, 10, 1), gbp("300.00"));
    private static final OpenInvoice NEW = new OpenInvoice(2L, "INV-2026-00002", null, null, LocalDate.of(2026, 12, 1), gbp("200.00"));
    private static final Formats UK = Formats.DEFAULT;
    private static final PaymentAmounts.Policy FULL_ONLY = new PaymentAmounts.Policy(false, null);
    private static final PaymentAmounts.Policy PARTIAL_MIN_50 = new PaymentAmounts.Policy(true, gbp("50.00"));

    private static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }

    @Test
    void theFullBalanceIsAlwaysAllowed() {
        assertNull(PaymentAmounts.refusal(OLD, gbp("300.00"), FULL_ONLY, UK));
        assertNull(PaymentAmounts.refusal(OLD, gbp("300.00"), PARTIAL_MIN_50, UK));
    }

    @Test
    void aPartNeedsTheFirmsPermissionAndItsMinimum() {
        assertTrue(PaymentAmounts.refusal(OLD, gbp("100.00"), FULL_ONLY, UK).contains("must be paid in full"));
        assertNull(PaymentAmounts.refusal(OLD, gbp("100.00"), PARTIAL_MIN_50, UK));
        assertNull(PaymentAmounts.refusal(OLD, gbp("50.00"), PARTIAL_MIN_50, UK), "the minimum itself is allowed");
        assertTrue(PaymentAmounts.refusal(OLD, gbp("49.99"), PARTIAL_MIN_50, UK).contains("at least GBP 50.00"));
    }

    @Test
    void theRefusalSpeaksInTheFirmsFormats() {
        assertEquals("A part payment must be at least GBP 50,00.",
                PaymentAmounts.refusal(OLD, gbp("10.00"), PARTIAL_MIN_50, new Formats(java.util.Locale.GERMANY)));
    }

    @Test
    void aRemainderBelowTheMinimumCanStillBeCleared() {
        OpenInvoice small = new OpenInvoice(3L, "INV-2026-00003", null, null, LocalDate.of(2026, 11, 1), gbp("20.00"));
        assertNull(PaymentAmounts.refusal(small, gbp("20.00"), PARTIAL_MIN_50, UK));
        assertNotNull(PaymentAmounts.refusal(small, gbp("10.00"), PARTIAL_MIN_50, UK));
    }

    @Test
    void neverZeroNegativeAboveTheBalanceOrInAnotherCurrency() {
        assertTrue(PaymentAmounts.refusal(OLD, gbp("0.00"), PARTIAL_MIN_50, UK).contains("above zero"));
        assertTrue(PaymentAmounts.refusal(OLD, gbp("-5.00"), PARTIAL_MIN_50, UK).contains("above zero"));
        assertTrue(PaymentAmounts.refusal(OLD, gbp("300.01"), PARTIAL_MIN_50, UK).contains("at most the balance"));
        assertTrue(PaymentAmounts.refusal(OLD, Money.of("300.00", "EUR"), PARTIAL_MIN_50, UK).contains("in GBP"));
    }

    @Test
    void oneAmountForSeveralInvoicesGoesToTheOldestDueFirst() {
        Map<OpenInvoice, Money> spread = PaymentAmounts.spread(gbp("350.00"), List.of(NEW, OLD), UK);
        assertEquals(List.of(OLD, NEW), List.copyOf(spread.keySet()));
        assertEquals(gbp("300.00"), spread.get(OLD));
        assertEquals(gbp("50.00"), spread.get(NEW));
        assertTrue(PaymentAmounts.refusals(spread, PARTIAL_MIN_50, UK).isEmpty());
        assertEquals(List.of("Invoice INV-2026-00002 must be paid in full (GBP 200.00)."), PaymentAmounts.refusals(spread, FULL_ONLY, UK));
    }

    @Test
    void anAmountThatCoversOnlyTheOldestLeavesTheNewerOnesOut() {
        Map<OpenInvoice, Money> spread = PaymentAmounts.spread(gbp("120.00"), List.of(NEW, OLD), UK);
        assertEquals(Map.of(OLD, gbp("120.00")), spread);
    }

    @Test
    void anInvoiceWithoutADueDateIsPaidLastAsOnReceipts() {
        OpenInvoice undated = new OpenInvoice(4L, "INV-2026-00000", null, null, null, gbp("100.00"));
        Map<OpenInvoice, Money> spread = PaymentAmounts.spread(gbp("550.00"), List.of(undated, NEW, OLD), UK);
        assertEquals(List.of(OLD, NEW, undated), List.copyOf(spread.keySet()));
        assertEquals(gbp("50.00"), spread.get(undated));
    }

    @Test
    void moreThanTheTotalBalanceOrNothingCannotBeSpread() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PaymentAmounts.spread(gbp("500.01"), List.of(OLD, NEW), UK))
                .getMessage().contains("GBP 500.00"));
        assertThrows(IllegalArgumentException.class, () -> PaymentAmounts.spread(gbp("0.00"), List.of(OLD), UK));
    }
}
