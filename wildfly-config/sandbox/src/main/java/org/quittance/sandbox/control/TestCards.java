package org.quittance.sandbox.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's published test cards and what test mode does with each (sandbox/stripe_test_cards.csv).
 * A number that is not a test card is refused, as Stripe's test mode refuses real cards.
 */
public final class TestCards {

    /**
     * @param code          Stripe's error code when the card is refused (card_declined, expired_card, …), else null
     * @param declineCode   the decline_code for card_declined, else null
     * @param disputed      the payment succeeds and a fraudulent dispute opens at once
     */
    public record Outcome(String brand, boolean succeeds, String code, String declineCode, String message, boolean disputed) {
    }

    private record Card(String brand, String category, String expected) {
    }

    private static final Map<String, Card> CARDS = load();

    private TestCards() {
    }

    public static Outcome outcome(String cardNumber) {
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            return refused(brandOf(digits), "incorrect_number", null, "Your card number is incorrect.");
        }
        Card card = CARDS.get(digits);
        if (card == null) {
            return refused(brandOf(digits), "card_declined", "test_mode_live_card",
                    "Your card was declined. Your request was in test mode, but used a non test card.");
        }
        String brand = card.brand().replaceAll(" \\(.*\\)", "");
        return switch (card.category()) {
            case "success", "refund" -> new Outcome(brand, true, null, null, null, false);
            case "dispute" -> new Outcome(brand, true, null, null, null, true);
            case "3ds" -> refused(brand, "authentication_required", "authentication_required",
                    "Your card needs 3D Secure authentication, which the sandbox does not perform. Use another test card.");
            case "fraud" -> refused(brand, "card_declined", "fraudulent", "Your card was declined.");
            default -> declined(brand, card.expected());
        };
    }

    /** "card_declined / decline_code=insufficient_funds" or "error code=expired_card" as Stripe reports them. */
    private static Outcome declined(String brand, String expected) {
        Optional<String> decline = value(expected, "decline_code=");
        Optional<String> code = value(expected, "code=");
        if (decline.isPresent()) {
            return refused(brand, "card_declined", decline.get(), message(decline.get()));
        }
        String c = code.orElse("card_declined");
        return refused(brand, c, null, message(c));
    }

    /** Stripe's own wording of each refusal. */
    static String message(String code) {
        return switch (code) {
            case "insufficient_funds" -> "Your card has insufficient funds.";
            case "expired_card" -> "Your card has expired.";
            case "incorrect_cvc" -> "Your card's security code is incorrect.";
            case "processing_error" -> "An error occurred while processing your card. Try again in a little bit.";
            case "incorrect_number" -> "Your card number is incorrect.";
            case "card_velocity_exceeded" -> "Your card was declined for making repeated attempts too frequently or exceeding its amount limit.";
            default -> "Your card was declined.";
        };
    }

    private static Optional<String> value(String expected, String key) {
        int at = expected.indexOf(key);
        if (at < 0 || (key.equals("code=") && expected.contains("decline_code="))) {
            return Optional.empty();
        }
        String rest = expected.substring(at + key.length()).trim();
        return Optional.of(rest.split("[\\s;,)]")[0]);
    }

    private static Outcome refused(String brand, String code, String declineCode, String message) {
        return new Outcome(brand, false, code, declineCode, message, false);
    }

    static String brandOf(String digits) {
        if (digits.startsWith("4")) return "Visa";
        if (digits.matches("^(5[1-5]|2[2-7]).*")) return "Mastercard";
        if (digits.matches("^3[47].*")) return "American Express";
        if (digits.startsWith("6")) return "Discover";
        return "Card";
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static Map<String, Card> load() {
        Map<String, Card> cards = new HashMap<>();
        try (InputStream in = TestCards.class.getResourceAsStream("/sandbox/stripe_test_cards.csv")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/stripe_test_cards.csv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();  // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", 5);
                if (f.length == 5) {
                    cards.put(f[0].trim(), new Card(f[1].trim(), f[2].trim(), f[4].trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cards;
    }
}
