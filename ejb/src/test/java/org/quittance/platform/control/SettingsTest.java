package org.quittance.platform.control;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** Server settings: one default each, blanks are absent, and a bad number names its property. */
class SettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("quittance.public-url");
        System.clearProperty("quittance.receipts.import-every-minutes");
        System.clearProperty("quittance.smtp.host");
        System.clearProperty("quittance.invitation-days");
    }

    @Test
    void unsetSettingsTakeTheirDefaults() {
        assertEquals("http://localhost:8080", Settings.publicUrl());
        assertEquals(60, Settings.receiptImportEveryMinutes());
        assertEquals(Duration.ofDays(7), Settings.invitationLife());
        assertTrue(Settings.smtpHost().isEmpty());
    }

    @Test
    void givenSettingsAreTrimmedAndAPublicUrlLosesItsTrailingSlash() {
        System.setProperty("quittance.public-url", " https://billing.firm.example/ ");
        System.setProperty("quittance.smtp.host", "   ");
        System.setProperty("quittance.invitation-days", "14");
        assertEquals("https://billing.firm.example", Settings.publicUrl());
        assertTrue(Settings.smtpHost().isEmpty(), "a blank host is no host");
        assertEquals(Duration.ofDays(14), Settings.invitationLife());
    }

    @Test
    void aNumberThatIsNotOneStopsWithThePropertysName() {
        System.setProperty("quittance.receipts.import-every-minutes", "hourly");
        IllegalStateException refused = assertThrows(IllegalStateException.class, Settings::receiptImportEveryMinutes);
        assertTrue(refused.getMessage().contains("quittance.receipts.import-every-minutes"), refused.getMessage());
    }
}
