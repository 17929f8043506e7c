package org.quittance.platform.control;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Every server setting Quittance reads, typed, with its one default. The values are WildFly system
 * properties that wildfly-config sets from the environment (QUITTANCE_PUBLIC_URL → quittance.public-url,
 * and so on; see README › Configuration). A value that is not a number where one is expected stops
 * with the property's name, rather than falling back silently. (The sandbox processor has its own,
 * SandboxSettings: it is development tooling, not the product.)
 */
public final class Settings {

    private Settings() {
    }

    /**
     * Where the sandbox processor answers, for a payment account of the Sandbox kind: its address is
     * all the product knows of it (the sandbox reads the same two properties for itself).
     */
    public static String sandboxApiBase() {
        String url = text("quittance.sandbox.url").orElseGet(() -> "http://localhost:" + text("quittance.sandbox.port").orElse("8095"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where clients and staff reach the server: the base of every link in e-mails and PDFs. */
    public static String publicUrl() {
        String url = text("quittance.public-url").orElse("http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The server's data directory (the setup code and, unless configured, the secret key file live there). */
    public static Path dataDirectory() {
        return Path.of(text("jboss.server.data.dir").orElse(System.getProperty("java.io.tmpdir")));
    }

    /** Whether the demo firm is made on an empty database (the run command's default). */
    public static boolean demoData() {
        return flag("quittance.demo-data", false);
    }

    /** The key that encrypts processor secrets (base64), when given directly. */
    public static Optional<String> secretKey() {
        return text("quittance.secret-key");
    }

    /** A file holding that key, when it is kept in a file of IT's choosing. */
    public static Optional<Path> secretKeyFile() {
        return text("quittance.secret-key-file").map(Path::of);
    }

    /** The SMTP server; without one, e-mails are only recorded in the outbox. */
    public static Optional<String> smtpHost() {
        return text("quittance.smtp.host");
    }

    /** How often the receipt import runs, in minutes; 0 turns the schedule off. */
    public static int receiptImportEveryMinutes() {
        return number("quittance.receipts.import-every-minutes", 60);
    }

    /** How many days back each scheduled receipt import looks. */
    public static int receiptImportDays() {
        return number("quittance.receipts.import-days", 3);
    }

    /** How long a portal payment may stay pending before the janitor asks the processor about it. */
    public static Duration pendingPaymentAge() {
        return Duration.ofMinutes(number("quittance.payments.pending-minutes", 15));
    }

    /** How long a password link works. */
    public static Duration passwordLinkLife() {
        return Duration.ofMinutes(number("quittance.reset-minutes", 60));
    }

    /** How long a portal invitation works. */
    public static Duration invitationLife() {
        return Duration.ofDays(number("quittance.invitation-days", 7));
    }

    /** Stripe's API, or a stand-in for tests. */
    public static String stripeApiBase() {
        return text("quittance.stripe.api-base").orElse("https://api.stripe.com");
    }

    private static Optional<String> text(String property) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static boolean flag(String property, boolean otherwise) {
        return text(property).map(Boolean::parseBoolean).orElse(otherwise);
    }

    private static int number(String property, int otherwise) {
        Optional<String> value = text(property);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The server setting " + property + " must be a whole number, not '" + value.get() + "'.");
        }
    }
}
