package org.quittance.bankfiles.control;

import org.quittance.money.Money;
import org.quittance.bankfiles.entity.AchReturnEntry;
import org.quittance.bankfiles.entity.AchReturnKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A NACHA ACH file as the firm's bank sends it back: entries returned by the payer's bank (addenda 99,
 * R01 insufficient funds, R03 no account…) and notifications of change (addenda 98, C01 incorrect
 * account number…), each naming the trace number of the original entry. Records are 94 characters of
 * fixed width (shorter lines are taken as padded with blanks, as some banks trim them): 1 file header,
 * 5 batch header, 6 entry, 7 addenda, 8 batch control, 9 file control, then lines of 9s filling the
 * last block. The file is checked whole before anything is taken from it: record order, and each
 * batch's and the file's entry counts, entry hash and debit and credit totals.
 */
public final class AchReturnFile {

    public static final String CURRENCY = "USD";
    private static final int WIDTH = 94;

    /** @param fileId the sender, creation date, time and modifier; @param entries all entries, returned or not */
    public record Parsed(String fileId, List<AchReturnEntry> returned, int batches, int entries) {
    }

    private AchReturnFile() {
    }

    /** Whether the content looks like an ACH file: fixed-width records, so no commas on its first line (BAI2 has them). */
    public static boolean looksLikeOne(String content) {
        String first = content.replace("\uFEFF", "").stripLeading().lines().findFirst().orElse("");
        return !first.isEmpty() && !first.contains(",");
    }

    public static Parsed parse(String content) {
        return new Reader(records(content)).read();
    }

    private record Record(int line, String text) {

        char type() {
            return text.charAt(0);
        }

        String field(int from, int to) {
            return text.substring(from - 1, to);
        }

        long number(int from, int to, String what) {
            String digits = field(from, to);
            if (!digits.chars().allMatch(Character::isDigit)) {
                throw new FileRefused(line, what + " in columns " + from + "–" + to + " is not a number: \"" + digits + "\"");
            }
            return Long.parseLong(digits);
        }

        boolean fill() {
            return text.chars().allMatch(c -> c == '9');
        }
    }

    private static List<Record> records(String content) {
        String[] lines = content.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        List<Record> records = new ArrayList<>();
        if (lines.length == 1 && lines[0].length() > WIDTH && lines[0].length() % WIDTH == 0) {
            // A file without line breaks: records follow each other; a "line" is then a record's number.
            for (int i = 0; i < lines[0].length() / WIDTH; i++) {
                records.add(new Record(i + 1, lines[0].substring(i * WIDTH, (i + 1) * WIDTH)));
            }
            return records;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.length() > WIDTH) {
                throw new FileRefused(i + 1, line.length() + " characters; an ACH record has " + WIDTH);
            }
            records.add(new Record(i + 1, line + " ".repeat(WIDTH - line.length())));
        }
        return records;
    }

    /** Sums of a batch or of the file, to compare with its control record. */
    private static final class Totals {
        long count;
        long hash;
        long debits;
        long credits;

        void add(Totals other) {
            count += other.count;
            hash += other.hash;
            debits += other.debits;
            credits += other.credits;
        }
    }

    private static final class Reader {

        private final List<Record> records;
        private final List<AchReturnEntry> returned = new ArrayList<>();
        private int index;
        private int entries;

        Reader(List<Record> records) {
            this.records = records;
        }

        Parsed read() {
            if (records.isEmpty()) {
                throw new FileRefused(1, "the file is empty");
            }
            Record header = next();
            if (header.type() != '1') {
                throw new FileRefused(header.line(), "an ACH file starts with its file header (record type 1), not " + describe(header));
            }
            if (!header.field(35, 37).equals("094")) {
                throw new FileRefused(header.line(), "the file header gives a record size of \"" + header.field(35, 37) + "\"; ACH records have 94 characters");
            }
            String fileId = String.join("/", header.field(14, 23).strip(), header.field(24, 29), header.field(30, 33), header.field(34, 34).strip());
            Totals file = new Totals();
            int batches = 0;
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(last().line(), "the file ends without its file control record (type 9)");
                }
                if (r.type() == '5') {
                    file.add(batch(r));
                    batches++;
                } else if (r.type() == '9' && !r.fill()) {
                    fileControl(r, batches, file);
                    break;
                } else {
                    throw new FileRefused(r.line(), "expected a batch header (5) or the file control (9), found " + describe(r));
                }
            }
            for (Record r = next(); r != null; r = next()) {
                if (!r.fill()) {
                    throw new FileRefused(r.line(), "only lines of 9s may follow the file control record, found " + describe(r));
                }
            }
            return new Parsed(fileId, List.copyOf(returned), batches, entries);
        }

        private Totals batch(Record header) {
            String serviceClass = header.field(2, 4);
            String number = header.field(88, 94);
            Totals batch = new Totals();
            while (true) {
                Record r = next();
                if (r == null || r.type() == '5' || r.type() == '9' || r.type() == '1') {
                    Record at = r == null ? last() : r;
                    throw new FileRefused(at.line(), "batch " + shown(number) + " (line " + header.line()
                            + ") has no batch control record (type 8)" + (r == null ? " before the file ends" : " before " + describe(r)));
                }
                if (r.type() == '6') {
                    entry(r, batch);
                } else if (r.type() == '8') {
                    batchControl(r, header, serviceClass, number, batch);
                    return batch;
                } else if (r.type() == '7') {
                    throw new FileRefused(r.line(), "an addenda record (7) must follow an entry whose addenda indicator is 1");
                } else {
                    throw new FileRefused(r.line(), "expected an entry (6) or the batch control (8), found " + describe(r));
                }
            }
        }

        private void entry(Record entry, Totals batch) {
            entries++;
            batch.count++;
            batch.hash += entry.number(4, 11, "the receiving bank's routing number");
            long cents = entry.number(30, 39, "the amount");
            boolean debit = debit(entry);
            if (debit) {
                batch.debits += cents;
            } else {
                batch.credits += cents;
            }
            String indicator = entry.field(79, 79);
            if (!indicator.equals("0") && !indicator.equals("1")) {
                throw new FileRefused(entry.line(), "the addenda indicator in column 79 must be 0 or 1, not \"" + indicator + "\"");
            }
            boolean first = true;
            while (peek() != null && peek().type() == '7') {
                Record addenda = next();
                if (indicator.equals("0")) {
                    throw new FileRefused(addenda.line(), "an addenda record, but the entry on line " + entry.line() + " says it has none");
                }
                batch.count++;
                if (first) {
                    returned(entry, addenda, debit, cents);
                }
                first = false;
            }
            if (indicator.equals("1") && first) {
                throw new FileRefused(entry.line(), "the entry says an addenda record follows (column 79), but none does");
            }
        }

        private void returned(Record entry, Record addenda, boolean debit, long cents) {
            String type = addenda.field(2, 3);
            if (!type.equals("99") && !type.equals("98")) {
                return;  // an originator's remittance addenda (05…): not a return
            }
            AchReturnKind kind = type.equals("99") ? AchReturnKind.RETURN : AchReturnKind.NOTICE_OF_CHANGE;
            String code = addenda.field(4, 6);
            if (!code.matches(kind == AchReturnKind.RETURN ? "R\\d\\d" : "C\\d\\d")) {
                throw new FileRefused(addenda.line(), (kind == AchReturnKind.RETURN ? "a return's reason code" : "a notice of change's code")
                        + " in columns 4–6 must read " + (kind == AchReturnKind.RETURN ? "R" : "C") + " and two digits, not \"" + code + "\"");
            }
            String originalTrace = addenda.field(7, 21).strip();
            if (originalTrace.isEmpty()) {
                throw new FileRefused(addenda.line(), "the original entry's trace number (columns 7–21) is blank");
            }
            String detail = (kind == AchReturnKind.RETURN ? addenda.field(36, 79) : addenda.field(36, 64)).strip();
            returned.add(new AchReturnEntry(addenda.line(), kind, code, originalTrace, entry.field(80, 94).strip(), debit,
                    Money.of(BigDecimal.valueOf(cents, 2), CURRENCY), entry.field(55, 76).strip(), detail));
        }

        /** Transaction codes 2x checking, 3x savings, 4x general ledger, 5x loan: 1–4 credit, 5–9 debit. */
        private static boolean debit(Record entry) {
            String code = entry.field(2, 3);
            if (!code.matches("[2-5][1-9]")) {
                throw new FileRefused(entry.line(), "transaction code \"" + code + "\" (columns 2–3) is not one of a checking, savings, "
                        + "general ledger or loan entry");
            }
            return code.charAt(1) >= '5';
        }

        private void batchControl(Record control, Record header, String serviceClass, String number, Totals batch) {
            String where = "batch " + shown(number) + " (line " + header.line() + ")";
            if (!control.field(2, 4).equals(serviceClass)) {
                throw new FileRefused(control.line(), where + " has service class " + serviceClass + " but its control says " + control.field(2, 4));
            }
            if (!control.field(88, 94).equals(number)) {
                throw new FileRefused(control.line(), "the batch control is numbered " + shown(control.field(88, 94)) + ", its batch " + shown(number));
            }
            check(control, where, "entries and addenda", batch.count, control.number(5, 10, "the entry and addenda count"));
            check(control, where, "entry hash", batch.hash % 10_000_000_000L, control.number(11, 20, "the entry hash"));
            check(control, where, "debits (cents)", batch.debits, control.number(21, 32, "the total debits"));
            check(control, where, "credits (cents)", batch.credits, control.number(33, 44, "the total credits"));
        }

        private void fileControl(Record control, int batches, Totals file) {
            check(control, "the file", "batches", batches, control.number(2, 7, "the batch count"));
            check(control, "the file", "entries and addenda", file.count, control.number(14, 21, "the entry and addenda count"));
            check(control, "the file", "entry hash", file.hash % 10_000_000_000L, control.number(22, 31, "the entry hash"));
            check(control, "the file", "debits (cents)", file.debits, control.number(32, 43, "the total debits"));
            check(control, "the file", "credits (cents)", file.credits, control.number(44, 55, "the total credits"));
        }

        private static void check(Record control, String where, String what, long counted, long stated) {
            if (counted != stated) {
                throw new FileRefused(control.line(), where + ": " + what + " counted " + counted + ", its control record says " + stated);
            }
        }

        private Record next() {
            return index < records.size() ? records.get(index++) : null;
        }

        private Record peek() {
            return index < records.size() ? records.get(index) : null;
        }

        private Record last() {
            return records.get(records.size() - 1);
        }

        /** A batch number as people say it: 0000001 is batch 1. */
        private static String shown(String number) {
            return number.strip().replaceFirst("^0+(?=.)", "");
        }

        private static String describe(Record r) {
            return switch (r.type()) {
                case '1' -> "a file header (1)";
                case '5' -> "a batch header (5)";
                case '6' -> "an entry (6)";
                case '7' -> "an addenda record (7)";
                case '8' -> "a batch control (8)";
                case '9' -> "a file control (9)";
                default -> "a record of unknown type \"" + r.type() + "\"";
            };
        }
    }
}
