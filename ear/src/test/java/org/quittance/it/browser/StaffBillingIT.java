package org.quittance.it.browser;

import org.quittance.it.Mailbox;
import jakarta.mail.internet.MimeMessage;
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
import org.openqa.selenium.Keys;
import org.quittance.it.Eventually;

import java.io.File;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The staff side of the walkthrough in a real browser, on the demo firm (the test server loads the
 * demo data): add a portal to a contact, create an invoice from unbilled time, publish it from the
 * Review tab — and the e-mails that reach the client's mailbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffBillingIT {

    private static final String STAFF = "http://localhost:" + System.getProperty("quittance.it.http.port", "8180") + "/staff";
    private static final String PORTAL = STAFF.replace("/staff", "/portal");
    private static Mailbox mailbox;
    private static String registrationLink;
    private static String invoiceLink;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("quittance.ear", "target/quittance.ear")));
    }

    @BeforeAll
    static void mailbox() {
        mailbox = Mailbox.open();
    }

    @AfterAll
    static void closeMailbox() {
        mailbox.close();
    }

    @Test
    @Order(1)
    void staffAddAPortalToAContactAndTheContactIsInvitedByEmail() throws Exception {
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/setup/clients.xhtml", "admin", "admin-demo-2026");
            browser.click(By.linkText("Greenfield Dental Practice"));
            assertTrue(browser.text().contains("No portal"), browser.text());

            browser.click(By.cssSelector("button.q-add-portal"));
            browser.waitForText("Unregistered — invitation pending", Duration.ofSeconds(10));
            browser.screenshot("01-contact-portal-invited");

            // A name typed wrong is corrected on the spot (the e-mail, the portal login, stays).
            browser.click(By.xpath("//tr[contains(., 'priya.shah@greenfielddental.example')]//button[contains(., 'Edit')]"));
            browser.type(By.id("client:tabs:editContactName"), "Dr Priya Shah");
            browser.screenshot("01-contact-editor");
            browser.click(By.id("client:tabs:saveContact"));
            browser.waitForText("Contact saved.", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Dr Priya Shah"), browser.text());

            // The matter's invoices go to the new portal; Alex bills this matter at a higher rate.
            browser.click(By.xpath("//a[contains(., 'Matters')]"));
            browser.click(By.xpath("//label[contains(., 'priya.shah@greenfielddental.example')]"));
            browser.click(By.xpath("//button[contains(., 'Save recipients')]"));
            browser.waitForText("Recipients saved.", Duration.ofSeconds(10));
            browser.click(By.xpath("//a[contains(., 'Matters')]"));
            browser.choose(browser.find(By.cssSelector("div[id$=':rateStaff']")).getAttribute("id"), "Alex Whitlock");
            browser.type(By.cssSelector("input[id$=':rateAmount']"), "260.00");
            browser.click(By.xpath("//button[contains(., 'Set rate')]"));
            browser.waitForText("Rate saved.", Duration.ofSeconds(10));
            browser.click(By.xpath("//a[contains(., 'Matters')]"));
            browser.waitForText("Alex Whitlock GBP 260.00", Duration.ofSeconds(10));
            browser.screenshot("01-matter-recipients-and-rates");

            MimeMessage invitation = awaitMail("priya.shah@greenfielddental.example", "Your client portal at Whitlock & Crane LLP");
            registrationLink = link((String) invitation.getContent(), "/portal/register.xhtml?token=");
        }
    }

    @Test
    @Order(2)
    void theInvitedClientSetsAPasswordThroughTheLinkAndArrivesSignedIn() {
        try (Browser browser = new Browser("")) {
            browser.open(registrationLink);
            assertTrue(browser.text().contains("priya.shah@greenfielddental.example"), browser.text());
            browser.type(By.id("register:password"), "password1234");
            browser.type(By.id("register:confirmation"), "password1234");
            browser.click(By.id("register:submit"));
            browser.waitForText("too easy to guess", Duration.ofSeconds(10));
            browser.screenshot("02-registration-refused");

            browser.type(By.id("register:password"), "blue heron over the estuary");
            browser.type(By.id("register:confirmation"), "blue heron over the estuary");
            browser.click(By.id("register:submit"));
            browser.waitForText("Your invoices", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Signed in as priya.shah@greenfielddental.example"), browser.text());

            browser.open(registrationLink);
            assertTrue(browser.text().contains("already been used"), browser.text());
            browser.screenshot("02-registration-link-used");
        }
    }

    @Test
    @Order(3)
    void staffCreateAnInvoiceFromUnbilledTimeAndPublishItFromTheReviewTab() throws Exception {
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/billing.xhtml", "billie", "billing-demo-2026");
            browser.pick("billing:matter", "HL-001");
            browser.waitForText("Unbilled work — GBP 1,645.50", Duration.ofSeconds(10));
            browser.screenshot("02-unbilled-work");

            browser.click(By.id("billing:createInvoice"));
            browser.waitForText("Draft invoice", Duration.ofSeconds(10));
            // 6.75 h at 240.00 = 1,620.00 fees + 25.50 expenses; VAT 20 % on fees only = 324.00
            assertTrue(browser.text().contains("GBP 1,969.50"), browser.text());
            browser.screenshot("03-draft-invoice");

            browser.click(By.id("invoice:finalise"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText("is final", Duration.ofSeconds(10));
            Matcher number = Pattern.compile("Invoice (INV-\\d{4}-\\d{5})").matcher(browser.text());
            assertTrue(number.find(), browser.text());
            String invoiceNumber = number.group(1);
            browser.screenshot("04-final-invoice");

            browser.open("/review.xhtml");
            browser.type(By.id("review:client"), "Harbour");
            browser.click(By.id("review:filter"));
            browser.screenshot("05-review");
            // Print selected, for a client on paper: one PDF of the selection, and the invoice marked as sent by post.
            browser.click(By.xpath("//tr[contains(., '" + invoiceNumber + "')]//div[contains(@class,'ui-chkbox-box')]"));
            browser.waitForText("1 selected", Duration.ofSeconds(10));
            assertEquals("application/pdf %PDF", fetch(browser, null, "review", "review:print"));
            browser.click(By.id("review:filter"));
            browser.waitForText("By post, ", Duration.ofSeconds(10));
            browser.click(By.xpath("//tr[contains(., '" + invoiceNumber + "')]//div[contains(@class,'ui-chkbox-box')]"));
            browser.waitForText("1 selected", Duration.ofSeconds(10));
            browser.click(By.id("review:publish"));
            browser.waitForText("Finished.", Duration.ofSeconds(30));
            assertTrue(browser.text().contains("1 published, 0 skipped, 0 failed"), browser.text());
            browser.screenshot("06-published");

            MimeMessage notice = awaitMail("maria.lopez@harbourlights.example", "Invoice " + invoiceNumber + " from Whitlock & Crane LLP");
            String body = (String) notice.getContent();
            assertTrue(body.contains("GBP 1,969.50"), body);
            invoiceLink = link(body, "/portal/invoice.xhtml?id=");
            assertAuditNames("billie", "finalised " + invoiceNumber);

            // Work typed wrong is corrected, or deleted, while it is not on an invoice.
            browser.open("/billing.xhtml");
            browser.pick("billing:matter", "HL-001");
            browser.type(By.id("billing:hours"), "0.50");
            browser.type(By.id("billing:narrative"), "Call wiht landlord");
            browser.click(By.id("billing:recordTime"));
            browser.click(By.xpath("//tr[contains(., 'Call wiht landlord')]//button[contains(., 'Correct')]"));
            browser.type(By.id("billing:correctText"), "Call with landlord");
            browser.screenshot("06-correct-time");
            browser.click(By.id("billing:saveCorrection"));
            browser.waitForText("Time entry corrected.", Duration.ofSeconds(10));
            browser.click(By.xpath("//tr[contains(., 'Call with landlord')]//button[contains(., 'Delete')]"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText("Time entry deleted.", Duration.ofSeconds(10));
            assertFalse(browser.text().contains("Call with landlord"), browser.text());

            browser.open("/");
            assertTrue(browser.text().contains("Waiting for you"), browser.text());
            assertTrue(browser.text().matches("(?s).*\\d+\\s+(receipts await|receipt awaits) acceptance.*"), browser.text());
            assertFalse(browser.text().contains("payment account"), "the payment account is the administrators' business");
            browser.screenshot("07-home");
        }
    }

    private static void assertAuditNames(String actor, String action) {
        // The audit trail names who did it: the identity that the EJBs saw, not a name the page passed.
        try (Browser admin = new Browser(STAFF)) {
            admin.signIn("/audit.xhtml", "admin", "admin-demo-2026");
            Matcher entry = Pattern.compile("(\\S+) Invoice INV-\\S+ " + Pattern.quote(action)).matcher(admin.text());
            assertTrue(entry.find(), admin.text());
            assertEquals(actor, entry.group(1));
        }
    }

    @Test
    @Order(4)
    void theClientSeesThePublishedInvoiceAndAnotherClientCannot() throws Exception {
        String path = invoiceLink.substring(invoiceLink.indexOf("/portal/") + "/portal".length());
        try (Browser maria = new Browser(PORTAL)) {
            // Whose portal this is, before anyone signs in: the firm's name on the page and in its title.
            maria.open("/");
            assertTrue(maria.text().contains("Sign in to the client portal of Whitlock & Crane LLP"), maria.text());
            assertTrue(maria.driver().getTitle().contains("Whitlock & Crane LLP"), maria.driver().getTitle());
            maria.screenshot("07-portal-sign-in");
            maria.signIn(path, "maria.lopez@harbourlights.example", "portal-demo-2026");
            assertTrue(maria.text().contains("GBP 1,969.50"), maria.text());
            // The totals under the lines, as in the PDF: a client can check the bill on the page.
            String totals = maria.find(By.id("totals")).getText();
            for (String row : new String[]{"Fees GBP 1,620.00", "Expenses GBP 25.50", "VAT (20 %) GBP 324.00", "Total GBP 1,969.50"}) {
                assertTrue(totals.contains(row), () -> row + " missing from:\n" + totals);
            }
            maria.screenshot("07-portal-invoice");
            maria.open("/");
            assertEquals("GBP 1,969.50", maria.find(By.id("balance")).getText().trim());
            assertTrue(maria.text().contains("Open (1)"), maria.text());
            maria.screenshot("07-portal-home");
        }
        try (Browser priya = new Browser(PORTAL)) {
            priya.signIn("/", "priya.shah@greenfielddental.example", "blue heron over the estuary");
            priya.open(path);
            assertFalse(priya.text().contains("GBP 1,969.50"), "another client's invoice must not show");
            // The portal's own 404 page: the firm's name, a way back, nothing about the invoice.
            assertEquals("Not found", priya.find(By.id("problem")).getText(), priya.text());
            assertTrue(priya.text().contains("Whitlock & Crane LLP") && priya.text().contains("Back to your invoices"), priya.text());
            priya.screenshot("07-portal-not-found");
        }
    }

    @Test
    @Order(5)
    void anAdministratorSetsTheLogoAndTestsThePaymentAccount() throws Exception {
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/setup/firm.xhtml", "admin", "admin-demo-2026");
            browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(logo().toString());
            browser.waitForText("Logo saved.", Duration.ofSeconds(10));
            browser.screenshot("08-firm-setup");
            browser.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
            browser.click(By.id("firm:tabs:test"));
            browser.waitForText("Sandbox processor ready at", Duration.ofSeconds(10));
            assertTrue(browser.find(By.id("firm:tabs:savePolicy")).isDisplayed(), "the test leaves the Billing and A/R tab open");
            assertFalse(browser.text().contains("(test mode) (test mode)"), browser.text());
            browser.screenshot("09-billing-and-ar");

            // The outbox lists one line per message and opens one at a time.
            browser.open("/outbox.xhtml");
            browser.type(By.id("outbox:recipient"), "priya.shah");
            browser.click(By.id("outbox:search"));
            assertTrue(browser.text().contains("Your client portal at Whitlock & Crane LLP"), browser.text());
            Object height = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight;");
            assertTrue(((Number) height).intValue() < 2500, "the list is short, bodies are not in it: " + height + " px");
            browser.click(By.xpath("//tr[contains(., 'Your client portal at Whitlock')]//button[contains(., 'Open')]"));
            browser.waitForText("has opened a secure client portal for you", Duration.ofSeconds(10));
            browser.screenshot("10-outbox-message");
            browser.driver().findElement(By.cssSelector("#outbox\\:message .ui-dialog-titlebar-close")).click();

            browser.open("/dead-letters.xhtml");
            assertTrue(browser.text().contains("Messages that failed every delivery attempt"), browser.text());
            browser.screenshot("10-dead-letters");
        }
    }

    @Test
    @Order(6)
    void aBillingUserCannotOpenFirmSetup() {
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/setup/firm.xhtml", "billie", "billing-demo-2026");
            assertFalse(browser.text().contains("Payment account"), "billie must not see the payment account");
            assertEquals("Forbidden", browser.find(By.id("problem")).getText(), browser.text());
            assertTrue(browser.text().contains("Back to the home page"), browser.text());
            browser.screenshot("11-staff-forbidden");
            browser.open("/");
            assertTrue(browser.driver().findElements(By.cssSelector("a[href$='/setup/firm.xhtml']")).isEmpty(), "and is not offered the link");
        }
    }

    @Test
    @Order(7)
    void aClientWhoForgotThePasswordChoosesANewOneThroughTheEmailedLink() throws Exception {
        try (Browser browser = new Browser(PORTAL)) {
            browser.open("/forgot-password.xhtml");
            browser.type(By.id("forgot:email"), "priya.shah@greenfielddental.example");
            browser.click(By.id("forgot:send"));
            String reset = link((String) awaitMail("priya.shah@greenfielddental.example",
                    "Reset your client portal password at Whitlock & Crane LLP").getContent(), "/portal/reset-password.xhtml?token=");
            browser.open(reset.substring(reset.indexOf("/portal/") + "/portal".length()));
            browser.type(By.id("reset:password"), "kingfisher above the weir");
            browser.type(By.id("reset:confirmation"), "kingfisher above the weir");
            browser.click(By.id("reset:submit"));
            browser.waitForText("Your invoices", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Signed in as priya.shah@greenfielddental.example"), browser.text());
        }
    }

    @Test
    @Order(8)
    void aStaffUserSetsTheFirstPasswordThroughALinkAndCanAskForAnother() throws Exception {
        String username = "casey-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String email = username + "@whitlockcrane.example";
        try (Browser admin = new Browser(STAFF)) {
            admin.signIn("/setup/staff.xhtml", "admin", "admin-demo-2026");
            admin.type(By.id("staff:displayName"), "Casey Temp");
            admin.type(By.id("staff:username"), username);
            admin.type(By.id("staff:email"), email);
            admin.type(By.id("staff:password"), "a first password nobody knows");
            admin.click(By.id("staff:add"));
            admin.waitForText("Added " + username, Duration.ofSeconds(10));
            admin.click(By.xpath("//tr[contains(., '" + username + "')]//button[contains(., 'Send password link')]"));
            admin.waitForText("is on its way to " + email, Duration.ofSeconds(10));
            admin.screenshot("08-staff-link-sent");
        }
        String sent = link((String) awaitMail(email, "Your Quittance password at Whitlock & Crane LLP").getContent(), "/staff/reset-password.xhtml?token=");
        try (Browser casey = new Browser(STAFF)) {
            casey.open(sent.substring(sent.indexOf("/staff/") + "/staff".length()));
            casey.type(By.id("reset:password"), "otters under the bridge");
            casey.type(By.id("reset:confirmation"), "otters under the bridge");
            casey.click(By.id("reset:set"));
            casey.waitForText("Your password is set.", Duration.ofSeconds(10));
            casey.screenshot("08-staff-password-set");
            casey.signIn("/", username, "otters under the bridge");
            assertTrue(casey.text().contains("Waiting for you"), casey.text());
        }
        try (Browser forgot = new Browser(STAFF)) {
            forgot.open("/login.xhtml");
            forgot.click(By.linkText("Forgotten your password?"));
            forgot.type(By.id("forgot:login"), username);
            forgot.click(By.id("forgot:send"));
            forgot.waitForText("a link to choose a new password is on its way", Duration.ofSeconds(10));
            Eventually.await("a second link for " + email, Duration.ofSeconds(30), () -> mails(email) == 2);
        }
    }

    @Test
    @Order(9)
    void staffSetTheReminderScheduleSendAReminderNowAndMarkAnInvoiceDisputed() throws Exception {
        String invoiceId = invoiceLink.substring(invoiceLink.indexOf("?id=") + "?id=".length());
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/setup/firm.xhtml", "admin", "admin-demo-2026");
            browser.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
            browser.click(By.cssSelector("[id='firm:tabs:reminders'] .ui-toggleswitch-slider"));
            browser.find(By.id("firm:tabs:remindBefore_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "5");
            browser.click(By.id("firm:tabs:saveReminders"));
            browser.waitForText("Reminder settings saved.", Duration.ofSeconds(10));
            browser.open("/setup/firm.xhtml");
            browser.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
            assertEquals("5", browser.find(By.id("firm:tabs:remindBefore_input")).getAttribute("value"));
            browser.screenshot("08-firm-reminders");

            // One client left out, and back in: the switch saves as it moves.
            browser.open("/setup/clients.xhtml");
            browser.click(By.linkText("Harbour Lights Ltd"));
            browser.click(By.cssSelector("[id='client:tabs:reminders'] .ui-toggleswitch-slider"));
            browser.waitForText("Payment reminders off for this client.", Duration.ofSeconds(10));
            browser.screenshot("08-client-reminders-off");
            browser.click(By.cssSelector("[id='client:tabs:reminders'] .ui-toggleswitch-slider"));
            browser.waitForText("Payment reminders on.", Duration.ofSeconds(10));

            browser.open("/invoice.xhtml?id=" + invoiceId);
            browser.waitForText("No reminder sent yet.", Duration.ofSeconds(10));
            browser.click(By.id("invoice:sendReminder"));
            browser.waitForText("Reminder sent to the portal users", Duration.ofSeconds(10));
            String row = browser.find(By.id("invoice:reminders")).getText();
            assertTrue(row.contains("Sent by staff") && row.contains("GBP 1,969.50") && row.contains("admin"), row);
            MimeMessage reminder = mailbox.await("the reminder to Maria", Duration.ofSeconds(30),
                    m -> Mailbox.recipient(m).equals("maria.lopez@harbourlights.example") && Mailbox.subject(m).startsWith("Reminder: invoice INV-"));
            String body = (String) reminder.getContent();
            assertTrue(body.contains("Amount due: GBP 1,969.50") && body.contains("/portal/invoice.xhtml?id=" + invoiceId), body);
            browser.click(By.id("invoice:sendReminder"));
            browser.waitForText("was sent today already", Duration.ofSeconds(10));

            // A dispute needs its reason; blanks are not one.
            browser.type(By.id("invoice:disputeReason"), "   ");
            browser.click(By.id("invoice:dispute"));
            browser.waitForText("Say why the client disputes the invoice.", Duration.ofSeconds(10));
            browser.type(By.id("invoice:disputeReason"), "Client says the site visit was not agreed");
            browser.click(By.id("invoice:dispute"));
            browser.waitForText("Under dispute", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Client says the site visit was not agreed. No reminders are sent."), browser.text());
            assertTrue(browser.driver().findElements(By.id("invoice:sendReminder")).isEmpty(), "no reminder while disputed");
            browser.screenshot("08-invoice-disputed");
            browser.click(By.id("invoice:settleDispute"));
            browser.waitForText("Dispute settled: reminders resume", Duration.ofSeconds(10));

            // The other tests find the firm as the demo left it: reminders off.
            browser.open("/setup/firm.xhtml");
            browser.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
            browser.click(By.cssSelector("[id='firm:tabs:reminders'] .ui-toggleswitch-slider"));
            browser.find(By.id("firm:tabs:remindBefore_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
            browser.click(By.id("firm:tabs:saveReminders"));
            browser.waitForText("Reminder settings saved.", Duration.ofSeconds(10));
        }
    }

    @Test
    @Order(10)
    void theClientReadsItsStatementInThePortalAndStaffDownloadTheirs() throws Exception {
        try (Browser maria = new Browser(PORTAL)) {
            maria.signIn("/", "maria.lopez@harbourlights.example", "portal-demo-2026");
            String balance = maria.find(By.id("balance")).getText().trim();
            maria.click(By.linkText("Statements"));
            maria.waitForText("(so far)", Duration.ofSeconds(10));
            assertEquals(balance, maria.find(By.id("closing-GBP")).getText().trim(), "the statement ends where the Balance Due box stands");
            assertTrue(maria.text().contains("Invoices"), maria.text());
            assertEquals("application/pdf %PDF", fetch(maria, maria.find(By.id("pdf")).getAttribute("href"), null, null));
            maria.screenshot("09-portal-statement");

            maria.click(By.id("monthly:wanted"));
            assertTrue(maria.find(By.id("monthly:wanted")).isSelected(), "ticked");
            maria.click(By.id("monthly:save"));
            maria.waitForText("You will receive your statement by e-mail at the start of each month.", Duration.ofSeconds(10));
            assertTrue(maria.find(By.id("monthly:wanted")).isSelected(), "kept");
            maria.click(By.id("monthly:wanted"));
            maria.click(By.id("monthly:save"));
            maria.waitForText("No more monthly statements by e-mail.", Duration.ofSeconds(10));
        }
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/setup/clients.xhtml", "admin", "admin-demo-2026");
            browser.click(By.linkText("Harbour Lights Ltd"));
            browser.waitForText("Statement of account", Duration.ofSeconds(10));
            browser.screenshot("09-staff-statement");
            assertEquals("application/pdf %PDF", fetch(browser, null, "statement", "statement:download"));
        }
    }

    /** Fetches a link (or submits a form by one of its buttons) in the signed-in page: the content type and the body's first bytes. */
    private static String fetch(Browser browser, String url, String formId, String button) {
        Object answer = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                var done = arguments[arguments.length - 1], url = arguments[0], formId = arguments[1], button = arguments[2], request;
                if (formId) {
                    var form = document.getElementById(formId), data = new URLSearchParams(new FormData(form));
                    data.append(button, button);
                    request = fetch(form.action, {method: 'POST', body: data});
                } else {
                    request = fetch(url);
                }
                request.then(r => r.arrayBuffer().then(b => done(r.headers.get('content-type') + ' '
                        + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 4))))))
                    .catch(e => done('failed ' + e));""", url, formId, button);
        return String.valueOf(answer);
    }

    private static long mails(String to) {
        return mailbox.count(Mailbox.to(to));
    }

    private static java.nio.file.Path logo() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(0x1f, 0x3a, 0x5f));
        g.fillRect(0, 0, 120, 40);
        g.dispose();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("logo", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String link(String body, String marker) {
        Matcher m = Pattern.compile("(http\\S*" + Pattern.quote(marker) + "\\S+)").matcher(body);
        assertTrue(m.find(), () -> "no link with " + marker + " in:\n" + body);
        return m.group(1);
    }

    private static MimeMessage awaitMail(String to, String subject) {
        return mailbox.await("e-mail '" + subject + "' to " + to, Duration.ofSeconds(30), Mailbox.is(to, subject));
    }


}
