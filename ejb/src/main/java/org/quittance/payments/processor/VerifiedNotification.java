package org.quittance.payments.processor;

import java.time.Instant;

/**
 * One notification whose signature was checked: its id (the inbox's key, with the processor's name),
 * type, signing time, and the bytes to keep — the whole body for a processor that sends one event per
 * request, the one item for a processor that sends them in batches.
 */
public record VerifiedNotification(String eventId, String type, Instant signedAt, byte[] payload) {
}
