package org.quittance.payments.processor;

import org.quittance.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * What Quittance needs from a card processor. Card data never passes through it: a checkout sends
 * the client to the processor's hosted page, and the processor tells us the outcome in signed
 * notifications (and answers when asked).
 */
public interface PaymentProcessor {

    /** The processor's name as notifications are filed under it (e.g. STRIPE). */
    String name();

    /** One harmless authenticated call, for "Test connection" on the firm's payment account. */
    ConnectionTest testConnection(boolean live);

    /**
     * A hosted checkout for these invoices and amounts. Creating it again with the same idempotency
     * key returns the same checkout, never a second one.
     */
    HostedCheckout createCheckout(CheckoutRequest request) throws ProcessorUnavailable;

    /** Where a hosted checkout is now (open, complete, expired) and whether it was paid. */
    CheckoutStatus checkoutStatus(String sessionId) throws ProcessorUnavailable;

    /**
     * Verifies a webhook's signatures (and timestamp, where the processor signs one) on its raw bytes
     * and returns the notifications it carries. One that fails refuses the whole request.
     * @param signatureHeader the processor's signature header, or null for one that signs inside the body
     * @throws NotificationRefused when it is forged, stale or not a notification at all
     */
    List<VerifiedNotification> verify(byte[] rawBody, String signatureHeader, Instant now) throws NotificationRefused;

    /**
     * A kept notification in Quittance's words. Needs no secret: the signature was checked on arrival.
     * @throws IllegalArgumentException when it cannot be read
     */
    ProcessorEvent read(byte[] payload);

    /**
     * A payment's current state as the processor reports it, as a notification that {@link #read}
     * understands: what the janitor uses when a notification seems lost.
     */
    RemotePayment payment(String paymentId) throws ProcessorUnavailable;

    /** Settled transactions created in [from, to), oldest first, a page at a time (receipt import). */
    List<SettledTransaction> settledTransactions(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable;

    /** Payouts to the firm's bank account created in [from, to), a page at a time (payout reconciliation). */
    List<ProcessorPayout> payouts(Instant from, Instant to, String startingAfter, int limit) throws ProcessorUnavailable;

    /** The settled transactions a payout carries, a page at a time. */
    List<SettledTransaction> payoutTransactions(String payoutId, String startingAfter, int limit) throws ProcessorUnavailable;

    /**
     * Gives part or all of a payment back to the client's card. The same idempotency key refunds
     * once, however often it is sent.
     * @param paymentReference the payment (PaymentIntent) or, without one, the charge
     * @return the processor's refund id
     */
    String refund(String paymentReference, Money amount, String reason, String idempotencyKey) throws ProcessorUnavailable;
}
