package org.quittance.bankfiles.control;

import org.quittance.money.Money;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bank's BAI2 (Cash Management Balance Reporting, version 2) file, read for the credits it reports:
 * each detail record (16) with a credit type code (100–399) is money that reached the firm's account.
 * Records end with "/" or the end of the line; several may share a line; 88 records (and lines that
 * start without a record code) continue the record before them. The file is checked whole before
 * anything is taken from it: record order, numbers, and the 49/98/99 record counts and control totals.
 * Anything wrong refuses the file with the line and the reason.
 */
public final class Bai2Statement {

    /** A credit to one of the firm's accounts. */
    public record Credit(int line, String account, String typeCode, Money amount, String bankReference, String customerReference,
                         String text) {
    }

    /** @param fileId the sender, creation date and time and file id number: the same file read twice has the same id */
    public record Parsed(String fileId, List<Credit> credits, int accounts, int records) {
    }

    /** What a file read as it streams held, its credits handed out on the way. */
    public record Summary(String fileId, int credits, int accounts, int records) {
    }

    /** Takes each credit as the file is read, with the file's id (its 01 header comes first). */
    @FunctionalInterface
    public interface Credits {
        void credit(String fileId, Credit credit);
    }

    private static final Pattern RECORD_BREAK = Pattern.compile("/\\s+(?=\\d\\d[,:])");
    // Compiled once: a statement of a million lines tests each of its records against them.
    private static final Pattern TYPE_CODE = Pattern.compile("\\d{3}");
    private static final Pattern MINOR_UNITS = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    /** What a line and a record may hold: a statement's lines are at most 80 characters in the standard, far less than this. */
    static final int LINE = 10_000;
    static final int RECORD = 50_000;
    private static final java.util.Set<String> RECORD_CODES = java.util.Set.of("01", "02", "03", "16", "49", "98", "99");

    private Bai2Statement() {
    }

    public static Parsed parse(String content) {
        List<Credit> credits = new ArrayList<>();
        Summary summary = read(new StringReader(content), (fileId, credit) -> credits.add(credit));
        return new Parsed(summary.fileId(), List.copyOf(credits), summary.accounts(), summary.records());
    }

    /**
     * Reads the file as it streams (a statement of a million lines never sits in memory whole), each
     * credit handed out as its record is read: a caller keeps them in its transaction, which a refusal
     * at any later line rolls back.
     * @throws FileRefused at the first line that is wrong
     */
    public static Summary read(java.io.Reader content, Credits credits) {
        return new Reader(new Records(content), credits).read();
    }

    /**
     * A logical record: its code, fields and the line it starts on. The fields of 88 continuations are
     * joined to them, except for a detail, whose continuations are more of its text.
     * @param continuations how many 88 records continue it; @param continuedAt the line of the first
     */
    private record Record(int line, String code, List<String> fields, String moreText, int continuations, int continuedAt) {
    }

    /** The file's records in order, read a line at a time; a record is whole when the next one starts. */
    private static final class Records {
        private final java.io.Reader in;
        private final char[] buffer = new char[1 << 16];
        private int next;
        private int filled;
        private final StringBuilder line = new StringBuilder(256);
        private final Deque<Record> ready = new ArrayDeque<>();
        private StringBuilder current;
        private int currentLine;
        private int lineNumber;
        private int lastLine;
        private boolean ended;

        Records(java.io.Reader in) {
            this.in = in;
        }

        Record peek() {
            fill();
            return ready.peekFirst();
        }

        Record poll() {
            fill();
            return ready.pollFirst();
        }

        /** The line of the last record the file has had so far. */
        int lastLine() {
            return lastLine;
        }

        private void fill() {
            while (ready.isEmpty() && !ended) {
                String physical = readLine();
                if (physical == null) {
                    ended = true;
                    complete();
                    return;
                }
                lineNumber++;
                physical = (physical.indexOf('\uFEFF') >= 0 ? physical.replace("\uFEFF", "") : physical).strip();
                if (physical.isEmpty()) {
                    continue;
                }
                int slash = physical.indexOf('/');
                // Most lines hold one record, ending at their only slash: no need to look for a break.
                String[] pieces = slash < 0 || slash == physical.length() - 1 ? new String[]{physical} : RECORD_BREAK.split(physical);
                for (String piece : pieces) {
                    if (startsRecord(piece)) {
                        complete();
                        current = new StringBuilder(piece);
                        currentLine = lineNumber;
                        lastLine = lineNumber;
                    } else if (current == null) {
                        throw new FileRefused(lineNumber, "text outside any record: \"" + abbreviate(piece) + "\"");
                    } else {
                        current.append(' ').append(piece);  // a record broken over two lines
                    }
                    if (current != null && current.length() > RECORD) {
                        throw new FileRefused(currentLine, "a record is longer than " + RECORD + " characters");
                    }
                }
            }
        }

        private void complete() {
            if (current != null) {
                ready.addLast(record(currentLine, current.toString()));
                current = null;
            }
        }

        /**
         * The next line without its end (LF, CR LF or CR), refused past {@link #LINE} characters
         * before more of it is read; null at the end of the file.
         */
        private String readLine() {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (next == filled && !refill()) {
                    return any ? line.toString() : null;
                }
                any = true;
                char c = buffer[next++];
                if (c == '\n') {
                    return line.toString();
                }
                if (c == '\r') {
                    if ((next < filled || refill()) && buffer[next] == '\n') {
                        next++;
                    }
                    return line.toString();
                }
                if (line.length() == LINE) {
                    throw new FileRefused(lineNumber + 1, "a line is longer than " + LINE + " characters");
                }
                line.append(c);
            }
        }

        private boolean refill() {
            try {
                int n = in.read(buffer, 0, buffer.length);
                next = 0;
                filled = Math.max(n, 0);
                return n > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Two digits and a comma (or a colon): what a record starts with. */
    private static boolean startsRecord(String piece) {
        return piece.length() >= 3 && isDigit(piece.charAt(0)) && isDigit(piece.charAt(1)) && (piece.charAt(2) == ',' || piece.charAt(2) == ':');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Record record(int line, String raw) {
        String text = raw.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Record(line, text.substring(0, 2), new ArrayList<>(Arrays.asList(text.substring(3).split(",", -1))), "", 0, 0);
    }

    /** Walks the records in order, as the format nests them: file › group › account › details. */
    private static final class Reader {

        private final Records records;
        private final Credits credits;
        private boolean started;
        private String fileId;
        private String groupCurrency;
        private int creditCount;
        private int accounts;

        Reader(Records records, Credits credits) {
            this.records = records;
            this.credits = credits;
        }

        Summary read() {
            if (records.peek() == null) {
                throw new FileRefused(1, "the file is empty");
            }
            Record header = next();
            if (!header.code().equals("01")) {
                throw new FileRefused(header.line(), "a BAI2 file starts with its 01 file header, not a " + header.code() + " record");
            }
            fileId = String.join("/", field(header, 0), field(header, 2), field(header, 3), field(header, 4));
            long fileTotal = 0;
            int groups = 0;
            int fileRecords = 1 + header.continuations();
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(records.lastLine(), "the file ends without its 99 file trailer");
                }
                if (r.code().equals("02")) {
                    long[] group = group(r);
                    fileTotal = sum(r, fileTotal, group[0]);
                    fileRecords += (int) group[1];
                    groups++;
                } else if (r.code().equals("99")) {
                    fileRecords += 1;
                    check(r, "file", fileTotal, fileRecords, groups);
                    if (r.continuations() > 0) {
                        throw new FileRefused(r.continuedAt(), "a 88 record after the 99 file trailer");
                    }
                    Record after = records.peek();
                    if (after != null) {
                        throw new FileRefused(after.line(), "a " + after.code() + " record after the 99 file trailer");
                    }
                    return new Summary(fileId, creditCount, accounts, fileRecords);
                } else {
                    throw unexpected(r, "a 02 group header or the 99 file trailer");
                }
            }
        }

        /** @return the group's control total and its number of records */
        private long[] group(Record header) {
            groupCurrency = field(header, 5).isBlank() ? null : field(header, 5);
            long total = 0;
            int count = 1 + header.continuations();
            int groupAccounts = 0;
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(header.line(), "the group that starts here has no 98 group trailer");
                }
                if (r.code().equals("03")) {
                    long[] account = account(r);
                    total = sum(r, total, account[0]);
                    count += (int) account[1];
                    groupAccounts++;
                } else if (r.code().equals("98")) {
                    count += 1;
                    check(r, "group", total, count, groupAccounts);
                    return new long[]{total, count};
                } else {
                    throw unexpected(r, "a 03 account record or the 98 group trailer");
                }
            }
        }

        /** @return the account's control total and its number of records */
        private long[] account(Record identifier) {
            accounts++;
            String account = field(identifier, 0);
            String currency = !field(identifier, 1).isBlank() ? field(identifier, 1) : groupCurrency != null ? groupCurrency : "USD";
            int digits = digits(identifier, currency);
            long total = summaryTotal(identifier);
            int count = 1 + identifier.continuations();
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(identifier.line(), "account " + account + " has no 49 account trailer");
                }
                if (r.code().equals("16")) {
                    total = sum(r, total, detail(r, account, currency, digits));
                    count += 1 + r.continuations();
                } else if (r.code().equals("49")) {
                    count += 1;
                    long stated = amount(r, field(r, 0), "account control total");
                    if (stated != total) {
                        throw new FileRefused(r.line(), "account " + account + ": its records add up to " + total
                                + " but the 49 trailer says " + stated);
                    }
                    int statedCount = number(r, field(r, 1), "number of records");
                    if (statedCount != count) {
                        throw new FileRefused(r.line(), "account " + account + " has " + count + " records but the 49 trailer says " + statedCount);
                    }
                    return new long[]{total, count};
                } else {
                    throw unexpected(r, "a 16 detail record or the 49 account trailer");
                }
            }
        }

        /** The 03 record's summary amounts: type, amount, item count, funds type (and its extra fields). */
        private long summaryTotal(Record r) {
            List<String> f = r.fields();
            long total = 0;
            int i = 2;
            while (i < f.size()) {
                String type = f.get(i);
                if (type.isBlank()) {
                    i += 1;
                    continue;
                }
                if (!TYPE_CODE.matcher(type).matches()) {
                    throw new FileRefused(r.line(), "summary type code \"" + abbreviate(type) + "\" is not three digits");
                }
                String amount = i + 1 < f.size() ? f.get(i + 1) : "";
                if (!amount.isBlank()) {
                    total = sum(r, total, amount(r, amount, "summary amount of type " + type));
                }
                String funds = i + 3 < f.size() ? f.get(i + 3) : "";
                i += 4 + fundsTypeExtra(r, f, i + 3, funds);
            }
            return total;
        }

        /** @return the detail's amount in minor units (for the control total) */
        private long detail(Record r, String account, String currency, int digits) {
            List<String> f = r.fields();
            String type = field(r, 0);
            if (!TYPE_CODE.matcher(type).matches()) {
                throw new FileRefused(r.line(), "detail type code \"" + abbreviate(type) + "\" is not three digits");
            }
            String rawAmount = field(r, 1);
            long minor = rawAmount.isBlank() ? 0 : amount(r, rawAmount, "amount");
            if (minor < 0) {
                throw new FileRefused(r.line(), "a detail amount is never signed: " + rawAmount);
            }
            int next = 3 + fundsTypeExtra(r, f, 2, field(r, 2));
            String bankReference = next < f.size() ? f.get(next).strip() : "";
            String customerReference = next + 1 < f.size() ? f.get(next + 1).strip() : "";
            String text = ((next + 2 < f.size() ? String.join(",", f.subList(next + 2, f.size())).strip() : "") + " " + r.moreText()).strip();
            int code = Integer.parseInt(type);
            if (code >= 100 && code <= 399 && minor > 0) {
                Money amount;
                try {
                    amount = Money.of(BigDecimal.valueOf(minor, digits), currency);
                } catch (IllegalArgumentException e) {
                    String why = e.getMessage();
                    throw new FileRefused(r.line(), "amount " + rawAmount.strip() + " is refused: " + Character.toLowerCase(why.charAt(0)) + why.substring(1));
                }
                credits.credit(fileId, new Credit(r.line(), account, type, amount, bankReference, customerReference, text));
                creditCount++;
            }
            return minor;
        }

        /** How many fields follow a funds type: S has three, V two, D a count and that many pairs. */
        private int fundsTypeExtra(Record r, List<String> f, int at, String funds) {
            return switch (funds.strip()) {
                case "S" -> 3;
                case "V" -> 2;
                case "D" -> {
                    String n = at + 1 < f.size() ? f.get(at + 1) : "";
                    yield 1 + 2 * number(r, n, "number of distributions");
                }
                case "", "0", "1", "2", "Z" -> 0;
                default -> throw new FileRefused(r.line(), "unknown funds type \"" + abbreviate(funds) + "\"");
            };
        }

        private void check(Record trailer, String what, long total, int count, int children) {
            long stated = amount(trailer, field(trailer, 0), what + " control total");
            if (stated != total) {
                throw new FileRefused(trailer.line(), "the " + what + "'s records add up to " + total + " but its trailer says " + stated);
            }
            int statedChildren = number(trailer, field(trailer, 1), "number of " + (what.equals("file") ? "groups" : "accounts"));
            if (statedChildren != children) {
                throw new FileRefused(trailer.line(), "the " + what + " has " + children + (what.equals("file") ? " groups" : " accounts")
                        + " but its trailer says " + statedChildren);
            }
            int statedCount = number(trailer, field(trailer, 2), "number of records");
            if (statedCount != count) {
                throw new FileRefused(trailer.line(), "the " + what + " has " + count + " records but its trailer says " + statedCount);
            }
        }

        /** The next record with the 88 records that continue it; null at the end of the file. */
        private Record next() {
            Record r = records.poll();
            if (r == null) {
                return null;
            }
            if (r.code().equals("88") && !started) {
                throw new FileRefused(r.line(), "a 88 continuation with no record before it");
            }
            started = true;
            if (!RECORD_CODES.contains(r.code())) {
                throw new FileRefused(r.line(), "unknown record type " + r.code());
            }
            List<String> fields = new ArrayList<>(r.fields());
            StringBuilder moreText = new StringBuilder();
            int continuations = 0;
            int continuedAt = 0;
            int joined = 0;
            for (Record more = records.peek(); more != null && more.code().equals("88"); more = records.peek()) {
                records.poll();
                joined += more.fields().stream().mapToInt(String::length).sum() + more.fields().size();
                if (joined > RECORD) {
                    throw new FileRefused(r.line(), "a record and its 88 continuations are longer than " + RECORD + " characters");
                }
                if (continuations++ == 0) {
                    continuedAt = more.line();
                }
                if (r.code().equals("16")) {
                    moreText.append(' ').append(String.join(",", more.fields()).strip());
                } else {
                    fields.addAll(more.fields());
                }
            }
            return new Record(r.line(), r.code(), fields, moreText.toString().strip(), continuations, continuedAt);
        }

        /** A running total, refused rather than wrapped round when it leaves a long's range. */
        private static long sum(Record r, long total, long amount) {
            try {
                return Math.addExact(total, amount);
            } catch (ArithmeticException e) {
                throw new FileRefused(r.line(), "the amounts add up to more than a total can hold");
            }
        }

        private static String field(Record r, int i) {
            return i < r.fields().size() ? r.fields().get(i).strip() : "";
        }

        private static long amount(Record r, String value, String what) {
            String v = value.strip();
            if (!MINOR_UNITS.matcher(v).matches()) {
                throw new FileRefused(r.line(), what + " \"" + abbreviate(v) + "\" is not a whole number of minor units");
            }
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        }

        private static int number(Record r, String value, String what) {
            String v = value.strip();
            if (!COUNT.matcher(v).matches()) {
                throw new FileRefused(r.line(), what + " \"" + abbreviate(v) + "\" is not a number");
            }
            return Integer.parseInt(v);
        }

        private static int digits(Record r, String currency) {
            try {
                return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            } catch (IllegalArgumentException e) {
                throw new FileRefused(r.line(), "unknown currency \"" + abbreviate(currency) + "\"");
            }
        }

        private static FileRefused unexpected(Record r, String expected) {
            return new FileRefused(r.line(), "expected " + expected + ", found a " + r.code() + " record");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
