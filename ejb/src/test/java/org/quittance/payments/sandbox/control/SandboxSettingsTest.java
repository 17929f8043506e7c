package org.quittance.payments.sandbox.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SandboxSettingsTest {

    @AfterEach
    void forget() {
        System.clearProperty("quittance.sandbox.enabled");
    }

    @Test
    void theSandboxIsOffUnlessTurnedOnInSoManyWords() {
        assertFalse(SandboxSettings.enabled(), "a server without the setting never opens the sandbox's port");
        for (String value : new String[]{"", "yes", "1", "false", "${env.QUITTANCE_SANDBOX_ENABLED}"}) {
            System.setProperty("quittance.sandbox.enabled", value);
            assertFalse(SandboxSettings.enabled(), value);
        }
        System.setProperty("quittance.sandbox.enabled", " TRUE ");
        assertTrue(SandboxSettings.enabled());
    }
}
