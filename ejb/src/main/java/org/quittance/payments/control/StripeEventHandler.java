package org.quittance.payments.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quittance.messaging.control.MessageHandler;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.boundary.ProcessorPayments;
import org.quittance.payments.boundary.WebhookInbox;

/** PaymentNotifications → the notification's effect on its processor payment. */
@ApplicationScoped
public class StripeEventHandler implements MessageHandler {

    @EJB
    ProcessorPayments payments;

    @Override
    public Queue queue() {
        return Queue.PAYMENT_NOTIFICATIONS;
    }

    @Override
    public String type() {
        return WebhookInbox.MESSAGE_TYPE;
    }

    @Override
    public void handle(String key, String body) {
        payments.apply(Long.parseLong(body.trim()));
    }
}
