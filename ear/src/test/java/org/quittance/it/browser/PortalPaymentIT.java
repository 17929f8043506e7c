package org.quittance.it.browser;

import org.quittance.it.Mailbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.quittance.it.Eventually;
import org.quittance.it.SandboxClient;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The client's side of the walkthrough in a real browser: the demo client (Okafor Family Trust, two
 * published invoices of GBP 480.00 and 819.00) pays through the sandbox processor's hosted page. A
 * declined card changes nothing; one invoice is paid in full and the other in part; the balance
 * moves when the processor's signed notification is recorded, and the firm's portal administrator
 * hears of each outcome by e-mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalPaymentIT {

    private static final String PORTAL = "http://localhost:" + System.getProperty("quittance.it.http.port", "8180") + "/portal";
    private static final String STAFF = PORTAL.replace("/portal", "/staff");
    private static final String SANDBOX = "http://localhost:" + System.getProperty("quittance.it.sandbox.port", "8195");
    private static final String CLIENT = "james.okafor@okafortrust.example";
    private static Mailbox mailbox;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("quittance.ear", "target/quittance.ear")));
    }

    @BeforeAll
    static void mailbox() {
        mailbox = Mailbox.open();
        System.setProperty("quittance.sandbox.url", SANDBOX);  // the test server's sandbox, for SandboxClient in this JVM
    }

    @AfterAll
    static void closeMailbox() {
        mailbox.close();
    }

    @Test
    @Order(1)
    void aDeclinedCardShowsTheProcessorsReasonAndChangesNothing() throws Exception {
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            assertEquals("GBP 1,299.00", browser.find(By.id("balance")).getText().trim(), browser.text());
            browser.screenshot("20-portal-balance-due");

            openPayPage(browser, "GBP 480.00");
            browser.click(By.id("pay:continue"));
            browser.waitForText("TEST MODE", Duration.ofSeconds(10));
            assertTrue(browser.driver().getCurrentUrl().startsWith(SANDBOX + "/pay/cs_test_"), browser.driver().getCurrentUrl());
            assertTrue(browser.text().contains("GBP 480.00"));
            card(browser, "4000 0000 0000 0002");
            assertEquals("Your card was declined.", browser.find(By.id("card-error")).getText());
            browser.screenshot("21-sandbox-declined");

            // The refusal's notifications arrive; the balance stays as it was.
            Eventually.await("the portal administrator hears of the failure", Duration.ofSeconds(20),
                    () -> subjects().stream().anyMatch(s -> s.startsWith("Portal payment failed: GBP 480.00")));
            browser.click(By.id("back"));
            browser.open("/");
            assertEquals("GBP 1,299.00", browser.find(By.id("balance")).getText().trim());
            assertTrue(browser.text().contains("Open (2)"));

            // Pay Now under the Balance Due box: both invoices, the oldest due first, the whole balance as the total.
            browser.click(By.id("pay-balance-GBP"));
            browser.waitForText("Pay your balance", Duration.ofSeconds(10));
            String amounts = browser.find(By.id("amounts")).getText();
            assertTrue(amounts.indexOf("GBP 480.00") >= 0 && amounts.indexOf("GBP 819.00") >= 0, amounts);
            assertEquals("1299.00", browser.find(By.id("pay:total")).getAttribute("value"));
            browser.screenshot("20-pay-balance");
        }
    }

    @Test
    @Order(2)
    void theClientPaysOneInvoiceInFullAndSeesItPaidOnceTheProcessorConfirms() throws Exception {
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            openPayPage(browser, "GBP 480.00");
            browser.screenshot("22-pay-in-full");
            browser.click(By.id("pay:continue"));
            card(browser, "4242 4242 4242 4242");

            browser.waitForText("Thank you.", Duration.ofSeconds(10));
            assertTrue(browser.driver().getCurrentUrl().startsWith(PORTAL + "/paid.xhtml?checkout=chk_"), browser.driver().getCurrentUrl());
            browser.waitForText("The payment processor has confirmed your payment of GBP 480.00", Duration.ofSeconds(30));
            assertTrue(browser.text().contains("Visa ending 4242"));
            browser.screenshot("23-payment-confirmed");

            assertEquals("Paid — thank you", browser.find(By.id("heading")).getText());

            browser.open("/");
            assertEquals("GBP 819.00", browser.find(By.id("balance")).getText().trim());
            assertTrue(browser.text().contains("Open (1)"), browser.text());
            // Confirmed by the processor, not yet accepted by the firm: it is on the Paid tab, in the client's words already.
            browser.click(By.id("tab-paid"));
            String paid = browser.find(By.cssSelector("[id$='paidTable']")).getText();
            assertTrue(paid.contains("GBP 480.00") && paid.contains("Paid — thank you"), paid);
        }
    }

    @Test
    @Order(3)
    void theClientPaysPartOfTheOtherInvoiceAndTheRightBalanceRemains() throws Exception {
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            openPayPage(browser, "GBP 819.00");
            // An amount of 20 million digits is refused as fast as any other typo (it used to keep the server busy for seconds).
            browser.type(By.cssSelector("input[id$=':amount']"), "1E+20000000");
            browser.click(By.id("pay:continue"));
            browser.waitForText("enter an amount such as 120.50", Duration.ofSeconds(3));
            // Below the firm's minimum part payment: refused before anything reaches the processor.
            browser.type(By.cssSelector("input[id$=':amount']"), "5.00");
            browser.click(By.id("pay:continue"));
            browser.waitForText("A part payment must be at least", Duration.ofSeconds(10));
            browser.type(By.cssSelector("input[id$=':amount']"), "300.00");
            browser.screenshot("24-pay-in-part");
            browser.click(By.id("pay:continue"));
            browser.waitForText("TEST MODE", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("GBP 300.00"), "the processor's page asks for the part only");
            card(browser, "4242 4242 4242 4242");
            browser.waitForText("The payment processor has confirmed your payment of GBP 300.00", Duration.ofSeconds(30));

            browser.open("/");
            assertEquals("GBP 519.00", browser.find(By.id("balance")).getText().trim());
            String open = browser.find(By.cssSelector("[id$='openTable']")).getText();
            assertTrue(open.contains("Part paid"), open);
            assertFalse(browser.text().contains("being processed"), "no word of processing once the processor confirmed");
            browser.screenshot("25-balance-after-part-payment");

            browser.open("/payments.xhtml");
            String history = browser.text();
            assertTrue(history.contains("GBP 480.00") && history.contains("GBP 300.00"), history);
            assertEquals(2, browser.driver().findElements(By.partialLinkText("PDF")).size(), "a receipt for each payment");
            browser.screenshot("26-payment-history");

            // (Other tests' notices may arrive in this mailbox too: count this client's amounts.)
            Eventually.await("a notice for each successful payment", Duration.ofSeconds(20), () -> succeededNotices() == 2);
            Eventually.await("every notification of the client's payments delivered, applied and its e-mail relayed",
                    Duration.ofSeconds(60), () -> stillOnTheirWay() == 0);
            assertEquals(2, succeededNotices(), "one notice per payment, however often its notifications came");

            // The same pages on a phone-sized screen: nothing wider than the screen.
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            for (String page : new String[]{"/", "/payments.xhtml"}) {
                browser.open(page);
                Object overflow = ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
                assertTrue(((Number) overflow).intValue() <= 0, page + " is wider than a phone screen by " + overflow + " px");
            }
            browser.open("/");
            browser.screenshot("27-phone-home");
        }
        // The firm sees the processor's payments with their states.
        try (Browser staff = new Browser(PORTAL.replace("/portal", "/staff"))) {
            staff.signIn("/processor-payments.xhtml", "billie", "billing-demo-2026");
            String payments = staff.text();
            assertTrue(payments.contains("Okafor Family Trust") && payments.contains("GBP 300.00") && payments.contains("GBP 480.00"), payments);
            assertTrue(payments.contains("visa ····4242"), payments);
            assertTrue(payments.contains("Failed: Your card was declined."), "the declined attempt is there too: " + payments);
            staff.screenshot("28-staff-card-payments");
        }
    }

    @Test
    @Order(4)
    void theFirmImportsTheReceiptsAcceptsThemAndTheClientSeesTheInvoicePaid() throws Exception {
        try (Browser staff = new Browser(PORTAL.replace("/portal", "/staff"))) {
            staff.signIn("/receipts.xhtml", "billie", "billing-demo-2026");
            // The processor's settlement adds what the notifications did not carry: the fee.
            staff.click(By.xpath("//a[contains(., 'Import from processor')]"));
            staff.click(By.id("receipts:tabs:startImport"));
            staff.waitForText("finished —", Duration.ofSeconds(60));
            staff.screenshot("29-staff-receipt-import");

            staff.click(By.xpath("//a[contains(., 'Integrated Receipts')]"));
            staff.type(By.id("receipts:tabs:search"), "Okafor");
            staff.click(By.id("receipts:tabs:filter"));
            staff.waitForText("GBP 7.40", Duration.ofSeconds(10));  // 1.5 % of 480.00 + 0.20
            String table = staff.find(By.id("receipts:tabs:table")).getText();
            assertTrue(table.contains("GBP 480.00") && table.contains("GBP 300.00") && table.contains("Certain"), table);
            staff.click(By.cssSelector("#receipts\\:tabs\\:table thead .ui-chkbox-box"));
            staff.waitForText("2 selected: GBP 780.00", Duration.ofSeconds(10));
            staff.screenshot("30-staff-receipts-selected");
            staff.click(By.id("receipts:tabs:accept"));
            staff.waitForText("2 accepted", Duration.ofSeconds(20));
            staff.screenshot("31-staff-receipts-accepted");
        }
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            assertEquals("GBP 519.00", browser.find(By.id("balance")).getText().trim());
            browser.click(By.id("tab-paid"));
            String paid = browser.find(By.cssSelector("[id$='paidTable']")).getText();
            assertTrue(paid.contains("GBP 480.00") && paid.contains("Paid — thank you"), "the same words after the firm accepted it: " + paid);
            browser.screenshot("32-portal-paid-on-the-books");
        }
    }

    @Test
    @Order(5)
    void theClientReachesPayNowWithTheKeyboardAloneAndSeesWhereTheFocusIs() {
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            String focused = "";
            for (int tab = 0; tab < 40 && !focused.startsWith("pay-"); tab++) {
                browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
                focused = String.valueOf(js.executeScript("return document.activeElement.id || '';"));
            }
            assertTrue(focused.startsWith("pay-"), "Pay now is reachable with Tab; the focus stopped at '" + focused + "'");
            assertNotEquals("none", js.executeScript("return getComputedStyle(document.activeElement).outlineStyle;"),
                    "the focused link shows an outline");
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            browser.waitForText("Billing address", Duration.ofSeconds(10));
            // The first Pay now on the page is the Balance Due box's.
            assertTrue(browser.driver().getCurrentUrl().contains("/pay.xhtml?balance=GBP"), browser.driver().getCurrentUrl());
        }
    }

    @Test
    @Order(6)
    void aGermanFirmsClientTypesAmountsTheGermanWay() {
        try {
            firmFormats("de-DE");
            String minimum;
            try (Browser staff = new Browser(STAFF)) {
                // The firm's own number field shows its format and posts back the same amount.
                staff.signIn("/setup/firm.xhtml", "admin", "admin-demo-2026");
                staff.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
                minimum = staff.find(By.id("firm:tabs:minimum_input")).getAttribute("value");
                assertTrue(minimum.matches("\\d{1,3}(\\.\\d{3})*,\\d{2}"), minimum);
                staff.click(By.id("firm:tabs:savePolicy"));
                staff.waitForText("Portal settings saved.", Duration.ofSeconds(10));
                staff.open("/setup/firm.xhtml");
                staff.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
                assertEquals(minimum, staff.find(By.id("firm:tabs:minimum_input")).getAttribute("value"), "saved as it was");
            }
            try (Browser browser = new Browser(PORTAL)) {
                browser.signIn("/", CLIENT, "portal-demo-2026");
                assertEquals("GBP 519,00", browser.find(By.id("balance")).getText().trim(), browser.text());
                openPayPage(browser, "GBP 519,00");
                By amount = By.cssSelector("input[id$=':amount']");
                assertEquals("519,00", browser.find(amount).getAttribute("value"), "the balance preset as the firm writes it");
                // A point would be a thousands mark here: refused rather than read as 12,050.
                browser.type(amount, "120.50");
                browser.click(By.id("pay:continue"));
                browser.waitForText("enter an amount such as 120,50", Duration.ofSeconds(10));
                // "5,00" is five, not five hundred: below the firm's minimum, in the firm's words.
                browser.type(amount, "5,00");
                browser.click(By.id("pay:continue"));
                browser.waitForText("A part payment must be at least GBP " + minimum + ".", Duration.ofSeconds(10));
                browser.type(amount, "1.000,00");
                browser.click(By.id("pay:continue"));
                browser.waitForText("You can pay at most the balance of GBP 519,00", Duration.ofSeconds(10));
                browser.screenshot("33-pay-page-german-firm");
            }
        } finally {
            firmFormats("en-GB");
        }
    }

    @Test
    @Order(7)
    void theClientPaysTheWholeBalanceByBankDebitWhichProcessesForDaysAndCanStillBeReturned() throws Exception {
        paymentApplication("Apply automatically");  // on the books as soon as it succeeds: the return then reverses the ledger
        try (Browser browser = new Browser(PORTAL)) {
            browser.signIn("/", CLIENT, "portal-demo-2026");
            assertEquals("GBP 519.00", browser.find(By.id("balance")).getText().trim());

            // A debit the bank will return two days after it succeeds.
            debitTheBalance(browser, "33333335");
            browser.waitForText("Bank debit processing", Duration.ofSeconds(30));
            assertTrue(browser.text().contains("Your bank debit of GBP 519.00 is processing"), browser.text());
            assertEquals("Bacs Direct Debit ending 3335", browser.find(By.id("card")).getText());
            browser.screenshot("34-bank-debit-processing");
            browser.open("/");
            assertEquals("GBP 519.00", browser.find(By.id("balance")).getText().trim(), "the balance moves only when the debit succeeds");

            // The sandbox's own page: its clock, the debit in flight, the lever.
            browser.driver().get(SANDBOX + "/");
            assertTrue(browser.find(By.id("debits")).getText().contains("GBP 519.00, settles on"), browser.text());
            browser.screenshot("35-sandbox-clock");

            assertEquals(1, SandboxClient.advanceClock(3), "the debit settles on its third day");
            awaitBalance(browser, "Nothing to pay");
            browser.screenshot("35-bank-debit-succeeded");

            assertEquals(1, SandboxClient.advanceClock(2), "and is returned by the bank two days later");
            awaitBalance(browser, "GBP 519.00");
            assertTrue(browser.text().contains("Open (1)"), browser.text());
            browser.open("/payments.xhtml");
            assertTrue(browser.text().contains("Returned by your bank"), browser.text());
            Eventually.await("the client hears of the return", Duration.ofSeconds(30),
                    () -> subjects().stream().anyMatch(s -> s.startsWith("Bank debit returned: GBP 519.00")));

            // Paid again, by a debit that goes through.
            debitTheBalance(browser, "00012345");
            browser.waitForText("Bank debit processing", Duration.ofSeconds(30));
            assertEquals(1, SandboxClient.advanceClock(3));
            awaitBalance(browser, "Nothing to pay");
            Eventually.await("the client's confirmation", Duration.ofSeconds(30),
                    () -> subjects().stream().filter(s -> s.startsWith("Payment received: GBP 519.00")).count() == 2);
        } finally {
            paymentApplication("Wait for staff acceptance");
        }
        // The firm's ledger: the debit that was returned is reversed, the second one stands.
        try (Browser staff = new Browser(STAFF)) {
            staff.signIn("/ledger.xhtml", "billie", "billing-demo-2026");
            staff.pick("choose-client:client", "Okafor");
            staff.waitForText("Receipt reversed", Duration.ofSeconds(10));
            staff.screenshot("36-ledger-debit-returned");
        }
    }

    private static void debitTheBalance(Browser browser, String account) {
        browser.open("/");
        browser.click(By.id("pay-balance-GBP"));
        browser.waitForText("Pay your balance", Duration.ofSeconds(10));
        browser.click(By.id("pay:continue"));
        browser.waitForText("Pay by Bacs Direct Debit", Duration.ofSeconds(10));
        browser.type(By.id("holder"), "James Okafor");
        browser.type(By.id("sort_code"), "10-88-00");
        browser.type(By.id("account_number"), account);
        browser.click(By.id("pay-debit"));
        browser.waitForText("Tick the box to authorise the debit.", Duration.ofSeconds(10));
        browser.type(By.id("sort_code"), "10-88-00");
        browser.type(By.id("account_number"), account);
        browser.click(By.cssSelector("label[for='mandate']"));
        browser.screenshot("34-sandbox-bank-debit");
        browser.click(By.id("pay-debit"));
    }

    private static void awaitBalance(Browser browser, String balance) {
        Eventually.await("the balance " + balance, Duration.ofSeconds(30), () -> {
            browser.open("/");
            return browser.find(By.id("balance")).getText().trim().equals(balance);
        });
    }

    /** Sets how the firm applies portal payments (Setup › Firm › Billing and A/R), by the start of the option's label. */
    private static void paymentApplication(String option) {
        try (Browser staff = new Browser(STAFF)) {
            staff.signIn("/setup/firm.xhtml", "admin", "admin-demo-2026");
            staff.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
            staff.click(By.xpath("//label[starts-with(., '" + option + "')]"));
            staff.click(By.id("firm:tabs:savePolicy"));
            staff.waitForText("Portal settings saved.", Duration.ofSeconds(10));
        }
    }

    /** Sets the firm's formats on Setup › Firm (through the menu's own widget: the restore must not depend on a popup opening). */
    private static void firmFormats(String languageTag) {
        try (Browser staff = new Browser(STAFF)) {
            staff.signIn("/setup/firm.xhtml", "admin", "admin-demo-2026");
            ((JavascriptExecutor) staff.driver()).executeScript(
                    "PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", "firm:tabs:locale", languageTag);
            staff.click(By.id("firm:tabs:saveFirm"));
            staff.waitForText("Firm details saved.", Duration.ofSeconds(10));
        }
    }

    private static void openPayPage(Browser browser, String balance) {
        browser.open("/");
        browser.click(By.xpath("//tr[td[contains(., '" + balance + "')]]//a[starts-with(@id, 'pay-')]"));
        assertTrue(browser.text().contains(balance), browser.text());
        // The billing address comes from the client's address on file.
        assertEquals("7 Elm Row", browser.find(By.id("pay:line1")).getAttribute("value"));
        assertEquals("NW3 1AA", browser.find(By.id("pay:postcode")).getAttribute("value"));
    }

    private static void card(Browser browser, String number) {
        browser.type(By.id("number"), number);
        browser.type(By.id("expiry"), "12 / 34");
        browser.type(By.id("cvc"), "123");
        browser.type(By.id("name"), "James Okafor");
        browser.click(By.id("pay"));
    }

    private static long succeededNotices() {
        return subjects().stream().filter(s -> s.startsWith("Portal payment succeeded: GBP 480.00")
                || s.startsWith("Portal payment succeeded: GBP 300.00")).count();
    }

    /**
     * What of this client's payments is still on its way to the firm: the sandbox's undelivered
     * notifications, notifications received but not applied, and payment e-mails not yet relayed.
     */
    private static long stillOnTheirWay() {
        String checkouts = """
                SELECT pc.reference FROM portal_checkout pc JOIN portal_user pu ON pu.id = pc.portal_user_id WHERE pu.email = ?""";
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + Integer.getInteger("quittance.it.db.port", 55432)
                + "/postgres", "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("""
                     SELECT (SELECT count(*) FROM sandbox.events e WHERE e.delivered_at IS NULL
                                AND EXISTS (SELECT 1 FROM (%1$s) c WHERE e.body LIKE '%%' || c.reference || '%%'))
                          + (SELECT count(*) FROM payment_notification n WHERE n.processed_at IS NULL
                                AND EXISTS (SELECT 1 FROM (%1$s) c WHERE convert_from(n.payload, 'UTF8') LIKE '%%' || c.reference || '%%'))
                          + (SELECT count(*) FROM mail_outbox WHERE state = 'PENDING' AND subject LIKE 'Portal payment%%')"""
                     .formatted(checkouts.replace("?", "'" + CLIENT + "'")));
             ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.List<String> subjects() {
        return mailbox.subjects();
    }


}
