package org.quittance.payments.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.quittance.firm.control.SecretBox;
import org.quittance.firm.entity.PaymentAccount;
import org.quittance.firm.entity.ProcessorKind;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.StripeProcessor;
import org.quittance.payments.sandbox.control.SandboxSettings;
import org.quittance.platform.control.RuleViolation;

import java.util.Optional;

/**
 * The adapter for the firm's payment account. The sandbox is the Stripe adapter pointed at the
 * sandbox processor, so every sandbox payment exercises the code that talks to Stripe.
 */
@Stateless
public class PaymentProcessors {

    @PersistenceContext
    EntityManager em;

    public Optional<PaymentProcessor> current() {
        return em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class).getResultStream().findFirst()
                .map(PaymentProcessors::of);
    }

    public PaymentProcessor require() {
        return current().orElseThrow(() -> new RuleViolation("The firm has not connected a payment account yet: card payments are not available."));
    }

    /**
     * The adapter with the account's secrets opened, kept while the sealed secrets and the address
     * stay the same: every webhook needs it, and opening reads the key and decrypts twice. Saving
     * the account seals new ciphertexts (fresh IVs), so a changed account never hits an old entry.
     */
    public static PaymentProcessor of(PaymentAccount account) {
        String key = account.processor() + "|" + apiBase(account.processor()) + "|" + account.secretKeyCipher() + "|" + account.webhookSecretCipher();
        PaymentProcessor cached = OPENED.get(key);
        if (cached != null) {
            return cached;
        }
        PaymentProcessor opened = open(account);
        if (OPENED.size() >= 8) {
            OPENED.clear();
        }
        OPENED.put(key, opened);
        return opened;
    }

    private static final java.util.Map<String, PaymentProcessor> OPENED = new java.util.concurrent.ConcurrentHashMap<>();

    private static PaymentProcessor open(PaymentAccount account) {
        SecretBox box = SecretBox.ofServer();
        String secretKey = account.secretKeyCipher() == null ? null : box.open(account.secretKeyCipher());
        String webhookSecret = account.webhookSecretCipher() == null ? null : box.open(account.webhookSecretCipher());
        return new StripeProcessor(apiBase(account.processor()), secretKey, webhookSecret);
    }

    public static String apiBase(ProcessorKind processor) {
        return processor == ProcessorKind.SANDBOX ? SandboxSettings.url()
                : org.quittance.platform.control.Settings.stripeApiBase();
    }
}
