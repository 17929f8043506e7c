package org.quittance.bankfiles.control;

import org.quittance.money.Money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final Pattern RECORD_START = Pattern.compile("\\d\\d[,:].*");
    private static final Pattern RECORD_BREAK = Pattern.compile("/\\s+(?=\\d\\d[,:])");

    private Bai2Statement() {
    }

    public static Parsed parse(String content) {
        return new Reader(records(content)).read();
    }

    /**
     * A logical record: its code, fields and the line it starts on. The fields of 88 continuations are
     * joined to them, except for a detail, whose continuations are more of its text.
     */
    private record Record(int line, String code, List<String> fields, String moreText) {
    }

    private static List<Record> records(String content) {
        List<Record> records = new ArrayList<>();
        String[] lines = content.replace("\uFEFF", "").split("\r\n|\r|\n", -1);
        StringBuilder current = null;
        int currentLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String physical = lines[i].strip();
            if (physical.isEmpty()) {
                continue;
            }
            for (String piece : RECORD_BREAK.split(physical)) {
                if (RECORD_START.matcher(piece).matches()) {
                    if (current != null) {
                        records.add(record(currentLine, current.toString()));
                    }
                    current = new StringBuilder(piece);
                    currentLine = i + 1;
                } else if (current == null) {
                    throw new FileRefused(i + 1, "text outside any record: \"" + abbreviate(piece) + "\"");
                } else {
                    current.append(' ').append(piece);  // a record broken over two lines
                }
            }
        }
        if (current != null) {
            records.add(record(currentLine, current.toString()));
        }
        return records;
    }

    private static Record record(int line, String raw) {
        String text = raw.strip();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Record(line, text.substring(0, 2), new ArrayList<>(Arrays.asList(text.substring(3).split(",", -1))), "");
    }

    /** Walks the records in order, as the format nests them: file › group › account › details. */
    private static final class Reader {

        private final List<Record> records;
        private int index;
        private String fileId;
        private String groupCurrency;
        private final List<Credit> credits = new ArrayList<>();
        private int accounts;

        Reader(List<Record> records) {
            this.records = records;
        }

        Parsed read() {
            if (records.isEmpty()) {
                throw new FileRefused(1, "the file is empty");
            }
            Record header = next();
            if (!header.code().equals("01")) {
                throw new FileRefused(header.line(), "a BAI2 file starts with its 01 file header, not a " + header.code() + " record");
            }
            fileId = String.join("/", field(header, 0), field(header, 2), field(header, 3), field(header, 4));
            long fileTotal = 0;
            int groups = 0;
            int fileRecords = 1 + continuations();
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(records.get(records.size() - 1).line(), "the file ends without its 99 file trailer");
                }
                if (r.code().equals("02")) {
                    long[] group = group(r);
                    fileTotal += group[0];
                    fileRecords += (int) group[1];
                    groups++;
                } else if (r.code().equals("99")) {
                    fileRecords += 1;
                    check(r, "file", fileTotal, fileRecords, groups);
                    if (index < records.size()) {
                        throw new FileRefused(records.get(index).line(), "a " + records.get(index).code() + " record after the 99 file trailer");
                    }
                    return new Parsed(fileId, List.copyOf(credits), accounts, fileRecords);
                } else {
                    throw unexpected(r, "a 02 group header or the 99 file trailer");
                }
            }
        }

        /** @return the group's control total and its number of records */
        private long[] group(Record header) {
            groupCurrency = field(header, 5).isBlank() ? null : field(header, 5);
            long total = 0;
            int count = 1 + continuations();
            int groupAccounts = 0;
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(header.line(), "the group that starts here has no 98 group trailer");
                }
                if (r.code().equals("03")) {
                    long[] account = account(r);
                    total += account[0];
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
            int count = 1 + continuations();
            while (true) {
                Record r = next();
                if (r == null) {
                    throw new FileRefused(identifier.line(), "account " + account + " has no 49 account trailer");
                }
                if (r.code().equals("16")) {
                    total += detail(r, account, currency, digits);
                    count += 1 + continuations();
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
                if (!type.matches("\\d{3}")) {
                    throw new FileRefused(r.line(), "summary type code \"" + abbreviate(type) + "\" is not three digits");
                }
                String amount = i + 1 < f.size() ? f.get(i + 1) : "";
                if (!amount.isBlank()) {
                    total += amount(r, amount, "summary amount of type " + type);
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
            if (!type.matches("\\d{3}")) {
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
                credits.add(new Credit(r.line(), account, type, Money.of(BigDecimal.valueOf(minor, digits), currency),
                        bankReference, customerReference, text));
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

        private Record next() {
            while (index < records.size()) {
                Record r = records.get(index++);
                if (r.code().equals("88")) {
                    if (index == 1) {
                        throw new FileRefused(r.line(), "a 88 continuation with no record before it");
                    }
                    continue;  // already joined to the record it continues
                }
                if (!List.of("01", "02", "03", "16", "49", "98", "99").contains(r.code())) {
                    throw new FileRefused(r.line(), "unknown record type " + r.code());
                }
                return joined(r);
            }
            return null;
        }

        /** The record with the fields of the 88 records that follow it. */
        private Record joined(Record r) {
            List<String> fields = new ArrayList<>(r.fields());
            StringBuilder moreText = new StringBuilder();
            for (int i = index; i < records.size() && records.get(i).code().equals("88"); i++) {
                List<String> more = records.get(i).fields();
                if (r.code().equals("16")) {
                    moreText.append(' ').append(String.join(",", more).strip());
                } else {
                    fields.addAll(more);
                }
            }
            return new Record(r.line(), r.code(), fields, moreText.toString().strip());
        }

        /** The 88 records that continue the record just read (they count in the trailers' record counts). */
        private int continuations() {
            int n = 0;
            for (int j = index; j < records.size() && records.get(j).code().equals("88"); j++) {
                n++;
            }
            return n;
        }

        private static String field(Record r, int i) {
            return i < r.fields().size() ? r.fields().get(i).strip() : "";
        }

        private static long amount(Record r, String value, String what) {
            String v = value.strip();
            if (!v.matches("[+-]?\\d{1,18}")) {
                throw new FileRefused(r.line(), what + " \"" + abbreviate(v) + "\" is not a whole number of minor units");
            }
            return Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        }

        private static int number(Record r, String value, String what) {
            String v = value.strip();
            if (!v.matches("\\d{1,9}")) {
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
