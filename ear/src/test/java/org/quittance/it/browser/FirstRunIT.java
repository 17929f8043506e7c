package org.quittance.it.browser;

import org.quittance.it.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Day one of a real firm, on a server of its own with an empty database and no demo data (a failsafe
 * execution of its own, see the ear's pom): nobody can sign in, /staff/ leads to setup, which asks for
 * the code that the server wrote to its data directory; afterwards setup is gone for good.
 * Then the firm's first client goes from contact to a published invoice that it sees in its new portal.
 * (FirstRunSetupIT, after it, takes the same server back to day one for the races.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {

    private static final String STAFF = "http://localhost:" + System.getProperty("quittance.it.http.port", "8180") + "/staff";
    private static final String PORTAL = STAFF.replace("/staff", "/portal");
    private static final String PASSWORD = "a first administrator's password";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("quittance.ear", "target/quittance.ear")));
    }

    @Test
    @Order(1)
    void anEmptyInstallationLeadsToSetupWhereAWrongCodeCreatesNothing() {
        try (Browser browser = new Browser(STAFF)) {
            browser.open("/");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/staff/start.xhtml"), browser.driver().getCurrentUrl());
            browser.screenshot("first-run-01-setup");
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("first-run-01-setup-phone");
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            fill(browser, "ABCDE-FGHJK-MNPQR-STUVW");
            browser.click(By.id("setup:complete"));
            assertTrue(browser.text().contains("The setup code is not right"), browser.text());
            browser.open("/");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/start.xhtml"), "still nothing set up");
        }
    }

    @Test
    @Order(2)
    void theFirmsItSetsUpWithTheCodeFromTheDataDirectoryAndItsAdministratorSignsIn() throws Exception {
        Path codeFile = Path.of(System.getProperty("it.server.base"), "data", "quittance", "setup-code");
        String code = Files.readString(codeFile).strip();
        try (Browser browser = new Browser(STAFF)) {
            browser.open("/start.xhtml");
            fill(browser, code);
            browser.screenshot("first-run-02-filled");
            browser.click(By.id("setup:complete"));
            assertTrue(browser.text().contains("The firm is set up. Sign in as its administrator."), browser.text());
            assertFalse(Files.exists(codeFile), "the code is of no use any more, and gone");

            browser.type(By.id("j_username"), "ada");
            browser.type(By.id("j_password"), PASSWORD);
            browser.click(By.cssSelector("button[type=submit]"));
            assertTrue(browser.text().contains("Nothing is waiting"), browser.text());
            assertTrue(browser.text().contains("connect one to take card payments"), "the administrator is told the firm cannot take cards yet");
            browser.screenshot("first-run-03-home");
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("first-run-03-home-phone");
            browser.driver().manage().window().setSize(new Dimension(1280, 1000));
            browser.open("/setup/firm.xhtml");
            assertEquals("Lovelace & Babbage", browser.find(By.id("firm:tabs:name")).getAttribute("value"), "an administrator, of the firm set up");
            browser.screenshot("first-run-03-firm");

            browser.open("/start.xhtml");
            assertTrue(browser.text().contains("This installation is set up."), browser.text());

            // The administrator adds a billing user, who signs in and changes the first password.
            browser.open("/setup/staff.xhtml");
            browser.type(By.id("staff:displayName"), "Grace Hopper");
            browser.type(By.id("staff:username"), "grace");
            browser.type(By.id("staff:email"), "grace@lovelace.example");
            browser.type(By.id("staff:password"), "compiler cobol harbour");
            browser.click(By.id("staff:add"));
            browser.waitForText("Added grace.", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Grace Hopper"), browser.text());
            browser.screenshot("first-run-04-staff");
        }
        try (Browser grace = new Browser(STAFF)) {
            grace.signIn("/", "grace", "compiler cobol harbour");
            grace.open("/setup/staff.xhtml");
            assertFalse(grace.text().contains("Add a staff user"), "a billing user does not manage staff");
            grace.open("/account.xhtml");
            grace.type(By.id("account:current"), "compiler cobol harbour");
            grace.type(By.id("account:password"), "nanoseconds of wire");
            grace.type(By.id("account:confirmation"), "nanoseconds of wire");
            grace.click(By.id("account:change"));
            assertTrue(grace.text().contains("Your password is changed."), grace.text());
            grace.screenshot("first-run-05-account");
        }
        try (Browser again = new Browser(STAFF)) {
            again.signIn("/", "grace", "nanoseconds of wire");
            assertTrue(again.text().contains("grace"), again.text());
        }
    }

    @Test
    @Order(3)
    void theFirstClientGoesFromContactToAPublishedInvoiceThatItSeesInItsNewPortal() throws Exception {
        Mailbox smtp = Mailbox.open();
        try {
            try (Browser ada = new Browser(STAFF)) {
                ada.signIn("/setup/firm.xhtml", "ada", PASSWORD);
                ada.click(By.xpath("//a[contains(., 'Billing and A/R')]"));
                ada.click(By.cssSelector("[id='firm:tabs:portalInvoicing'] .ui-toggleswitch-slider"));
                ada.type(By.id("firm:tabs:adminEmail"), "ada@lovelace.example");
                ada.click(By.id("firm:tabs:savePolicy"));
                ada.waitForText("Portal settings saved.", Duration.ofSeconds(10));
            }
            String invoiceNumber;
            try (Browser grace = new Browser(STAFF)) {
                grace.signIn("/setup/clients.xhtml", "grace", "nanoseconds of wire");
                assertTrue(grace.text().contains("No clients yet."), grace.text());
                grace.type(By.id("newClient:name"), "Difference Engines Ltd");
                grace.type(By.id("newClient:address"), "1 Dorset Street\nLondon W1U 4EG");
                grace.type(By.id("newClient:contactName"), "Charles Babbage");
                grace.type(By.id("newClient:contactEmail"), "charles@babage.example");  // mistyped
                grace.click(By.id("newClient:create"));
                grace.waitForText("Contact Info", Duration.ofSeconds(10));

                grace.click(By.xpath("//tr[contains(., 'charles@babage.example')]//button[contains(., 'Edit')]"));
                grace.type(By.id("client:tabs:editContactEmail"), "charles@babbage.example");
                grace.click(By.id("client:tabs:saveContact"));
                grace.waitForText("Contact saved.", Duration.ofSeconds(10));
                grace.click(By.cssSelector("button.q-add-portal"));
                grace.waitForText("Unregistered — invitation pending", Duration.ofSeconds(10));
                grace.click(By.cssSelector("[id='client:tabs:portalInvoices'] .ui-toggleswitch-slider"));
                grace.waitForText("Portal invoices enabled", Duration.ofSeconds(10));

                grace.click(By.xpath("//a[contains(., 'Matters')]"));
                grace.type(By.id("client:tabs:matterNumber"), "DE-001");
                grace.type(By.id("client:tabs:matterTitle"), "Analytical engine patent");
                grace.type(By.id("client:tabs:matterRate"), "300.00");
                // (The checkbox's input is visually hidden behind PrimeFaces' drawn box: read it, do not wait for it to show.)
                grace.find(By.xpath("//label[contains(., 'charles@babbage.example')]"));
                assertTrue(grace.driver().findElement(By.xpath("//label[contains(., 'charles@babbage.example')]/preceding-sibling::div//input"))
                        .isSelected(), "a new matter goes to the client's portal contacts unless staff untick them");
                grace.screenshot("first-run-06-new-matter");
                grace.click(By.id("client:tabs:addMatter"));
                grace.waitForText("Matter added.", Duration.ofSeconds(10));

                grace.open("/billing.xhtml");
                grace.pick("billing:matter", "DE-001");
                grace.type(By.id("billing:hours"), "2.00");
                grace.type(By.id("billing:narrative"), "Drafting the patent claims");
                grace.click(By.id("billing:recordTime"));
                grace.waitForText("Time recorded.", Duration.ofSeconds(10));
                grace.click(By.id("billing:createInvoice"));
                grace.waitForText("Draft invoice", Duration.ofSeconds(10));
                grace.click(By.id("invoice:finalise"));
                grace.click(By.cssSelector(".ui-confirmdialog-yes"));
                grace.waitForText("is final", Duration.ofSeconds(10));
                java.util.regex.Matcher number = java.util.regex.Pattern.compile("Invoice (\\S+-\\d+)").matcher(grace.text());
                assertTrue(number.find(), grace.text());
                invoiceNumber = number.group(1);

                grace.open("/review.xhtml");
                grace.type(By.id("review:client"), "Difference");
                grace.click(By.id("review:filter"));
                grace.click(By.xpath("//tr[contains(., '" + invoiceNumber + "')]//div[contains(@class,'ui-chkbox-box')]"));
                grace.waitForText("1 selected", Duration.ofSeconds(10));
                grace.click(By.id("review:publish"));
                grace.waitForText("Finished.", Duration.ofSeconds(30));
                assertTrue(grace.text().contains("1 published, 0 skipped, 0 failed"), grace.text());
            }

            MimeMessage invitation = awaitMail(smtp, "charles@babbage.example", "Your client portal at Lovelace & Babbage");
            String link = link((String) invitation.getContent(), "/portal/register.xhtml?token=");
            try (Browser charles = new Browser("")) {
                charles.open(link);
                charles.type(By.id("register:password"), "punched cards of jacquard");
                charles.type(By.id("register:confirmation"), "punched cards of jacquard");
                charles.click(By.id("register:submit"));
                charles.waitForText("Your invoices", Duration.ofSeconds(10));
                assertTrue(charles.text().contains(invoiceNumber), charles.text());
                assertEquals("GBP 600.00", charles.find(By.id("balance")).getText().trim(), "2 h at 300.00, no tax configured");
                charles.screenshot("first-run-07-portal");
            }
        } finally {
            smtp.close();
        }
    }

    @Test
    @Order(4)
    void theDirectorOfASecondClientKeepsOneLoginAndChoosesTheClient() {
        try (Browser grace = new Browser(STAFF)) {
            grace.signIn("/setup/clients.xhtml", "grace", "nanoseconds of wire");
            grace.type(By.id("newClient:name"), "Analytical Society");
            grace.type(By.id("newClient:contactName"), "Charles Babbage");
            grace.type(By.id("newClient:contactEmail"), "charles@babbage.example");
            grace.click(By.id("newClient:create"));
            grace.waitForText("Contact Info", Duration.ofSeconds(10));
            grace.click(By.cssSelector("button.q-add-portal"));
            grace.waitForText("already signs in to the portal for Difference Engines Ltd", Duration.ofSeconds(10));
            assertTrue(grace.text().contains("same login for Difference Engines Ltd"), grace.text());
            grace.screenshot("first-run-08-shared-login");
        }
        try (Browser charles = new Browser(PORTAL)) {
            charles.signIn("/", "charles@babbage.example", "punched cards of jacquard");
            assertTrue(charles.text().contains("You act for several clients"), charles.text());
            assertTrue(charles.text().contains("Balance due — Analytical Society"), charles.text());
            assertEquals("Nothing to pay", charles.find(By.id("balance")).getText().trim(), "the other client's invoice is not this one's");
            charles.click(By.linkText("Difference Engines Ltd"));
            charles.waitForText("Balance due — Difference Engines Ltd", Duration.ofSeconds(10));
            assertEquals("GBP 600.00", charles.find(By.id("balance")).getText().trim());
            charles.screenshot("first-run-09-portal-accounts");
            charles.driver().manage().window().setSize(new Dimension(390, 844));
            charles.screenshot("first-run-09-portal-accounts-phone");
        }
    }

    private static MimeMessage awaitMail(Mailbox smtp, String to, String subject) {
        return smtp.await("e-mail '" + subject + "' to " + to, Duration.ofSeconds(30), Mailbox.is(to, subject));
    }



    private static String link(String body, String marker) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(http\\S*" + java.util.regex.Pattern.quote(marker) + "\\S+)").matcher(body);
        assertTrue(m.find(), () -> "no link with " + marker + " in:\n" + body);
        return m.group(1);
    }

    private static void fill(Browser browser, String code) {
        browser.type(By.id("setup:code"), code);
        browser.type(By.id("setup:firmName"), "Lovelace & Babbage");
        browser.type(By.id("setup:address"), "12 Analytical Row\nLondon EC1A 1AA");
        browser.type(By.id("setup:firmEmail"), "accounts@lovelace.example");
        browser.type(By.id("setup:adminName"), "Ada Lovelace");
        browser.type(By.id("setup:login"), "ada");
        browser.type(By.id("setup:adminEmail"), "ada@lovelace.example");
        browser.type(By.id("setup:password"), PASSWORD);
        browser.type(By.id("setup:confirmation"), PASSWORD);
    }

}
