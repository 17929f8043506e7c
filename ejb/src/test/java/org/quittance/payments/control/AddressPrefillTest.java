package org.quittance.payments.control;

import org.junit.jupiter.api.Test;
import org.quittance.payments.entity.BillingAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressPrefillTest {

    @Test
    void townAndPostcodeOnTheLastLine() {
        BillingAddress a = AddressPrefill.of("James Okafor", "7 Elm Row\nLondon NW3 1AA", "GB");
        assertEquals("7 Elm Row", a.line1());
        assertNull(a.line2());
        assertEquals("London", a.city());
        assertEquals("NW3 1AA", a.postcode());
        assertEquals("James Okafor", a.name());
        assertEquals("GB", a.country());
    }

    @Test
    void postcodeOnItsOwnLineAndTheMiddleLinesKept() {
        BillingAddress a = AddressPrefill.of("Maria Lopez", "Unit 4\r\nHarbour Quay\nSpike Island\nBristol\nbs1 5tt\n", "GB");
        assertEquals("Unit 4", a.line1());
        assertEquals("Harbour Quay, Spike Island", a.line2());
        assertEquals("Bristol", a.city());
        assertEquals("BS1 5TT", a.postcode());
    }

    @Test
    void noPostcodeIsLeftForTheClientToEnter() {
        BillingAddress a = AddressPrefill.of("Ana", "Rua Augusta 12\nLisboa", "PT");
        assertEquals("Rua Augusta 12", a.line1());
        assertEquals("Lisboa", a.city());
        assertEquals("", a.postcode());
    }

    @Test
    void noAddressGivesEmptyFieldsNotAGuess() {
        BillingAddress a = AddressPrefill.of(null, null, "GB");
        assertEquals("", a.name());
        assertEquals("", a.line1());
        assertEquals("", a.city());
        assertEquals("", a.postcode());
    }
}
