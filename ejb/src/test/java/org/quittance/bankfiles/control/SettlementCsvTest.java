package org.quittance.bankfiles.control;

import org.junit.jupiter.api.Test;
import org.quittance.money.Money;
import org.quittance.payments.processor.SettledTransaction;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quittance.bankfiles.control.Bai2StatementTest.fixture;

/** Stripe's itemized balance change report as a settlement file: read by its header, checked row by row. */
class SettlementCsvTest {

    private static final String FILE = fixture("../settlement/itemized-balance-change.csv");

    @Test
    void eachRowIsASettledTransactionWithItsPaymentFeeAndPayout() {
        List<SettledTransaction> rows = SettlementCsv.parse(FILE);
        assertEquals(List.of("charge", "charge", "refund", "payout"), rows.stream().map(SettledTransaction::type).toList());
        SettledTransaction first = rows.get(0);
        assertEquals("txn_3QdA1", first.id());
        assertEquals("pi_3QdA1", first.paymentId());
        assertEquals("ch_3QdA1", first.source());
        assertEquals(List.of(Money.of("480.00", "GBP"), Money.of("7.40", "GBP"), Money.of("472.60", "GBP")),
                List.of(first.gross(), first.fee(), first.net()));
        assertEquals(Instant.parse("2026-11-20T09:14:02Z"), first.created());
        assertEquals("po_1QeZ", first.payout());
        assertEquals("Payment for INV-2026-00001, Okafor", first.description(), "a quoted comma stays in its field");
        assertEquals("Payment for \"INV-2026-00002\"", rows.get(1).description(), "doubled quotes are one quote");
        assertEquals(Map.of("quittance_checkout", "chk_42"), rows.get(1).metadata());
        assertTrue(rows.get(0).metadata().isEmpty());
        assertNull(rows.get(3).paymentId());
        assertTrue(SettlementCsv.looksLikeOne(FILE));
    }

    @Test
    void aFileThatDoesNotAddUpIsRefusedWithItsLine() {
        assertEquals("Line 3: gross GBP 250.00 less fee GBP 3.95 is not the net GBP 246.06",
                refused(FILE.replace("250.00,3.95,246.05", "250.00,3.95,246.06")));
        assertEquals("Line 2: gross \"48O.00\" is not an amount", refused(FILE.replace("gbp,480.00,7.40", "gbp,48O.00,7.40")));
        assertEquals("Line 2: gross \"480.001\": 480.001 has more decimals than GBP allows (2)",
                refused(FILE.replace("gbp,480.00,7.40", "gbp,480.001,7.40")));
        assertEquals("Line 4: created_utc \"21/11/2026\" is not a date and time (yyyy-MM-dd HH:mm:ss, UTC)",
                refused(FILE.replace("2026-11-21 16:02:10,2026", "21/11/2026,2026")));
        assertEquals("Line 3: transaction txn_3QdA1 appears twice (also on line 2)", refused(FILE.replace("txn_3QdB2", "txn_3QdA1")));
        assertEquals("Line 1: the header has no net column (a settlement file needs balance_transaction_id, created_utc, currency, gross, "
                + "fee, net, reporting_category)", refused(FILE.replaceFirst(",net,", ",nett,")));
        assertEquals("Line 1: the file is empty", refused(""));
    }

    @Test
    void aRunawayFieldOrRowIsRefusedBeforeItFillsTheMemory() {
        String header = FILE.substring(0, FILE.indexOf('\n') + 1);
        assertEquals("Line 2: a field is longer than 5000 characters", refused(header + "txn_1,\"" + "x".repeat(6_000) + "\"\n"));
        assertEquals("Line 2: a quoted field is not closed", refused(header + "txn_1,\"2026-11-20 09:14:02"));
        assertEquals("Line 2: a row has more than 300 fields", refused(header + ",".repeat(400) + "\n"));
        assertEquals("Line 2: balance_transaction_id is longer than 100 characters",
                refused(FILE.replace("txn_3QdA1", "txn_" + "9".repeat(120))));
    }

    @Test
    void aFileIsReadRowByRowWithTheLinesTheRefusalsName() {
        List<Integer> lines = new java.util.ArrayList<>();
        int transactions = SettlementCsv.read(new java.io.StringReader("\uFEFF" + FILE.replace("\n", "\r\n") + "\r\n"),
                (line, transaction) -> lines.add(line));
        assertEquals(4, transactions);
        assertEquals(List.of(2, 3, 4, 5), lines, "a byte order mark, CRLF and a blank last line change nothing");
    }

    private static String refused(String content) {
        return assertThrows(FileRefused.class, () -> SettlementCsv.parse(content)).getMessage();
    }
}
