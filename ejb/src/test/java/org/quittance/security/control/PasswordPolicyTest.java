package org.quittance.security.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PasswordPolicyTest {

    private static final String EMAIL = "maria.lopez@harbourlights.example";

    @Test
    void aLongUnrelatedPassphraseIsAccepted() {
        assertTrue(PasswordPolicy.weakness("copper kettle on the harbour wall", EMAIL).isEmpty());
        assertTrue(PasswordPolicy.weakness("Zürich-Straße 2026!", EMAIL).isEmpty(), "non-ASCII is fine");
    }

    @Test
    void shortCommonRepetitiveOrPersonalPasswordsAreRefusedWithAReason() {
        assertTrue(PasswordPolicy.weakness("short1!", EMAIL).orElseThrow().contains("12 characters"));
        assertTrue(PasswordPolicy.weakness("password1234", EMAIL).orElseThrow().contains("easy to guess"));
        assertTrue(PasswordPolicy.weakness("aaaaaaaaaaaaaaaa", EMAIL).orElseThrow().contains("easy to guess"));
        assertTrue(PasswordPolicy.weakness("maria.lopez2026!", EMAIL).orElseThrow().contains("e-mail"));
        assertTrue(PasswordPolicy.weakness("", EMAIL).isPresent());
        assertTrue(PasswordPolicy.weakness("x".repeat(20) + "abcdefghij".repeat(12), EMAIL).orElseThrow().contains("at most"));
    }
}
