package org.quittance.sandbox.control;

import java.util.Map;

/**
 * The bank accounts the sandbox's debit page takes, as Stripe's test mode publishes them for each debit:
 * one that succeeds, one that fails when the debit settles, and one the bank takes back after it
 * succeeded; any other well-formed account succeeds. What the page checks before a debit is created
 * (the account's form, the mandate) is here too.
 */
public final class TestBankAccounts {

    public enum Outcome { SUCCEEDS, FAILS, RETURNED }

    /** A debit method the page can offer, with its currency and what it asks for. */
    public enum Method {
        US_BANK_ACCOUNT("us_bank_account", "usd", "US bank account (ACH debit)"),
        BACS_DEBIT("bacs_debit", "gbp", "Bacs Direct Debit"),
        SEPA_DEBIT("sepa_debit", "eur", "SEPA Direct Debit");

        private final String type;
        private final String currency;
        private final String label;

        Method(String type, String currency, String label) {
            this.type = type;
            this.currency = currency;
            this.label = label;
        }

        public String type() { return type; }
        public String currency() { return currency; }
        public String label() { return label; }

        public static java.util.Optional<Method> of(String type) {
            return java.util.Arrays.stream(values()).filter(m -> m.type.equals(type)).findFirst();
        }
    }

    /** What the page read: the account's identifier (its number or IBAN) and its last four characters. */
    public record Account(String identifier, String last4, String sortCode, String routingNumber) {
    }

    private TestBankAccounts() {
    }

    /** @return the account as the form gave it, or throws with the message the page shows */
    public static Account read(Method method, Map<String, String> form) {
        if (blank(form.get("holder")) || form.get("holder").length() > 200) {
            throw new IllegalArgumentException("Enter the account holder's name (at most 200 characters).");
        }
        if (!"yes".equals(form.get("mandate"))) {
            throw new IllegalArgumentException("Tick the box to authorise the debit.");
        }
        return switch (method) {
            case BACS_DEBIT -> {
                String sort = digits(form.get("sort_code"));
                String account = digits(form.get("account_number"));
                if (!sort.matches("\\d{6}")) throw new IllegalArgumentException("A sort code has six digits, such as 10-88-00.");
                if (!account.matches("\\d{8}")) throw new IllegalArgumentException("A UK account number has eight digits.");
                yield new Account(account, account.substring(4), sort, null);
            }
            case SEPA_DEBIT -> {
                String iban = form.getOrDefault("iban", "").replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
                if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}")) throw new IllegalArgumentException("Enter an IBAN, such as DE89 3704 0044 0532 0130 00.");
                yield new Account(iban, iban.substring(iban.length() - 4), null, null);
            }
            case US_BANK_ACCOUNT -> {
                String routing = digits(form.get("routing_number"));
                String account = digits(form.get("account_number"));
                if (!routing.matches("\\d{9}")) throw new IllegalArgumentException("A routing number has nine digits, such as 110000000.");
                if (!account.matches("\\d{4,17}")) throw new IllegalArgumentException("Enter the account number (4 to 17 digits).");
                yield new Account(account, account.substring(account.length() - 4), null, routing);
            }
        };
    }

    public static Outcome outcome(Account account) {
        return switch (account.identifier()) {
            case "90012345", "DE62370400440532013001", "000111111116" -> Outcome.FAILS;
            case "33333335", "DE35370400440532013002", "000222222227" -> Outcome.RETURNED;
            default -> Outcome.SUCCEEDS;
        };
    }

    /** The page's hint: the test accounts of a method. */
    public static String hint(Method method) {
        return switch (method) {
            case BACS_DEBIT -> "Test accounts (sort code 10-88-00): 00012345 succeeds, 90012345 fails when it settles, 33333335 succeeds and is then returned by the bank.";
            case SEPA_DEBIT -> "Test IBANs: DE89370400440532013000 succeeds, DE62370400440532013001 fails when it settles, DE35370400440532013002 succeeds and is then returned by the bank.";
            case US_BANK_ACCOUNT -> "Test accounts (routing 110000000): 000123456789 succeeds, 000111111116 fails when it settles, 000222222227 succeeds and is then returned by the bank.";
        };
    }

    private static String digits(String s) {
        return s == null ? "" : s.replaceAll("[\\s-]", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
