package org.quittance.it.browser;

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
 * (FirstRunSetupIT, after it, takes the same server back to day one for the races.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIT {

    private static final String STAFF = "http://localhost:" + System.getProperty("quittance.it.http.port", "8180") + "/staff";
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
