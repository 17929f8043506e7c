package org.quittance.payments.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.quittance.firm.control.SecretBox;
import org.quittance.payments.entity.PaymentAccount;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.payments.adyen.AdyenProcessor;
import org.quittance.payments.processor.ConnectionTest;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorEvent;
import org.quittance.payments.stripe.StripeProcessor;
import org.quittance.platform.control.Remembered;
import org.quittance.platform.control.RuleViolation;

import java.time.Duration;
import java.util.Optional;

/**
 * The registry of processor adapters, and the adapter for the firm's payment account. Adding an
 * adapter is a package of its own plus one line in {@link #open} and one in {@link #read}. The
 * sandbox is the Stripe adapter pointed at the sandbox processor, so every sandbox payment
 * exercises the code that talks to Stripe.
 */
@Stateless
public class PaymentProcessors {

    @PersistenceContext
    EntityManager em;

    /**
     * The firm's adapter, read once every few seconds: every webhook needs it, and a burst of them
     * read the same row a thousand times a second.
     */
    static final Remembered<Optional<PaymentProcessor>> ACCOUNT = new Remembered<>(Duration.ofSeconds(5));

    @Resource
    TransactionSynchronizationRegistry transactions;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PaymentProcessor> current() {
        return ACCOUNT.get(() -> em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class).getResultStream()
                .findFirst().map(PaymentProcessors::of));
    }

    /** The caller's transaction changes the account: read it again once that transaction ends (and now). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void forgetAfterCommit() {
        ACCOUNT.forgetAfterCommit(transactions);
    }

    public PaymentProcessor require() {
        return current().filter(p -> !AdyenProcessor.NAME.equals(p.name()))
                .orElseThrow(() -> new RuleViolation("The firm has not connected a payment account yet: card payments are not available."));
    }

    /**
     * A kept notification in Quittance's words, by the adapter it arrived through (not the firm's
     * account of today, which may have changed since).
     * @throws IllegalArgumentException when no adapter has that name or it cannot read the notification
     */
    public static ProcessorEvent read(String processor, byte[] payload) {
        return switch (processor) {
            case StripeProcessor.NAME -> new StripeProcessor(null, null, null).read(payload);
            case AdyenProcessor.NAME -> new AdyenProcessor(null).read(payload);
            default -> throw new IllegalArgumentException("No adapter reads notifications of " + processor);
        };
    }

    /** "Test connection": the adapter's own check, said as the sandbox when it is the sandbox. */
    public static ConnectionTest test(PaymentAccount account) {
        ConnectionTest result = of(account).testConnection(account.live());
        if (account.processor() == ProcessorKind.SANDBOX && result.ok()) {
            return new ConnectionTest(true, "Sandbox processor ready at " + apiBase(account.processor()) + ": test mode, no real money moves.");
        }
        return result;
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
        return switch (account.processor()) {
            case SANDBOX, STRIPE -> new StripeProcessor(apiBase(account.processor()), secretKey, webhookSecret);
            case ADYEN -> new AdyenProcessor(webhookSecret);
        };
    }

    public static String apiBase(ProcessorKind processor) {
        return processor == ProcessorKind.SANDBOX ? org.quittance.platform.control.Settings.sandboxApiBase()
                : org.quittance.platform.control.Settings.stripeApiBase();
    }
}
