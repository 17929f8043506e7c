package org.quittance.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A message that does nothing but prove the path sender → queue → MDB → handler → database:
 * its key is recorded as processed like any other. Used by operations ("is messaging alive?")
 * and the integration tests.
 */
public abstract class QueueProbe implements MessageHandler {

    public static final String TYPE = "probe";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void handle(String key, String body) {
        // Recording the key as processed, which InboundMessages does, is the whole effect.
    }

    @ApplicationScoped
    public static class OnPublishedInvoices extends QueueProbe {
        @Override
        public Queue queue() {
            return Queue.PUBLISHED_INVOICES;
        }
    }

    @ApplicationScoped
    public static class OnPaymentNotifications extends QueueProbe {
        @Override
        public Queue queue() {
            return Queue.PAYMENT_NOTIFICATIONS;
        }
    }
}
