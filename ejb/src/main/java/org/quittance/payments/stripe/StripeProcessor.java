package org.quittance.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PayoutListParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.quittance.money.Money;
import org.quittance.payments.processor.CheckoutRequest;
import org.quittance.payments.processor.CheckoutStatus;
import org.quittance.payments.processor.ConnectionTest;
import org.quittance.payments.processor.HostedCheckout;
import org.quittance.payments.processor.NotificationRefused;
import org.quittance.payments.processor.PaymentProcessor;
import org.quittance.payments.processor.ProcessorEvent;
import org.quittance.payments.processor.ProcessorPayout;
import org.quittance.payments.processor.ProcessorUnavailable;
import org.quittance.payments.processor.RemotePayment;
import org.quittance.payments.processor.SettledTransaction;
import org.quittance.payments.processor.VerifiedNotification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The Stripe adapter, on the official stripe-java library: Checkout Sessions with our references in
 * metadata and an Idempotency-Key on every create, signed webhooks verified on their raw bytes. The
 * sandbox is this same adapter pointed at the emulator's API base.
 */
public final class StripeProcessor implements PaymentProcessor {

    public static final String NAME = "STRIPE";
    /** The checkout reference in the metadata of the session and of its PaymentIntent. */
    private static final String CHECKOUT_KEY = CheckoutRequest.REFERENCE_METADATA;
    public static final String ALLOCATION_KEY = "quittance_invoices";

    private static final Duration CHECKOUT_LIFETIME = Duration.ofHours(1);

    private final String apiBase;
    private final String secretKey;
    private final String webhookSecret;
    /** Volatile: one opened adapter serves many threads (see PaymentProcessors.of). */
    private volatile StripeClient client;

    public StripeProcessor(String apiBase, String secretKey, String webhookSecret) {
        this.apiBase = apiBase;
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
    }

    /** Built on first use: verifying a notification needs no client. Two threads may build one each; either will do. */
    private StripeClient client() {
        StripeClient client = this.client;
        if (client == null) {
            client = StripeClient.builder()
                    .setApiKey(secretKey)
                    .setApiBase(apiBase)
                    .setConnectTimeout(5_000)
                    .setReadTimeout(15_000)
                    .setMaxNetworkRetries(2)
                    .build();
            this.client = client;
        }
        return client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectionTest testConnection(boolean live) {
        return StripeConnection.check(live, secretKey, apiBase);
    }

    @Override
    public HostedCheckout createCheckout(CheckoutRequest request) throws ProcessorUnavailable {
        CheckoutRequest.Customer who = request.customer();
        try {
            Customer customer = client().v1().customers().create(CustomerCreateParams.builder()
                    .setName(who.name())
                    .setEmail(who.email())
                    .setAddress(CustomerCreateParams.Address.builder()
                            .setLine1(who.line1()).setLine2(who.line2()).setCity(who.city())
                            .setPostalCode(who.postcode()).setCountry(who.country()).build())
                    .putMetadata(CHECKOUT_KEY, request.reference())
                    .build(), idempotent(request.idempotencyKey() + ":customer"));

            String allocation = request.allocation();
            SessionCreateParams.Builder session = SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.PAYMENT)
                    .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                    .setCustomer(customer.getId())
                    .setClientReferenceId(request.reference())
                    .setSuccessUrl(request.successUrl())
                    .setCancelUrl(request.cancelUrl())
                    .setExpiresAt(Instant.now().plus(CHECKOUT_LIFETIME).getEpochSecond())
                    .putMetadata(CHECKOUT_KEY, request.reference())
                    .putMetadata(ALLOCATION_KEY, allocation)
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                            .setDescription(request.merchant() + ": " + numbers(request))
                            .putMetadata(CHECKOUT_KEY, request.reference())
                            .putMetadata(ALLOCATION_KEY, allocation)
                            .build());
            if (request.bankDebit()) {
                org.quittance.payments.entity.BankDebit.forCurrency(request.total().currency())
                        .map(d -> SessionCreateParams.PaymentMethodType.valueOf(d.stripeType().toUpperCase(Locale.ROOT)))
                        .ifPresent(session::addPaymentMethodType);
            }
            for (CheckoutRequest.Line line : request.lines()) {
                session.addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(line.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(minorUnits(line.amount()))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Invoice " + line.invoiceNumber()).build())
                                .build())
                        .build());
            }
            Session created = client().v1().checkout().sessions().create(session.build(), idempotent(request.idempotencyKey()));
            return new HostedCheckout(created.getId(), created.getUrl());
        } catch (StripeException | RuntimeException e) {
            throw unavailable("create the card payment page", e);
        }
    }

    @Override
    public CheckoutStatus checkoutStatus(String sessionId) throws ProcessorUnavailable {
        try {
            Session s = client().v1().checkout().sessions().retrieve(sessionId);
            return new CheckoutStatus(s.getId(), "open".equals(s.getStatus()), "complete".equals(s.getStatus()),
                    "expired".equals(s.getStatus()), "paid".equals(s.getPaymentStatus()), s.getPaymentIntent());
        } catch (StripeException | RuntimeException e) {
            throw unavailable("look up checkout " + sessionId, e);
        }
    }

    @Override
    public List<VerifiedNotification> verify(byte[] rawBody, String signatureHeader, Instant now) throws NotificationRefused {
        if (webhookSecret == null) {
            throw new NotificationRefused("no webhook signing secret is configured for the payment account");
        }
        Instant signedAt;
        try {
            signedAt = new StripeSignature(webhookSecret, StripeSignature.DEFAULT_TOLERANCE).verify(rawBody, signatureHeader, now);
        } catch (SignatureRefused e) {
            throw new NotificationRefused("signature refused: " + e.getMessage());
        }
        try {
            StripeEvent event = StripeEvent.parse(rawBody);
            return List.of(new VerifiedNotification(event.id(), event.type(), signedAt, rawBody));
        } catch (IllegalArgumentException e) {
            throw new NotificationRefused(e.getMessage());
        }
    }

    @Override
    public ProcessorEvent read(byte[] payload) {
        return StripeEvent.parse(payload).neutral();
    }

    /**
     * The PaymentIntent as an event of the type its status corresponds to, with a deterministic id:
     * asking twice about the same settled payment gives the same event, which the inbox keeps once.
     */
    @Override
    public RemotePayment payment(String paymentId) throws ProcessorUnavailable {
        try {
            PaymentIntent intent = client().v1().paymentIntents().retrieve(paymentId);
            String status = intent.getStatus();
            String type = switch (status) {
                case "succeeded" -> "payment_intent.succeeded";
                case "canceled" -> "payment_intent.canceled";
                case "requires_payment_method" -> intent.getLastPaymentError() != null ? "payment_intent.payment_failed" : "payment_intent.created";
                default -> "payment_intent.processing";
            };
            boolean settled = "succeeded".equals(status) || "canceled".equals(status);
            String object = intent.getLastResponse() != null ? intent.getLastResponse().body() : intent.toJson();
            String eventId = "poll_" + paymentId + "_" + status;
            String body = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type
                    + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":" + Boolean.TRUE.equals(intent.getLivemode())
                    + ",\"data\":{\"object\":" + object + "}}";
            return new RemotePayment(paymentId, settled, eventId, type, body.getBytes(StandardCharsets.UTF_8));
        } catch (StripeException | RuntimeException e) {
            throw unavailable("look up payment " + paymentId, e);
        }
    }

    @Override
    public List<SettledTransaction> settledTransactions(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable {
        BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder()
                .setLimit((long) limit)
                .addExpand("data.source")
                .setCreated(BalanceTransactionListParams.Created.builder()
                        .setGte(from.getEpochSecond()).setLt(to.getEpochSecond()).build());
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        return listing("list settled transactions", () -> settled(client().v1().balanceTransactions().list(params.build())));
    }

    @Override
    public List<ProcessorPayout> payouts(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable {
        PayoutListParams.Builder params = PayoutListParams.builder().setLimit((long) limit)
                .setCreated(PayoutListParams.Created.builder().setGte(from.getEpochSecond()).setLt(to.getEpochSecond()).build());
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        return listing("list payouts", () -> {
            List<ProcessorPayout> payouts = new ArrayList<>();
            for (Payout p : client().v1().payouts().list(params.build()).getData()) {
                String currency = p.getCurrency().toUpperCase(Locale.ROOT);
                payouts.add(new ProcessorPayout(p.getId(), fromMinorUnits(p.getAmount(), currency),
                        Instant.ofEpochSecond(p.getArrivalDate()).atZone(ZoneOffset.UTC).toLocalDate(), p.getStatus(),
                        Instant.ofEpochSecond(p.getCreated())));
            }
            return payouts;
        });
    }

    @Override
    public List<SettledTransaction> payoutTransactions(String payoutId, String startingAfter, int limit) throws ProcessorUnavailable {
        BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder().setLimit((long) limit).setPayout(payoutId)
                .addExpand("data.source");
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        return listing("list the transactions of payout " + payoutId, () -> settled(client().v1().balanceTransactions().list(params.build()))
                .stream()
                .map(t -> new SettledTransaction(t.id(), t.type(), t.source(), t.paymentId(), t.gross(), t.fee(), t.net(), t.created(),
                        payoutId, t.metadata(), t.description()))
                .toList());
    }

    private static List<SettledTransaction> settled(StripeCollection<BalanceTransaction> page) {
        List<SettledTransaction> settled = new ArrayList<>();
        for (BalanceTransaction t : page.getData()) {
            String currency = t.getCurrency().toUpperCase(Locale.ROOT);
            // The charge comes expanded: its payment, metadata and description tie it to our checkout.
            Charge charge = t.getSourceObject() instanceof Charge c ? c : null;
            settled.add(new SettledTransaction(t.getId(), t.getType(), t.getSource(), charge == null ? null : charge.getPaymentIntent(),
                    fromMinorUnits(t.getAmount(), currency), fromMinorUnits(t.getFee(), currency), fromMinorUnits(t.getNet(), currency),
                    Instant.ofEpochSecond(t.getCreated()), null,
                    charge == null ? Map.of() : charge.getMetadata(), charge == null ? null : charge.getDescription()));
        }
        return settled;
    }

    @Override
    public String refund(String paymentReference, Money amount, String reason, String idempotencyKey) throws ProcessorUnavailable {
        RefundCreateParams.Builder params = RefundCreateParams.builder().setAmount(minorUnits(amount))
                .putMetadata("quittance_reason", reason == null ? "" : reason);
        if (paymentReference.startsWith("ch_")) {
            params.setCharge(paymentReference);
        } else {
            params.setPaymentIntent(paymentReference);
        }
        try {
            return client().v1().refunds().create(params.build(), idempotent(idempotencyKey)).getId();
        } catch (StripeException | RuntimeException e) {
            throw unavailable("refund " + amount + " of " + paymentReference, e);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static String numbers(CheckoutRequest request) {
        return String.join(", ", request.lines().stream().map(CheckoutRequest.Line::invoiceNumber).toList());
    }

    /** Stripe counts in the currency's minor unit; our amounts are exact to it (Money's scale). */
    static long minorUnits(Money money) {
        int digits = Math.max(Currency.getInstance(money.currency()).getDefaultFractionDigits(), 0);
        return money.amount().movePointRight(digits).longValueExact();
    }

    static Money fromMinorUnits(long minor, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return Money.of(BigDecimal.valueOf(minor, digits), currency);
    }

    /** The first wait after Stripe's 429, doubled each time up to {@link #LONGEST_BACKOFF}. */
    private static final Logger LOG = Logger.getLogger(StripeProcessor.class.getName());

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(4);
    /** About 20 s of waiting in all before the listing gives up (the import's chunk fails; a restart resumes it). */
    static final int RATE_LIMITED_TRIES = 8;

    private interface Call<T> {
        T call() throws StripeException;
    }

    /**
     * A list call that honours Stripe's rate limit: a 429 is waited out with an exponential backoff
     * (with jitter, so that two importers do not retry in step), as Stripe asks; anything else, or a
     * limit that lasts, makes the processor unavailable.
     */
    private static <T> T listing(String what, Call<T> call) throws ProcessorUnavailable {
        long wait = FIRST_BACKOFF.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (RateLimitException e) {
                if (attempt == RATE_LIMITED_TRIES) {
                    throw unavailable(what + " (still rate-limited after " + attempt + " tries)", e);
                }
                long pause = wait + ThreadLocalRandom.current().nextLong(wait / 2 + 1);
                LOG.fine(() -> "Stripe rate-limited a call to " + what + "; trying again in " + pause + " ms");
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw unavailable(what, interrupted);
                }
                wait = Math.min(wait * 2, LONGEST_BACKOFF.toMillis());
            } catch (StripeException | RuntimeException e) {
                throw unavailable(what, e);
            }
        }
    }

    private static ProcessorUnavailable unavailable(String what, Exception e) {
        String detail = e instanceof StripeException se && se.getStripeError() != null && se.getStripeError().getMessage() != null
                ? se.getStripeError().getMessage() : e.getMessage();
        return new ProcessorUnavailable("The payment service could not " + what + ": " + detail, e);
    }
}
