package org.quittance.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Balance;
import org.quittance.payments.processor.ConnectionTest;

/**
 * "Test connection" against Stripe's API (or the sandbox's, which answers as Stripe does): one
 * harmless authenticated call, after checking that the key's mode matches the account's.
 */
final class StripeConnection {

    private StripeConnection() {
    }

    static ConnectionTest check(boolean live, String secretKey, String apiBase) {
        if (secretKey == null || secretKey.isBlank()) {
            return new ConnectionTest(false, "No secret key is configured.");
        }
        String expectedPrefix = live ? "sk_live_" : "sk_test_";
        if (!secretKey.startsWith(expectedPrefix) && !secretKey.startsWith(live ? "rk_live_" : "rk_test_")) {
            return new ConnectionTest(false, "The account is set to " + (live ? "live" : "test") + " mode but the secret key does not start with "
                    + expectedPrefix + ".");
        }
        StripeClient client = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setConnectTimeout(5_000)
                .setReadTimeout(10_000)
                .build();
        try {
            Balance balance = client.v1().balance().retrieve();
            return new ConnectionTest(true, "Connected to Stripe (" + (Boolean.TRUE.equals(balance.getLivemode()) ? "live" : "test") + " mode).");
        } catch (AuthenticationException e) {
            return new ConnectionTest(false, "Stripe refused the secret key.");
        } catch (StripeException e) {
            return new ConnectionTest(false, "Stripe answered with an error: " + e.getMessage());
        } catch (RuntimeException e) {
            return new ConnectionTest(false, "Cannot reach Stripe: " + e.getMessage());
        }
    }
}
