package org.quittance.payments.processor;

/** The answer to "Test connection" on the firm's payment account, in words for the firm's administrator. */
public record ConnectionTest(boolean ok, String message) {
}
