package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReceiptAllocationTest {

    static final OpenInvoice MARCH = open(1L, "INV-2026-00001", "2026-03-31", "480.00");
    static final OpenInvoice APRIL = open(2L, "INV-2026-00002", "2026-04-30", "819.00");

    @Test
    void aPartPaymentLeavesTheRestOfTheOldestInvoiceOpen() {
        Split split = ReceiptAllocation.oldestDueFirst(gbp("300.00"), List.of(APRIL, MARCH));
        assertEquals(Map.of(1L, gbp("300.00")), split.invoices());
        assertEquals(gbp("0.00"), split.unapplied());
    }

    @Test
    void moneyGoesOldestDueFirstEachUpToItsBalance() {
        Split split = ReceiptAllocation.oldestDueFirst(gbp("500.00"), List.of(APRIL, MARCH));
        assertEquals(Map.of(1L, gbp("480.00"), 2L, gbp("20.00")), split.invoices());
        assertEquals(gbp("0.00"), split.unapplied());
    }

    @Test
    void aRefundComesFromTheCreditFirstThenTheNewestInvoice() {
        Map<Long, Money> applied = Map.of(1L, gbp("480.00"), 2L, gbp("819.00"));
        assertEquals(new Split(Map.of(), gbp("100.00")), ReceiptAllocation.takeBack(gbp("100.00"), applied, gbp("201.00")));
        assertEquals(new Split(Map.of(2L, gbp("99.00")), gbp("201.00")), ReceiptAllocation.takeBack(gbp("300.00"), applied, gbp("201.00")));
        assertEquals(new Split(Map.of(2L, gbp("819.00"), 1L, gbp("80.00")), gbp("0.00")),
                ReceiptAllocation.takeBack(gbp("899.00"), applied, gbp("0.00")));
    }

    @Test
    void aRefundNeverTakesMoreThanTheReceiptHolds() {
        Split back = ReceiptAllocation.takeBack(gbp("2000.00"), Map.of(1L, gbp("480.00")), gbp("20.00"));
        assertEquals(new Split(Map.of(1L, gbp("480.00")), gbp("20.00")), back);
    }

    @Test
    void anOverpaymentBecomesUnappliedCredit() {
        Split split = ReceiptAllocation.oldestDueFirst(gbp("1500.00"), List.of(MARCH, APRIL));
        assertEquals(Map.of(1L, gbp("480.00"), 2L, gbp("819.00")), split.invoices());
        assertEquals(gbp("201.00"), split.unapplied());
    }

    @Test
    void aClientWithNothingOpenGetsItAllAsCredit() {
        Split split = ReceiptAllocation.oldestDueFirst(gbp("75.00"), List.of());
        assertEquals(Map.of(), split.invoices());
        assertEquals(gbp("75.00"), split.unapplied());
    }

    @Test
    void aChosenSplitIsCutToWhatIsStillOwed() {
        OpenInvoice paidInPart = open(1L, "INV-2026-00001", "2026-03-31", "100.00");
        Map<Long, Money> chosen = new LinkedHashMap<>();
        chosen.put(1L, gbp("480.00"));
        chosen.put(2L, gbp("20.00"));
        Split split = ReceiptAllocation.asChosen(gbp("500.00"), chosen, Map.of(1L, paidInPart, 2L, APRIL));
        assertEquals(Map.of(1L, gbp("100.00"), 2L, gbp("20.00")), split.invoices());
        assertEquals(gbp("380.00"), split.unapplied());
    }

    @Test
    void aChosenSplitOfAnInvoiceNoLongerOpenIsCredit() {
        Split split = ReceiptAllocation.asChosen(gbp("480.00"), Map.of(1L, gbp("480.00")), Map.of(2L, APRIL));
        assertEquals(Map.of(), split.invoices());
        assertEquals(gbp("480.00"), split.unapplied());
    }

    @Test
    void aChosenSplitCannotAddUpToMoreThanTheReceipt() {
        assertThrows(IllegalArgumentException.class, () ->
                ReceiptAllocation.asChosen(gbp("100.00"), Map.of(1L, gbp("60.00"), 2L, gbp("60.00")), Map.of(1L, MARCH, 2L, APRIL)));
    }

    @Test
    void anInvoiceInAnotherCurrencyIsRefused() {
        OpenInvoice euros = new OpenInvoice(3L, "INV-2026-00003", 9L, 19L, LocalDate.parse("2026-01-31"), Money.of("10.00", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptAllocation.oldestDueFirst(gbp("10.00"), List.of(euros)));
    }

    static OpenInvoice open(Long id, String number, String due, String balance) {
        return new OpenInvoice(id, number, 7L, 70L, LocalDate.parse(due), gbp(balance));
    }

    static Money gbp(String amount) {
        return Money.of(amount, "GBP");
    }
}
