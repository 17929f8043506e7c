package org.quittance.payments.control;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Balance;
import org.quittance.firm.entity.ProcessorKind;

/**
 * "Test connection" on the firm's payment account: one harmless authenticated call to the processor.
 * The API base is Stripe's (quittance.stripe.api-base) or the sandbox processor's, so the same code
 * path is tested offline.
 */
public final class ConnectionCheck {

    public record Result(boolean ok, String message) {
    }

    private ConnectionCheck() {
    }

    /** The sandbox is called exactly as Stripe is, at its own API base. */
    public static Result check(ProcessorKind processor, boolean live, String secretKey, String apiBase) {
        Result result = stripe(live, secretKey, apiBase);
        if (processor == ProcessorKind.SANDBOX && result.ok()) {
            return new Result(true, "Sandbox processor ready at " + apiBase + ": test mode, no real money moves.");
        }
        return result;
    }

    private static Result stripe(boolean live, String secretKey, String apiBase) {
        if (secretKey == null || secretKey.isBlank()) {
            return new Result(false, "No secret key is configured.");
        }
        String expectedPrefix = live ? "sk_live_" : "sk_test_";
        if (!secretKey.startsWith(expectedPrefix) && !secretKey.startsWith(live ? "rk_live_" : "rk_test_")) {
            return new Result(false, "The account is set to " + (live ? "live" : "test") + " mode but the secret key does not start with "
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
            return new Result(true, "Connected to Stripe (" + (Boolean.TRUE.equals(balance.getLivemode()) ? "live" : "test") + " mode).");
        } catch (AuthenticationException e) {
            return new Result(false, "Stripe refused the secret key.");
        } catch (StripeException e) {
            return new Result(false, "Stripe answered with an error: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(false, "Cannot reach Stripe: " + e.getMessage());
        }
    }
}
