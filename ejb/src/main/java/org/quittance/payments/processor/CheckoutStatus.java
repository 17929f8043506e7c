package org.quittance.payments.processor;

/** @param paymentId the processor's payment (PaymentIntent) once the client has paid, else null */
public record CheckoutStatus(String sessionId, boolean open, boolean complete, boolean expired, boolean paid, String paymentId) {
}
