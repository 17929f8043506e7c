package org.quittance.firm.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SetupCodeTest {

    @Test
    void aCodeIsFourGroupsOfFiveWithoutLookAlikes() {
        String code = SetupCode.generate();
        assertTrue(code.matches("[A-HJKMNP-Z2-9]{5}(-[A-HJKMNP-Z2-9]{5}){3}"), code);
    }

    @Test
    void eachStartGetsAnotherCode() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(SetupCode.generate());
        }
        assertEquals(1000, codes.size());
    }

    @Test
    void theCodeAsTypedMatchesWhateverItsCaseSpacesOrDashes() {
        String code = SetupCode.generate();
        String kept = SetupCode.sha256(code);
        assertTrue(SetupCode.matches(code, kept));
        assertTrue(SetupCode.matches(" " + code.toLowerCase().replace("-", " ") + " ", kept));
        assertTrue(SetupCode.matches(code.replace("-", ""), kept));
    }

    @Test
    void anyOtherCodeDoesNot() {
        String kept = SetupCode.sha256("ABCDE-FGHJK-MNPQR-STUVW");
        assertFalse(SetupCode.matches("ABCDE-FGHJK-MNPQR-STUVX", kept));
        assertFalse(SetupCode.matches("", kept));
        assertFalse(SetupCode.matches(null, kept));
        assertFalse(SetupCode.matches("ABCDE-FGHJK-MNPQR-STUVW", null), "no code kept: setup is closed");
        assertFalse(SetupCode.matches("ABCDE-FGHJK-MNPQR-STUVW" + " ".repeat(100), kept), "longer than any code: refused unread");
    }

    @Test
    void onlyTheDigestIsKept() {
        assertEquals(64, SetupCode.sha256("ABCDE-FGHJK-MNPQR-STUVW").length());
        assertNotEquals(SetupCode.sha256("ABCDE-FGHJK-MNPQR-STUVW"), SetupCode.sha256("ABCDE-FGHJK-MNPQR-STUVX"));
    }
}
