package org.quittance.bankfiles.control;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The BAI2 samples of ../shared/fixtures (moov-io/bai2's test data), and files broken on purpose. */
class Bai2StatementTest {

    static String fixture(String name) {
        try (InputStream in = Bai2StatementTest.class.getResourceAsStream("/bank-files/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCreditsOfACanadianFileWithContinuationsAndControlTotals() {
        Bai2Statement.Parsed file = Bai2Statement.parse(fixture("bai2/sample1.txt"));
        assertEquals("0004/060321/0829/001", file.fileId());
        assertEquals(2, file.accounts());
        assertEquals(27, file.records());
        assertEquals(List.of("CAD 2,035.00", "CAD 25.00", "CAD 25.00", "CAD 115.00", "CAD 1,000.00"),
                file.credits().stream().map(c -> c.amount().toString()).toList(), "the 108 credits; the 409 debits are not receipts");
        Bai2Statement.Credit first = file.credits().get(0);
        assertEquals(8, first.line());
        assertEquals("TFR 1020 0345678", first.text());
    }

    @Test
    void fundsTypeDetailsAndContinuedTextAreReadInTheirPlace() {
        Bai2Statement.Parsed file = Bai2Statement.parse(fixture("bai2/sample2.txt"));
        assertEquals(5, file.accounts());
        Bai2Statement.Credit letterOfCredit = file.credits().get(2);
        assertEquals(Money.of("200000.00", "USD"), letterOfCredit.amount(), "no currency given: US dollars");
        assertEquals("SP4738", letterOfCredit.bankReference());
        assertEquals("YRC065321", letterOfCredit.customerReference());
        assertEquals("PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO", letterOfCredit.text());
        assertEquals("LOCK BOX NO.68751", file.credits().get(1).text());
    }

    @Test
    void severalRecordsOnALineAndARecordBrokenOverTwoLines() {
        Bai2Statement.Parsed file = Bai2Statement.parse(fixture("bai2/sample3.txt"));
        assertEquals(15, file.accounts());
        assertEquals(13, file.credits().size());
        assertEquals(List.of(3, 3, 4), file.credits().subList(0, 3).stream().map(Bai2Statement.Credit::line).toList());
        Bai2Statement.Credit broken = file.credits().get(3);
        assertEquals(18, broken.line());
        assertTrue(broken.text().startsWith("111111     ACH_SETL           1111111111 111111111111111"), broken.text());
        assertEquals(Money.of("397.13", "USD"), file.credits().stream().map(Bai2Statement.Credit::amount).reduce(Money::plus).orElseThrow());
    }

    @Test
    void aFileWhoseTrailersDoNotAddUpIsRefusedWithTheLineAndTheSums() {
        // moov-io's regression samples 4 and 5 are edited bank files: details were taken out, the trailers were not.
        for (String name : List.of("bai2/sample4-continuations-newline-delimited.txt", "bai2/sample5-issue113.txt")) {
            FileRefused refused = assertThrows(FileRefused.class, () -> Bai2Statement.parse(fixture(name)));
            assertEquals(22, refused.line(), name);
            assertEquals("Line 22: account 107049932: its records add up to 7999960 but the 49 trailer says -1260161341762",
                    refused.getMessage(), name);
        }
    }

    @Test
    void anUnknownRecordTypeIsRefused() {
        FileRefused refused = assertThrows(FileRefused.class, () -> Bai2Statement.parse(fixture("bai2/sample-parseError.txt")));
        assertEquals("Line 1: unknown record type 00", refused.getMessage());
    }

    @Test
    void brokenFilesAreRefusedAtTheirLine() {
        String good = fixture("bai2/sample1.txt");
        assertRefused(good.replace("16,108,000000000002500,V,060316,,,,MACLEOD MALL", "16,108,0000000000025X0,V,060316,,,,MACLEOD MALL"),
                "Line 9: amount \"0000000000025X0\" is not a whole number of minor units");
        assertRefused(good.substring(0, good.indexOf("99,")), "Line 26: the file ends without its 99 file trailer");
        assertRefused(good + "\n16,108,000000000002500,V,060316,,,,LATE/\n", "Line 28: a 16 record after the 99 file trailer");
        assertRefused(good.replace("49,+00000000000446000,9/", "49,+00000000000446000,8/"),
                "Line 25: account 10200123456 has 9 records but the 49 trailer says 8");
        assertRefused(good.replace("03,10200123456,CAD,040", "16,10200123456,CAD,040").replaceFirst("(?s)^(.*?\\n.*?\\n)", "$1"),
                "Line 3: expected a 03 account record or the 98 group trailer, found a 16 record");
        assertRefused("", "Line 1: the file is empty");
        assertRefused("hello\n", "Line 1: text outside any record: \"hello\"");
        assertRefused(good + "\n88,MORE/\n", "Line 28: a 88 record after the 99 file trailer");
        assertRefused("88,MORE/\n" + good, "Line 1: a 88 continuation with no record before it");
    }

    /** Every line, record and sum is bounded before it is used: a statement now streams in whatever its size. */
    @Test
    void anythingUnboundedIsRefusedBeforeItIsHeld() {
        String good = fixture("bai2/sample1.txt");
        assertRefused(good.replace("MACLEOD MALL", "M".repeat(Bai2Statement.LINE)), "Line 9: a line is longer than 10000 characters");
        String wrapped = ("\nMORE TEXT " + "X".repeat(990)).repeat(Bai2Statement.RECORD / 1_000 + 1);
        assertRefused(good.replace("MACLEOD MALL", "MACLEOD MALL" + wrapped), "Line 9: a record is longer than 50000 characters");
        String continued = ("\n88," + "Y".repeat(990) + "/").repeat(Bai2Statement.RECORD / 1_000 + 1);
        assertRefused(good.replace("MACLEOD MALL        /", "MACLEOD MALL        /" + continued),
                "Line 9: a record and its 88 continuations are longer than 50000 characters");
        String head = "01,BANK,FIRM,261124,0900,7,,,2/\n02,FIRM,BANK,1,261124,0900,USD,2/\n03,555,USD,010,+0,,/\n";
        String tail = "49,0,2/\n98,0,1,4/\n99,0,1,6/\n";
        // Each amount as large as Money takes (USD 999,999,999,999,999.99); the 93rd takes the sum past a long.
        assertRefused(head + "16,195,99999999999999999,0,A,,/\n".repeat(100) + tail, "Line 96: the amounts add up to more than a total can hold");
        assertRefused(head + "16,195,900000000000000000,0,A,,/\n" + tail,
                "Line 4: amount 900000000000000000 is refused: the number is too large (at most 15 digits before the decimal point)");
    }

    /** A large firm's statement: read as it streams, each credit handed out once, in file order, the totals checked at the end. */
    @Test
    void aStatementOfManyCreditsIsReadAsItStreams() {
        int details = 200_000;
        StringBuilder file = new StringBuilder("01,BANK,FIRM,261124,0900,7,,,2/\n02,FIRM,BANK,1,261124,0900,USD,2/\n03,555,USD,010,+0,,/\n");
        long total = 0;
        for (int i = 1; i <= details; i++) {
            file.append("16,195,").append(i).append(",0,REF").append(i).append(",,Wire ").append(i).append("/\n");
            total += i;
        }
        file.append("49,").append(total).append(',').append(details + 2).append("/\n98,").append(total).append(",1,")
                .append(details + 4).append("/\n99,").append(total).append(",1,").append(details + 6).append("/\n");
        int[] seen = {0};
        long[] cents = {0};
        Bai2Statement.Summary summary = Bai2Statement.read(new java.io.StringReader(file.toString()), (fileId, credit) -> {
            assertEquals("BANK/261124/0900/7", fileId);
            assertEquals("REF" + (seen[0] + 1), credit.bankReference(), "in file order");
            assertEquals(seen[0] + 4, credit.line());
            seen[0]++;
            cents[0] += credit.amount().amount().movePointRight(2).longValueExact();
        });
        assertEquals(details, summary.credits());
        assertEquals(details, seen[0]);
        assertEquals(total, cents[0]);
        assertEquals(details + 6, summary.records());

        String wrongTotal = file.toString().replace("99," + total + ",", "99," + (total + 1) + ",");
        FileRefused refused = assertThrows(FileRefused.class, () -> Bai2Statement.read(new java.io.StringReader(wrongTotal), (id, c) -> { }));
        assertEquals(details + 6, refused.line(), "a file is checked to its last line");
    }

    private static void assertRefused(String content, String message) {
        FileRefused refused = assertThrows(FileRefused.class, () -> Bai2Statement.parse(content));
        assertEquals(message, refused.getMessage());
    }
}
