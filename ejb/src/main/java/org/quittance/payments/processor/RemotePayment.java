package org.quittance.payments.processor;

/**
 * A payment fetched from the processor.
 * @param settled   true once it succeeded or failed for good (no longer pending)
 * @param eventId   a notification id for this state: the same state asked twice gives the same id
 * @param eventType the notification type this state corresponds to
 * @param eventBody a notification body in the processor's format, for the normal consumer
 */
public record RemotePayment(String paymentId, boolean settled, String eventId, String eventType, byte[] eventBody) {
}
