package org.quittance.bankfiles.control;

import org.quittance.bankfiles.entity.AchReturnEntry;
import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.bankfiles.entity.AchReturnKind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quittance.bankfiles.control.Bai2StatementTest.fixture;

/** The NACHA files of ../shared/fixtures (moov-io/ach's test data): returns, a notice of change, a zero file, and broken ones. */
class AchReturnFileTest {

    @Test
    void aReturnFileNamesTheOriginalEntryOfEachReturn() {
        AchReturnFile.Parsed file = AchReturnFile.parse(fixture("ach-returns/return-WEB.ach"));
        assertEquals("691000134/181017/0306/A", file.fileId(), "origin, creation date and time, modifier");
        assertEquals(2, file.batches());
        assertEquals(2, file.entries());
        AchReturnEntry r01 = file.returned().get(0);
        assertEquals(AchReturnKind.RETURN, r01.kind());
        assertEquals("R01", r01.code());
        assertEquals("091400600000001", r01.originalTrace());
        assertEquals("091000017611242", r01.trace());
        assertEquals(Money.of("123.54", "USD"), r01.amount());
        assertTrue(r01.debit(), "transaction code 26: a debit the firm collected comes back");
        assertEquals("Paul Jones", r01.name());
        assertEquals(4, r01.line(), "the addenda's line");
        AchReturnEntry r03 = file.returned().get(1);
        assertEquals(List.of("R03", "091400600000003", "45.65"), List.of(r03.code(), r03.originalTrace(), r03.amount().amount().toPlainString()));
        assertFalse(r03.debit(), "transaction code 21: a credit the firm sent comes back");
    }

    @Test
    void aReasonCodeOutsideTheNachaListIsStillAReturn() {
        AchReturnFile.Parsed file = AchReturnFile.parse(fixture("ach-returns/return-PPD-custom-reason-code.ach"));
        assertEquals(1, file.returned().size());
        assertEquals("R97", file.returned().get(0).code());
        assertEquals("092221172022300", file.returned().get(0).originalTrace());
        assertEquals(Money.of("1061.61", "USD"), file.returned().get(0).amount());
    }

    @Test
    void aNoticeOfChangeCarriesTheCorrectedData() {
        AchReturnFile.Parsed file = AchReturnFile.parse(fixture("ach-returns/cor-example.ach"));
        AchReturnEntry noc = file.returned().get(0);
        assertEquals(AchReturnKind.NOTICE_OF_CHANGE, noc.kind());
        assertEquals("C01", noc.code());
        assertEquals("121042880000001", noc.originalTrace(), "the entry of ppd-debit.ach");
        assertEquals("1918171614", noc.detail());
        assertTrue(noc.amount().isZero());
    }

    @Test
    void aZeroFileAndFilesWithoutReturnsAreReadAndGiveNothing() {
        AchReturnFile.Parsed zero = AchReturnFile.parse(fixture("ach-returns/FISERV-ZEROFILE-PIMRET825324_032720_110221.ach"));
        assertEquals(List.of(0, 0, 0), List.of(zero.batches(), zero.entries(), zero.returned().size()));
        assertEquals("182327390/200327/1043/", zero.fileId());
        AchReturnFile.Parsed reversal = AchReturnFile.parse(fixture("ach-returns/NACHA_SAMPLE_TEL_REVERSAL.ach"));
        assertEquals(2, reversal.entries());
        assertTrue(reversal.returned().isEmpty(), "originations, not returns");
        assertEquals(1, AchReturnFile.parse(fixture("ach-returns/ppd-debit.ach")).entries());
    }

    @Test
    void aFileWithoutHeaderOrControlsIsRefusedAtItsFirstLine() {
        FileRefused refused = assertThrows(FileRefused.class, () -> AchReturnFile.parse(fixture("ach-returns/return-no-batch-controls.ach")));
        assertEquals("Line 1: an ACH file starts with its file header (record type 1), not a batch header (5)", refused.getMessage());
    }

    @Test
    void aBatchWithoutItsControlIsRefusedWhereTheNextBatchBegins() {
        String file = fixture("ach-returns/return-WEB.ach").replaceFirst("(?m)^82000000020009140060000000012354.*\\R", "");
        assertEquals("Line 5: batch 1 (line 2) has no batch control record (type 8) before a batch header (5)", refused(file));
    }

    @Test
    void countsHashesAndTotalsMustAgreeWithTheControls() {
        String web = fixture("ach-returns/return-WEB.ach");
        assertEquals("Line 5: batch 1 (line 2): debits (cents) counted 12354, its control record says 12355",
                refused(web.replace("0000000012354000000000000 123456789", "0000000012355000000000000 123456789")));
        assertEquals("Line 3: the amount in columns 30–39 is not a number: \"00000123x4\"",
                refused(web.replace("0000012354MjMx", "00000123x4MjMx")));
        assertEquals("Line 10: the file: entry hash counted 18280120, its control record says 18280121",
                refused(web.replace("0018280120", "0018280121")));
        assertEquals("Line 5: batch 1 (line 2): entry hash counted 9140061, its control record says 9140060",
                refused(web.replace("626091400606123456789", "626091400616123456789")));
        assertEquals("Line 10: the file: batches counted 2, its control record says 3",
                refused(web.replace("9000002000001", "9000003000001")));
    }

    @Test
    void recordsOutOfPlaceAreRefusedWithTheirLine() {
        String web = fixture("ach-returns/return-WEB.ach");
        assertEquals("Line 4: an addenda record, but the entry on line 3 says it has none",
                refused(web.replace("Paul Jones            S 1", "Paul Jones            S 0")));
        assertEquals("Line 3: 95 characters; an ACH record has 94", refused(web.replace("Paul Jones ", "Paul Jones  ")));
        assertEquals("Line 1: the file is empty", refused(""));
        String tel = fixture("ach-returns/NACHA_SAMPLE_TEL_REVERSAL.ach");
        assertEquals("Line 7: only lines of 9s may follow the file control record, found an entry (6)",
                refused(tel.replaceFirst("(?m)^9{94}$", "6" + "9".repeat(93))));
        String noControl = tel.lines().limit(5).reduce("", (a, b) -> a + b + "\n");
        assertEquals("Line 5: the file ends without its file control record (type 9)", refused(noControl));
    }

    @Test
    void aFileWithoutLineBreaksIsReadRecordByRecord() {
        String oneLine = String.join("", fixture("ach-returns/return-WEB.ach").lines().toList());
        assertEquals(2, AchReturnFile.parse(oneLine).returned().size());
    }

    private static String refused(String content) {
        return assertThrows(FileRefused.class, () -> AchReturnFile.parse(content)).getMessage();
    }
}
