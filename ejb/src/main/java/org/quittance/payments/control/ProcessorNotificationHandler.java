package org.quittance.payments.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quittance.messaging.control.MessageHandler;
import org.quittance.messaging.control.Queue;
import org.quittance.payments.boundary.ProcessorEvents;
import org.quittance.payments.boundary.WebhookInbox;

/** PaymentNotifications → the notification's effect on its processor payment, whichever processor sent it. */
@ApplicationScoped
public class ProcessorNotificationHandler implements MessageHandler {

    @EJB
    ProcessorEvents events;

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
        events.apply(Long.parseLong(body.trim()));
    }
}
