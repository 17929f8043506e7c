package org.quittance.bankfiles.control;

import org.quittance.money.Money;
import org.quittance.payments.processor.SettledTransaction;

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
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private SettlementCsv() {
    }

    /** Whether the content looks like a settlement file (its header names the balance transaction). */
    public static boolean looksLikeOne(String content) {
        String first = content.replace("\uFEFF", "").lines().findFirst().orElse("");
        return first.contains("balance_transaction_id");
    }

    public static List<SettledTransaction> parse(String content) {
        List<List<String>> rows = rows(content.replace("\uFEFF", ""));
        if (rows.isEmpty()) {
            throw new FileRefused(1, "the file is empty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new FileRefused(1, "the header has no " + required + " column (a settlement file needs " + String.join(", ", REQUIRED) + ")");
            }
        }
        List<SettledTransaction> transactions = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = r + 1;
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            Row cells = new Row(line, row, columns);
            String id = cells.required("balance_transaction_id");
            Integer earlier = seen.put(id, line);
            if (earlier != null) {
                throw new FileRefused(line, "transaction " + id + " appears twice (also on line " + earlier + ")");
            }
            String currency = cells.required("currency").toUpperCase(Locale.ROOT);
            Money gross = cells.money("gross", currency);
            Money fee = cells.money("fee", currency);
            Money net = cells.money("net", currency);
            if (!gross.minus(fee).equals(net)) {
                throw new FileRefused(line, "gross " + gross + " less fee " + fee + " is not the net " + net);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            columns.forEach((name, index) -> {
                if (name.startsWith("payment_metadata[") && name.endsWith("]") && !cells.optional(name).isEmpty()) {
                    metadata.put(name.substring("payment_metadata[".length(), name.length() - 1), cells.optional(name));
                }
            });
            String charge = cells.optional("charge_id").isEmpty() ? cells.optional("source_id") : cells.optional("charge_id");
            transactions.add(new SettledTransaction(id, cells.required("reporting_category").toLowerCase(Locale.ROOT), blankToNull(charge),
                    blankToNull(cells.optional("payment_intent_id")), gross, fee, net, cells.created(),
                    blankToNull(cells.optional("automatic_payout_id")), metadata, blankToNull(cells.optional("description"))));
        }
        return transactions;
    }

    private record Row(int line, List<String> cells, Map<String, Integer> columns) {

        String optional(String column) {
            Integer index = columns.get(column);
            return index == null || index >= cells.size() ? "" : cells.get(index).strip();
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
            try {
                return LocalDateTime.parse(value, CREATED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new FileRefused(line, "created_utc \"" + value + "\" is not a date and time (yyyy-MM-dd HH:mm:ss, UTC)");
            }
        }
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), rows ending with CRLF or LF. */
    private static List<List<String>> rows(String content) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new FileRefused(line, "a quoted field is not closed");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
