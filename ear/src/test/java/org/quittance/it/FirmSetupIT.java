package org.quittance.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.clients.boundary.ClientDirectory;
import org.quittance.clients.entity.ClientKind;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.platform.control.RuleViolation;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.*;

/** Setup: the payment account's secrets never reach the database or a screen in clear; setup rules refuse bad input. */
@ExtendWith(ArquillianExtension.class)
class FirmSetupIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(FirmSetupIT.class, BillingFixtures.class, BillingFixtures.Scenario.class);
    }

    @EJB FirmSettings settings;
    @EJB org.quittance.payments.boundary.PaymentAccounts accounts;
    @EJB ClientDirectory clients;
    @EJB BillingFixtures fixtures;

    @Resource(lookup = "java:jboss/datasources/QuittanceDS")
    DataSource dataSource;

    @Test
    void processorSecretsAreStoredEncryptedAndShownOnlyByTheirLastFourCharacters() throws Exception {
        fixtures.firmWithPortalInvoicing(true);
        String secret = "sk_test_51HsEcReTkEy0123456789abcd";
        String webhook = "whsec_T0pSecretSigningKeyWXYZ";
        try {
            org.quittance.payments.boundary.PaymentAccounts.AccountView view = accounts.connectPaymentAccount(ProcessorKind.STRIPE, false, "Test account", "pk_test_123", secret, webhook);
            assertEquals("…abcd", view.secretKeyHint());
            assertEquals("…WXYZ", view.webhookSecretHint());
            assertFalse(view.readyForPayments(), "not before a passed connection test");

            try (Connection c = dataSource.getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT * FROM payment_account")) {
                assertTrue(rs.next());
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String value = rs.getString(i);
                    assertFalse(value != null && (value.contains("sEcReTkEy") || value.contains("T0pSecret")),
                            "column " + rs.getMetaData().getColumnName(i) + " holds a secret in clear");
                }
            }
            // Saving again with blank secrets keeps them.
            assertEquals("…abcd", accounts.connectPaymentAccount(ProcessorKind.STRIPE, false, "Renamed", "pk_test_123", "", null).secretKeyHint());
        } finally {
            accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, null);
        }
    }

    @Test
    void theFirmChoosesHowAmountsAndDatesAreWrittenAndTheChoiceIsAudited() {
        try {
            settings.setLocale("de-DE");
            assertEquals("EUR 1.234,50", settings.formats().money(org.quittance.money.Money.of("1234.50", "EUR")));
            assertEquals("5. Dezember 2026", settings.formats().longDate(java.time.LocalDate.of(2026, 12, 5)));
            assertThrows(org.quittance.platform.control.RuleViolation.class, () -> settings.setLocale("xx-YY"), "only an offered locale");
        } finally {
            settings.setLocale("en-GB");
        }
        assertEquals("GBP 1,969.50", settings.formats().money(org.quittance.money.Money.of("1969.50", "GBP")));
    }

    @Test
    void theSandboxCannotTakeLivePaymentsAndPassesItsConnectionTest() {
        fixtures.firmWithPortalInvoicing(true);
        assertThrows(RuleViolation.class, () -> accounts.connectPaymentAccount(ProcessorKind.SANDBOX, true, "x", null, null, null));
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, null);
        org.quittance.payments.boundary.PaymentAccounts.AccountView tested = accounts.testConnection();
        assertTrue(tested.lastTestOk());
        assertTrue(tested.readyForPayments());
    }

    @Test
    void theSandboxAnswersOnlyTheKeysItIssued() throws Exception {
        fixtures.firmWithPortalInvoicing(true);
        accounts.connectPaymentAccount(ProcessorKind.SANDBOX, false, "Sandbox", null, null, null);
        var http = java.net.http.HttpClient.newHttpClient();
        var forged = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        org.quittance.platform.control.Settings.sandboxApiBase() + "/v1/balance"))
                .header("Authorization", "Bearer sk_test_sandbox_" + "0".repeat(32)).GET().build();
        assertEquals(401, http.send(forged, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a key of the right shape that the sandbox never issued");
        assertTrue(accounts.testConnection().lastTestOk(), "the firm's own key still works");
    }

    @Test
    void aClientWithoutABillingContactOrAFirmWithABadNumberFormatIsRefused() {
        fixtures.firmWithPortalInvoicing(true);
        EJBException noContact = assertThrows(EJBException.class,
                () -> clients.createClient("Nobody Ltd", ClientKind.ORGANISATION, null, " ", null));
        assertTrue(String.valueOf(rootMessage(noContact)).contains("A billing contact is required"), rootMessage(noContact));

        var firm = settings.firm();
        RuleViolation format = assertThrows(RuleViolation.class, () -> settings.describeFirm(firm.name(), firm.address(), firm.email(),
                firm.defaultCurrency(), firm.paymentTermsDays(), "INV-{YYYY}", firm.taxLabel(), firm.taxRatePercent(), null));
        assertTrue(format.getMessage().contains("{SEQ}"), format.getMessage());
    }

    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.validation.ConstraintViolationException cve) {
                return cve.getConstraintViolations().iterator().next().getMessage();
            }
        }
        return String.valueOf(e);
    }
}
