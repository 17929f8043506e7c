package org.quittance.payments.processor;

/** The processor's hosted checkout: its id and the page the client is sent to. */
public record HostedCheckout(String sessionId, String url) {
}
