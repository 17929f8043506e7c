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

    public static PaymentProcessor of(PaymentAccount account) {
        SecretBox box = SecretBox.ofServer();
        String secretKey = account.secretKeyCipher() == null ? null : box.open(account.secretKeyCipher());
        String webhookSecret = account.webhookSecretCipher() == null ? null : box.open(account.webhookSecretCipher());
        return new StripeProcessor(apiBase(account.processor()), secretKey, webhookSecret);
    }

    public static String apiBase(ProcessorKind processor) {
        return processor == ProcessorKind.SANDBOX ? SandboxSettings.url()
                : System.getProperty("quittance.stripe.api-base", "https://api.stripe.com");
    }
}
