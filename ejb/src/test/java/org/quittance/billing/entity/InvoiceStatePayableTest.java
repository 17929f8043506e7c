package org.quittance.billing.entity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Which invoices can be paid: one rule, which the native queries take as a list from here. */
class InvoiceStatePayableTest {

    @Test
    void finalPublishedAndPartlyPaidInvoicesCanBePaidAndNothingElse() {
        for (InvoiceState state : InvoiceState.values()) {
            boolean expected = state == InvoiceState.FINAL || state == InvoiceState.PUBLISHED || state == InvoiceState.PARTLY_PAID;
            assertEquals(expected, state.isPayable(), state.name());
        }
    }

    @Test
    void theSqlListNamesExactlyThePayableStates() {
        assertEquals("'FINAL', 'PARTLY_PAID', 'PUBLISHED'", InvoiceState.PAYABLE_SQL);
    }
}
