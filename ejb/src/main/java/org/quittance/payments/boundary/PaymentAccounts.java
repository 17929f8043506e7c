package org.quittance.payments.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.quittance.audit.boundary.AuditTrail;
import org.quittance.firm.boundary.FirmSettings;
import org.quittance.firm.control.SecretBox;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.payments.control.SandboxDashboard;
import org.quittance.payments.entity.PaymentAccount;
import org.quittance.payments.entity.ProcessorKind;
import org.quittance.payments.processor.ConnectionTest;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Setup › Firm › Payment account: the firm's account with its processor, its secrets sealed, and its connection test. */
@RolesAllowed(Roles.ADMIN)
@Stateless
public class PaymentAccounts {

    /** What a screen may know of the payment account: never a secret, only its hint. */
    public record AccountView(ProcessorKind processor, boolean live, String accountLabel, String publishableKey,
                              String secretKeyHint, String webhookSecretHint, OffsetDateTime lastTestAt,
                              Boolean lastTestOk, String lastTestMessage, boolean readyForPayments) implements java.io.Serializable {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    FirmSettings firmSettings;

    @EJB
    AuditTrail audit;

    @EJB
    PaymentProcessors processors;

    public Optional<AccountView> paymentAccount() {
        return account().map(PaymentAccounts::view);
    }

    /**
     * Connects (or reconfigures) the payment account. Blank secrets keep the stored ones, so the
     * form never needs to show them.
     */
    public AccountView connectPaymentAccount(@NotNull ProcessorKind processor, boolean live,
                                             @Size(max = 200) String accountLabel,
                                             @Size(max = 300) String publishableKey,
                                             @Size(max = 300) String secretKey,
                                             @Size(max = 300) String webhookSecret) {
        if (processor == ProcessorKind.SANDBOX && live) {
            throw new RuleViolation("The sandbox is for testing only and cannot be used for a live account.");
        }
        if (processor == ProcessorKind.ADYEN && webhookSecret != null && !webhookSecret.isBlank()
                && !webhookSecret.strip().matches("([0-9A-Fa-f]{2}){16,128}")) {
            throw new RuleViolation("Adyen's HMAC key is the 32 to 256 hex digits its Customer Area shows.");
        }
        processors.forgetAfterCommit();
        PaymentAccount account = account().orElseGet(() -> {
            PaymentAccount created = new PaymentAccount(firmSettings.firm(), processor);
            em.persist(created);
            return created;
        });
        account.configure(processor, live, accountLabel, publishableKey);
        SecretBox box = SecretBox.ofServer();
        if (secretKey != null && !secretKey.isBlank()) {
            account.replaceSecretKey(box.seal(secretKey.trim()), SecretBox.hint(secretKey.trim()));
        }
        if (webhookSecret != null && !webhookSecret.isBlank()) {
            account.replaceWebhookSecret(box.seal(webhookSecret.trim()), SecretBox.hint(webhookSecret.trim()));
        }
        if (processor == ProcessorKind.SANDBOX) {
            // The sandbox issues its keys and learns the webhook secret, as a processor's dashboard does.
            String heldKey = account.secretKeyCipher() == null ? null : box.open(account.secretKeyCipher());
            String heldSecret = account.webhookSecretCipher() == null ? null : box.open(account.webhookSecretCipher());
            SandboxDashboard.Keys keys = SandboxDashboard.register(PaymentProcessors.apiBase(ProcessorKind.SANDBOX),
                    heldKey != null && heldKey.startsWith("sk_test_sandbox_") ? heldKey : null, heldSecret,
                    account.firm().name(), account.firm().defaultCurrency());
            account.replaceSecretKey(box.seal(keys.secretKey()), SecretBox.hint(keys.secretKey()));
            account.replaceWebhookSecret(box.seal(keys.webhookSecret()), SecretBox.hint(keys.webhookSecret()));
            if (publishableKey == null || publishableKey.isBlank()) {
                account.configure(processor, live, accountLabel, keys.publishableKey());
            }
        }
        if (processor == ProcessorKind.STRIPE && account.secretKeyCipher() == null) {
            throw new RuleViolation("Enter the Stripe secret key.");
        }
        // Keys are never written to the trail: only which were replaced.
        audit.recordAsCaller(AuditTrail.SETTING, "payment account", "payment account connected", processor + (live ? " live" : " test")
                + (accountLabel == null ? "" : " \"" + accountLabel + "\"")
                + (secretKey != null && !secretKey.isBlank() ? ", secret key replaced" : "")
                + (webhookSecret != null && !webhookSecret.isBlank() ? ", webhook secret replaced" : ""));
        return view(account);
    }

    public AccountView testConnection() {
        PaymentAccount account = account().orElseThrow(() -> new RuleViolation("No payment account is connected yet."));
        ConnectionTest result = PaymentProcessors.test(account);
        account.recordTest(result.ok(), result.message(), OffsetDateTime.now());
        return view(account);
    }

    public void disconnectPaymentAccount() {
        processors.forgetAfterCommit();
        account().ifPresent(account -> {
            em.remove(account);
            audit.recordAsCaller(AuditTrail.SETTING, "payment account", "payment account disconnected", String.valueOf(account.processor()));
        });
    }

    private Optional<PaymentAccount> account() {
        return em.createQuery("SELECT a FROM PaymentAccount a", PaymentAccount.class).getResultStream().findFirst();
    }

    private static AccountView view(PaymentAccount a) {
        return new AccountView(a.processor(), a.live(), a.accountLabel(), a.publishableKey(), a.secretKeyHint(),
                a.webhookSecretHint(), a.lastTestAt(), a.lastTestOk(), a.lastTestMessage(), a.readyForPayments());
    }
}
