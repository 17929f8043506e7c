package org.quittance.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The firm's books in a real browser, on the demo's Greenfield Dental Practice (which the other
 * browser tests leave without payments): a goodwill credit memo entered in the Adjustment tab, the
 * client's ledger with its running balance and credit, the A/R aging and its chart, and the audit
 * trail — which a billing user cannot open.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffLedgerIT {

    private static final String STAFF = "http://localhost:" + System.getProperty("quittance.it.http.port", "8180") + "/staff";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("quittance.ear", "target/quittance.ear")));
    }

    private static Path logo() throws IOException {
        Path file = Files.createTempFile("logo", ".png");
        ImageIO.write(new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }

    @Test
    void aSettlementFileOverTheServersRequestLimitIsUploadedOnReceipts() throws IOException {
        // Payouts with long descriptions: over the 10 MB every other request is held to, and none of them
        // a receipt, so the import that follows adds nothing the other tests could meet.
        Path file = Files.createTempFile("settlement-year", ".csv");
        String run = Long.toString(System.nanoTime(), 36);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,description\r\n");
            for (int i = 0; i < 2_200; i++) {
                out.write("txn_" + run + "_" + i + ",2026-01-02 03:04:05,gbp,-10.00,0.00,-10.00,payout,po_" + run + "_" + i + ",\""
                        + "Payout ".repeat(700) + "\"\r\n");
            }
        }
        assertTrue(Files.size(file) > 10 * 1024 * 1024, "larger than the server's limit for a request body");
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/receipts.xhtml", "admin", "admin-demo-2026");
            browser.find(By.id("bankFile:statement")).sendKeys(file.toString());
            browser.click(By.id("bankFile:importBankFile"));
            browser.waitForText("2200 settled transactions, 0 card payments; the import runs now", Duration.ofSeconds(60));
            browser.screenshot("42-settlement-file-uploaded");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A bank's BAI2 statement: kept as it streams in, then its run's progress until both credits are bank receipts. */
    @Test
    void aBankStatementUploadedOnReceiptsBecomesBankReceiptsWithItsRunsProgress() throws IOException {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        Path file = Files.createTempFile("statement", ".bai");
        // Amounts no demo invoice has, so that the receipts awaiting acceptance match nothing the other tests meet.
        Files.writeString(file, "01,QUITTANCEUI,FIRM,261124,0900," + number + ",,,2/\n02,FIRM,BANK,1,261124,0900,GBP,2/\n"
                + "03,12345678,GBP,010,+0,,/\n16,195,37,0,UI" + number + "A,,Wire 1/\n16,165,41,0,UI" + number + "B,,Transfer 2/\n"
                + "49,78,4/\n98,78,1,6/\n99,78,1,8/\n", StandardCharsets.ISO_8859_1);
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/receipts.xhtml", "admin", "admin-demo-2026");
            browser.find(By.id("bankFile:statement")).sendKeys(file.toString());
            browser.click(By.id("bankFile:importBankFile"));
            browser.waitForText("2 credits; 2 become bank receipts in Integrated Receipts now (run", Duration.ofSeconds(30));
            browser.waitForText("finished — 2 of its credits recorded as bank receipts awaiting acceptance", Duration.ofSeconds(30));
            browser.screenshot("44-bank-statement-imported");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aCreditMemoReachesTheLedgerTheAgingAndTheAuditTrail() throws IOException {
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/receipts.xhtml", "admin", "admin-demo-2026");
            browser.click(By.xpath("//a[contains(., 'Adjustment')]"));
            browser.pick("receipts:tabs:adjustmentClient", "Greenfield");
            browser.choose("receipts:tabs:adjustmentKind", "Credit memo");
            // A forged amount that PrimeFaces would expand to 200 million digits is refused at once.
            // (The widget rewrites its own hidden field on submit, so the forged one replaces it, as a hand-made POST would.)
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    var own = document.getElementById('receipts:tabs:adjustmentAmount_hinput');
                    var forged = document.createElement('input');
                    forged.type = 'hidden'; forged.name = own.name; forged.value = '1E-200000000';
                    own.name = 'ignored';
                    own.form.appendChild(forged);""");
            browser.click(By.id("receipts:tabs:saveAdjustment"));
            browser.waitForText("Enter a number such as 1250.50.", Duration.ofSeconds(3));
            browser.type(By.id("receipts:tabs:adjustmentAmount_input"), "25.00");
            browser.click(By.id("receipts:tabs:saveAdjustment"));
            browser.waitForText("Give the reason", Duration.ofSeconds(10));
            browser.type(By.id("receipts:tabs:adjustmentReason"), "Goodwill after the delayed completion");
            browser.click(By.id("receipts:tabs:saveAdjustment"));
            browser.waitForText("Credit memo of GBP 25.00 is on the ledgers.", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("GBP 25.00 unapplied credit."), browser.text());
            browser.screenshot("40-adjustment-credit-memo");

            browser.open("/ledger.xhtml");
            browser.pick("choose-client:client", "Greenfield Dental");
            browser.waitForText("Unapplied credit", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("Credit memo: Goodwill after the delayed completion — unapplied credit"), browser.text());
            assertEquals("GBP 25.00", browser.find(By.id("credit")).getText().trim());
            browser.screenshot("41-client-ledger");

            browser.open("/reports.xhtml");
            browser.waitForText("A/R aging", Duration.ofSeconds(10));
            // The aging pages 50 clients at a time, and other tests' firms may come first: page on until it shows.
            By greenfieldRow = By.xpath("//tr[td//a[.='Greenfield Dental Practice']]");
            for (int page = 1; browser.driver().findElements(greenfieldRow).isEmpty() && page < 50; page++) {
                browser.click(By.cssSelector("#reports\\:aging_paginator_bottom .ui-paginator-next"));
            }
            String greenfield = browser.find(greenfieldRow).getText();
            assertTrue(greenfield.contains("25.00"), greenfield);
            // Figures grouped as on every other screen, the currency named once.
            assertTrue(browser.text().matches("(?s).*All clients in GBP: \\d{1,3}(,\\d{3})*\\.\\d{2} owed.*"), browser.text());
            assertFalse(browser.text().contains("GBP: GBP"), browser.text());
            assertFalse(browser.driver().findElements(By.cssSelector(".q-bar .q-age-0")).isEmpty(), "the aging chart is drawn");
            browser.screenshot("42-reports-aging");

            // A settings change is recorded as the signed-in user who made it, not as the server.
            browser.open("/setup/firm.xhtml");
            browser.driver().findElement(By.cssSelector("input[type=file]")).sendKeys(logo().toString());
            browser.waitForText("Logo saved.", Duration.ofSeconds(10));

            browser.open("/audit.xhtml");
            browser.waitForText("Audit trail", Duration.ofSeconds(10));
            assertTrue(browser.text().contains("GBP 25.00 — Goodwill after the delayed completion"), browser.text());
            String logoEvent = browser.find(By.xpath("//tr[td[contains(., 'logo set')]]")).getText();
            assertTrue(logoEvent.contains("admin") && logoEvent.contains("Setting firm"), logoEvent);
            browser.screenshot("43-audit-trail");
        }
        try (Browser browser = new Browser(STAFF)) {
            browser.signIn("/audit.xhtml", "billie", "billing-demo-2026");
            assertEquals("Forbidden", browser.find(By.id("problem")).getText(), browser.text());
        }
    }
}
