package org.quittance.bankfiles.control;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementCreditsTest {

    @Test
    void aReferenceIsTheFileTheAccountAndTheBanksReferenceOrElseTheLine() {
        Bai2Statement.Credit wire = new Bai2Statement.Credit(7, "12345678", "195", Money.of("10.00", "GBP"), "W1", "", "Wire");
        assertEquals("BAI2 BANK/261124/0900/7 12345678 W1", StatementCredits.reference("BANK/261124/0900/7", wire));
        Bai2Statement.Credit unnamed = new Bai2Statement.Credit(9, "12345678", "165", Money.of("10.00", "GBP"), " ", "", "");
        assertEquals("BAI2 BANK/261124/0900/7 12345678 line 9", StatementCredits.reference("BANK/261124/0900/7", unnamed));
        Bai2Statement.Credit odd = new Bai2Statement.Credit(9, "1\t2", "165", Money.of("10.00", "GBP"), "X".repeat(200), "", "");
        String reference = StatementCredits.reference("F", odd);
        assertEquals(94, reference.length(), "room for a number after it within the receipt's 100 characters");
        assertTrue(reference.startsWith("BAI2 F 1 2 XXX") && reference.endsWith("…"), reference);
    }

    @Test
    void fingerprintsTellWhetherAnyReferenceCameTwiceAmongAMillion() {
        StatementCredits.Fingerprints unique = new StatementCredits.Fingerprints();
        for (int i = 0; i < 1_000_000; i++) {
            unique.add("BAI2 BANK/261124/0900/7 12345678 R" + i);
        }
        assertFalse(unique.anySeenTwice());
        unique.add("BAI2 BANK/261124/0900/7 12345678 R999999");
        assertTrue(unique.anySeenTwice());
    }
}
