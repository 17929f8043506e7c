package org.quittance.sandbox.control;

/**
 * Where the sandbox processor listens and whom it notifies, from server properties (set in
 * wildfly-config from QUITTANCE_SANDBOX_* variables). It listens on its own port, as a processor
 * lives on its own origin, and on the loopback interface unless told otherwise. It runs where its
 * archive is deployed (the run command and the tests), nowhere else: there is no switch.
 */
public final class SandboxSettings {

    private SandboxSettings() {
    }

    public static int port() {
        return Integer.parseInt(System.getProperty("quittance.sandbox.port", "8095").trim());
    }

    public static String bind() {
        return System.getProperty("quittance.sandbox.bind", "127.0.0.1").trim();
    }

    /** The API base and hosted pages' address as browsers and our adapter reach it. */
    public static String url() {
        String url = System.getProperty("quittance.sandbox.url", "").trim();
        if (url.isEmpty()) {
            url = "http://localhost:" + port();
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Our Stripe webhook endpoint, where the sandbox delivers its events. */
    public static String webhookUrl() {
        String url = System.getProperty("quittance.sandbox.webhook-url", "").trim();
        if (!url.isEmpty()) {
            return url;
        }
        // The server's own public address, the same setting the product reads.
        String base = System.getProperty("quittance.public-url", "").trim();
        base = base.isEmpty() ? "http://localhost:8080" : base;
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/portal/webhooks/stripe";
    }

    /** Deliver every event twice and each batch in reverse order: for tests of exactly-once. */
    public static boolean chaos() {
        return Boolean.parseBoolean(System.getProperty("quittance.sandbox.chaos", "false").trim());
    }
}
