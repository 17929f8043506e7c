package org.quittance.sandbox.control;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debit page's test accounts and its checks, as Stripe's test mode has them. */
class TestBankAccountsTest {

    private static TestBankAccounts.Account bacs(String sortCode, String account) {
        return TestBankAccounts.read(TestBankAccounts.Method.BACS_DEBIT,
                Map.of("holder", "James Okafor", "mandate", "yes", "sort_code", sortCode, "account_number", account));
    }

    @Test
    void eachMethodHasAnAccountThatSucceedsOneThatFailsAndOneThatIsReturned() {
        assertEquals(TestBankAccounts.Outcome.SUCCEEDS, TestBankAccounts.outcome(bacs("10-88-00", "00012345")));
        assertEquals(TestBankAccounts.Outcome.FAILS, TestBankAccounts.outcome(bacs("108800", "90012345")));
        assertEquals(TestBankAccounts.Outcome.RETURNED, TestBankAccounts.outcome(bacs("10 88 00", "33333335")));
        TestBankAccounts.Account iban = TestBankAccounts.read(TestBankAccounts.Method.SEPA_DEBIT,
                Map.of("holder", "A", "mandate", "yes", "iban", "de62 3704 0044 0532 0130 01"));
        assertEquals(TestBankAccounts.Outcome.FAILS, TestBankAccounts.outcome(iban));
        assertEquals("3001", iban.last4());
        TestBankAccounts.Account ach = TestBankAccounts.read(TestBankAccounts.Method.US_BANK_ACCOUNT,
                Map.of("holder", "A", "mandate", "yes", "routing_number", "110000000", "account_number", "000222222227"));
        assertEquals(TestBankAccounts.Outcome.RETURNED, TestBankAccounts.outcome(ach));
    }

    @Test
    void theLastFourDigitsAreAllThatIsShownOfTheAccount() {
        assertEquals("2345", bacs("10-88-00", "00012345").last4());
        assertEquals("108800", bacs("10-88-00", "00012345").sortCode());
    }

    @Test
    void aMalformedAccountOrAMissingMandateIsRefusedWithTheReason() {
        IllegalArgumentException shortAccount = assertThrows(IllegalArgumentException.class, () -> bacs("10-88-00", "1234"));
        assertTrue(shortAccount.getMessage().contains("eight digits"));
        assertThrows(IllegalArgumentException.class, () -> bacs("1088", "00012345"));
        IllegalArgumentException mandate = assertThrows(IllegalArgumentException.class, () -> TestBankAccounts.read(TestBankAccounts.Method.BACS_DEBIT,
                Map.of("holder", "James Okafor", "sort_code", "108800", "account_number", "00012345")));
        assertTrue(mandate.getMessage().contains("authorise"));
        assertThrows(IllegalArgumentException.class, () -> TestBankAccounts.read(TestBankAccounts.Method.SEPA_DEBIT,
                Map.of("holder", "A", "mandate", "yes", "iban", "not an iban")));
    }
}
