package org.quittance.bankfiles.control;

import org.quittance.money.Money;
import org.quittance.payments.processor.SettledTransaction;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A processor's settlement file as staff download it from the processor's dashboard: Stripe's itemized
 * balance change report (CSV, one settled transaction per row, amounts in major units). The columns
 * are found by their header, so extra or reordered columns do no harm. The file is read and checked
 * whole — required columns, dates, amounts, gross less fee equal to net, no transaction twice — before
 * anything is taken from it; anything wrong refuses it with the line and the reason.
 */
public final class SettlementCsv {

    private static final List<String> REQUIRED = List.of("balance_transaction_id", "created_utc", "currency", "gross", "fee", "net",
            "reporting_category");
    /** The longest field (a description), the most fields in a row and the longest identifier or code. */
    private static final int FIELD = 5_000;
    private static final int COLUMNS = 300;
    public static final int IDENTIFIER = 100;  // the receipt's columns for them
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private SettlementCsv() {
    }

    /** Whether the content looks like a settlement file (its header names the balance transaction). */
    public static boolean looksLikeOne(String content) {
        String first = content.replace("\uFEFF", "").lines().findFirst().orElse("");
        return first.contains("balance_transaction_id");
    }

    /** The whole file in memory, checked whole (the fixtures and small files; an upload streams through {@link #read}). */
    public static List<SettledTransaction> parse(String content) {
        List<SettledTransaction> transactions = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        read(new StringReader(content), (line, transaction) -> {
            Integer earlier = seen.put(transaction.id(), line);
            if (earlier != null) {
                throw new FileRefused(line, twice(transaction.id(), earlier));
            }
            transactions.add(transaction);
        });
        return transactions;
    }

    /** What is said of a transaction found twice in one file. */
    public static String twice(String transactionId, int earlierLine) {
        return "transaction " + transactionId + " appears twice (also on line " + earlierLine + ")";
    }

    /** A transaction and the line of the file it is on. */
    @FunctionalInterface
    public interface Each {
        void accept(int line, SettledTransaction transaction);
    }

    /**
     * Reads the file a row at a time, checking each row (all but the uniqueness of the transactions,
     * which a caller checks over the whole file): a file of any length streams through in bounded memory.
     * @return the number of transactions
     */
    public static int read(java.io.Reader content, Each each) {
        Rows rows = new Rows(content);
        List<String> header = rows.next();
        if (header == null) {
            throw new FileRefused(1, "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new FileRefused(1, "the header has no " + required + " column (a settlement file needs " + String.join(", ", REQUIRED) + ")");
            }
        }
        List<String> metadataColumns = columns.keySet().stream()
                .filter(name -> name.startsWith("payment_metadata[") && name.endsWith("]")).sorted().toList();
        int count = 0;
        for (List<String> row = rows.next(); row != null; row = rows.next()) {
            int line = rows.line();
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            Row cells = new Row(line, row, columns);
            String id = cells.bounded(cells.required("balance_transaction_id"), "balance_transaction_id");
            String currency = cells.required("currency").toUpperCase(Locale.ROOT);
            Money gross = cells.money("gross", currency);
            Money fee = cells.money("fee", currency);
            Money net = cells.money("net", currency);
            if (!gross.minus(fee).equals(net)) {
                throw new FileRefused(line, "gross " + gross + " less fee " + fee + " is not the net " + net);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (String name : metadataColumns) {
                if (!cells.optional(name).isEmpty()) {
                    metadata.put(name.substring("payment_metadata[".length(), name.length() - 1), cells.bounded(cells.optional(name), name));
                }
            }
            String charge = cells.optional("charge_id").isEmpty() ? cells.optional("source_id") : cells.optional("charge_id");
            each.accept(line, new SettledTransaction(id, cells.bounded(cells.required("reporting_category").toLowerCase(Locale.ROOT), "reporting_category"),
                    blankToNull(cells.bounded(charge, "charge_id")), blankToNull(cells.bounded(cells.optional("payment_intent_id"), "payment_intent_id")),
                    gross, fee, net, cells.created(), blankToNull(cells.bounded(cells.optional("automatic_payout_id"), "automatic_payout_id")),
                    metadata, blankToNull(cells.optional("description"))));
            count++;
        }
        return count;
    }

    private record Row(int line, List<String> cells, Map<String, Integer> columns) {

        String optional(String column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index).strip();
        }

        /** A processor's identifier or code: never longer than its column holds. */
        String bounded(String value, String column) {
            if (value.length() > IDENTIFIER) {
                throw new FileRefused(line, column + " is longer than " + IDENTIFIER + " characters");
            }
            return value;
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw new FileRefused(line, column + " is empty");
            }
            return value;
        }

        Money money(String column, String currency) {
            String value = required(column);
            try {
                return Money.of(new BigDecimal(value), currency);
            } catch (NumberFormatException e) {
                throw new FileRefused(line, column + " \"" + value + "\" is not an amount");
            } catch (IllegalArgumentException e) {
                throw new FileRefused(line, column + " \"" + value + "\": " + e.getMessage());
            }
        }

        Instant created() {
            String value = required("created_utc");
            if (value.length() == 19 && value.charAt(10) == ' ') {
                Instant usual = usual(value);
                if (usual != null) {
                    return usual;
                }
            }
            try {
                return LocalDateTime.parse(value, CREATED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new FileRefused(line, "created_utc \"" + value + "\" is not a date and time (yyyy-MM-dd HH:mm:ss, UTC)");
            }
        }
    }

    /**
     * yyyy-MM-dd HH:mm:ss, as every row of the processor's report has it, read without the formatter
     * (a sixth of the time of a million lines); anything else goes to the formatter, which says what is wrong.
     */
    private static Instant usual(String v) {
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(13) != ':' || v.charAt(16) != ':') {
            return null;
        }
        int year = digits(v, 0, 4), month = digits(v, 5, 7), day = digits(v, 8, 10);
        int hour = digits(v, 11, 13), minute = digits(v, 14, 16), second = digits(v, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * RFC 4180, a row at a time: fields separated by commas, quoted with double quotes (doubled inside),
     * rows ending with CRLF or LF. A byte order mark is dropped. Fields and rows are bounded, so a
     * file without line ends or with a runaway quote is refused instead of filling the memory.
     */
    private static final class Rows {
        private final java.io.Reader in;
        // Its own buffer: a Reader's read() of one character takes a lock each time (half of the time for a million lines).
        private final char[] buffer = new char[1 << 16];
        private int next;
        private int end;
        private int line;
        private int pushedBack = -2;

        Rows(java.io.Reader in) {
            this.in = in;
        }

        /** The line of the row {@link #next} returned last (a quoted field may hold line ends: a row is one line here). */
        int line() {
            return line;
        }

        /** The next row, or null at the end of the file. */
        List<String> next() {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int c = read();
            if (c < 0) {
                return null;
            }
            line++;
            for (; c >= 0; c = read()) {
                if (c == '\uFEFF') {
                    continue;
                }
                if (quoted) {
                    if (c == '"') {
                        int after = read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = after;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    add(row, field);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            pushedBack = after;
                        }
                    }
                    add(row, field);
                    return row;
                } else {
                    field.append((char) c);
                }
                if (field.length() > FIELD) {
                    throw new FileRefused(line, "a field is longer than " + FIELD + " characters");
                }
            }
            if (quoted) {
                throw new FileRefused(line, "a quoted field is not closed");
            }
            add(row, field);
            return row;
        }

        private void add(List<String> row, StringBuilder field) {
            if (row.size() == COLUMNS) {
                throw new FileRefused(line, "a row has more than " + COLUMNS + " fields");
            }
            row.add(field.toString());
            field.setLength(0);
        }

        private int read() {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            if (next == end) {
                try {
                    end = in.read(buffer, 0, buffer.length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                next = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return buffer[next++];
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
