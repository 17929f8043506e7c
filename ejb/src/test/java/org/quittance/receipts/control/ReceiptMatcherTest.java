package org.quittance.receipts.control;

import org.quittance.billing.control.OpenInvoice;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.receipts.entity.MatchKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quittance.receipts.control.ReceiptAllocationTest.APRIL;
import static org.quittance.receipts.control.ReceiptAllocationTest.MARCH;
import static org.quittance.receipts.control.ReceiptAllocationTest.gbp;

class ReceiptMatcherTest {

    static final OpenInvoice OTHER_CLIENT = new OpenInvoice(5L, "INV-2026-00005", 8L, 80L, LocalDate.parse("2026-03-01"), gbp("480.00"));

    @Test
    void aPortalPaymentOfOpenInvoicesThatAddsUpIsCertain() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("780.00"),
                Map.of(1L, gbp("480.00"), 2L, gbp("300.00")), 7L, "pi_123"), List.of(MARCH, APRIL));
        assertEquals(MatchKind.CERTAIN, match.kind());
        assertEquals(7L, match.clientId());
        assertEquals(Map.of(1L, gbp("480.00"), 2L, gbp("300.00")), match.split().invoices());
        assertEquals("Paid in the portal for INV-2026-00001, INV-2026-00002.", match.reason());
    }

    @Test
    void aPortalPaymentOfAnInvoicePaidMeanwhileIsOnlySuggestedAndTheRestIsCredit() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("780.00"),
                Map.of(1L, gbp("480.00"), 2L, gbp("300.00")), 7L, null), List.of(APRIL));
        assertEquals(MatchKind.SUGGESTED, match.kind());
        assertEquals(Map.of(2L, gbp("300.00")), match.split().invoices());
        assertEquals(gbp("480.00"), match.split().unapplied());
        assertTrue(match.reason().contains("only INV-2026-00002 are still open"), match.reason());
        assertTrue(match.reason().contains("GBP 480.00 would become unapplied credit"), match.reason());
    }

    @Test
    void aPortalPaymentWhoseAmountDiffersFromTheAskIsOnlySuggested() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("500.00"),
                Map.of(1L, gbp("480.00")), 7L, null), List.of(MARCH));
        assertEquals(MatchKind.SUGGESTED, match.kind());
        assertTrue(match.reason().contains("differs from the amount asked"), match.reason());
        assertEquals(gbp("20.00"), match.split().unapplied());
    }

    @Test
    void aReferenceNamingAnInvoiceIsSuggested() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("819.00"), Map.of(), null,
                "BACS OKAFOR TRUST inv-2026-00002"), List.of(MARCH, APRIL, OTHER_CLIENT));
        assertEquals(MatchKind.SUGGESTED, match.kind());
        assertEquals(7L, match.clientId());
        assertEquals(Map.of(2L, gbp("819.00")), match.split().invoices());
        assertEquals("The reference names INV-2026-00002 and the amount is its balance.", match.reason());
    }

    @Test
    void anInvoiceNumberMustStandAsAWord() {
        assertTrue(ReceiptMatcher.mentions("Payment INV-2026-00002.", "INV-2026-00002"));
        assertFalse(ReceiptMatcher.mentions("Payment INV-2026-000021", "INV-2026-00002"));
        assertFalse(ReceiptMatcher.mentions("Payment XINV-2026-00002", "INV-2026-00002"));
    }

    @Test
    void everyNumberTheTextMentionsIsLookedUp() {
        String text = "BACS OKAFOR TRUST inv-2026-00002/INV-2026-00003, XINV-2026-00004 (2026/07) ref 12";
        Set<String> pieces = ReceiptMatcher.mentionable(text);
        for (String number : List.of("INV-2026-00002", "INV-2026-00003", "2026/07", "12")) {
            assertTrue(ReceiptMatcher.mentions(text, number), number);
            assertTrue(pieces.contains(number), number + " in " + pieces);
        }
        assertFalse(pieces.contains("INV-2026-00004"), "not a word of its own, so not a mention");
        assertFalse(pieces.contains("BACS"), "no digit: never an invoice number");
    }

    @Test
    void aLongTextIsLookedUpWithinBounds() {
        String text = IntStream.range(0, 5_000).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        Set<String> pieces = ReceiptMatcher.mentionable(text);
        assertEquals(ReceiptMatcher.MENTIONABLE_MAX, pieces.size());
        assertTrue(pieces.stream().allMatch(p -> p.length() <= ReceiptMatcher.NUMBER_LENGTH));
    }

    @Test
    void aKnownClientsOnlyInvoiceForExactlyTheAmountIsSuggested() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("480.00"), Map.of(), 7L, ""), List.of(MARCH, APRIL, OTHER_CLIENT));
        assertEquals(MatchKind.SUGGESTED, match.kind());
        assertEquals(Map.of(1L, gbp("480.00")), match.split().invoices());
    }

    @Test
    void aKnownClientsPaymentIsSpreadOldestDueFirst() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("600.00"), Map.of(), 7L, ""), List.of(APRIL, MARCH));
        assertEquals(Map.of(1L, gbp("480.00"), 2L, gbp("120.00")), match.split().invoices());
        assertEquals("Spread over the client's open invoices, oldest due first.", match.reason());
    }

    @Test
    void anUnknownPayerWithOneInvoiceOfThatAmountIsSuggestedAndTwoAreLeftToStaff() {
        ReceiptMatch one = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("819.00"), Map.of(), null, "card payment"), List.of(MARCH, APRIL));
        assertEquals(MatchKind.SUGGESTED, one.kind());
        assertEquals(7L, one.clientId());

        ReceiptMatch two = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("480.00"), Map.of(), null, "card payment"), List.of(MARCH, OTHER_CLIENT));
        assertEquals(MatchKind.NONE, two.kind());
        assertNull(two.clientId());
        assertTrue(two.reason().startsWith("2 open invoices"), two.reason());
    }

    @Test
    void manyInvoicesOfTheSameAmountAreCountedNotAllNamed() {
        List<OpenInvoice> hundreds = java.util.stream.IntStream.range(0, 500)
                .mapToObj(i -> new OpenInvoice(100L + i, "INV-2026-%05d".formatted(i), 100L + i, 1000L + i, LocalDate.parse("2026-03-01"),
                        gbp("600.00"))).toList();
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("600.00"), Map.of(), null, "card payment"), hundreds);
        assertEquals(MatchKind.NONE, match.kind());
        assertTrue(match.reason().contains("INV-2026-00000, INV-2026-00001, INV-2026-00002, INV-2026-00003, INV-2026-00004 and 495 more"),
                match.reason());
        assertTrue(match.reason().length() < 200, "it fits the receipt's 500-character reason: " + match.reason().length());
    }

    @Test
    void nothingToGoOnIsNoMatch() {
        ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp("12.34"), Map.of(), null, ""), List.of(MARCH));
        assertEquals(MatchKind.NONE, match.kind());
        assertEquals(gbp("12.34"), match.split().unapplied());
    }

    @Test
    void moneyIsNeverInventedOrLost() {
        for (String amount : new String[]{"0.01", "300.00", "480.00", "1299.00", "5000.00"}) {
            ReceiptMatch match = ReceiptMatcher.match(new ReceiptMatcher.Facts(gbp(amount), Map.of(), 7L, ""), List.of(MARCH, APRIL));
            Money placed = match.split().invoices().values().stream().reduce(gbp("0.00"), Money::plus);
            assertEquals(gbp(amount), placed.plus(match.split().unapplied()), amount);
        }
    }
}
