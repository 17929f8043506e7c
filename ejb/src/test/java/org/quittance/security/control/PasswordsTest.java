package org.quittance.security.control;

import org.junit.jupiter.api.Test;
import org.quittance.security.entity.PasswordHash;

import static org.junit.jupiter.api.Assertions.*;

class PasswordsTest {

    @Test
    void hashesWithASaltAndTheOwaspIterationCount() {
        PasswordHash first = Passwords.hash("correct horse battery staple");
        PasswordHash second = Passwords.hash("correct horse battery staple");

        assertEquals(600_000, first.iterations());
        assertNotEquals(first.salt(), second.salt(), "every hash has its own salt");
        assertNotEquals(first.hash(), second.hash());
        assertFalse(first.hash().contains("correct"));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        PasswordHash stored = Passwords.hash("Démo-pass 1!");
        assertTrue(Passwords.matches("Démo-pass 1!", stored));
        assertFalse(Passwords.matches("Demo-pass 1!", stored));
        assertFalse(Passwords.matches("", stored));
    }

    @Test
    void treatsCanonicallyEquivalentSpellingsAlike() {
        // "é" as one code point and as e + combining accent: the same password to a person.
        PasswordHash stored = Passwords.hash("caf\u00e9 au lait 2026");
        assertTrue(Passwords.matches("cafe\u0301 au lait 2026", stored));
    }
}
