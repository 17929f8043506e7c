package org.quittance.payments.processor;

import java.time.Instant;

/** A notification whose signature was checked: its id (the inbox key), type and signing time. */
public record VerifiedNotification(String eventId, String type, Instant signedAt) {
}
