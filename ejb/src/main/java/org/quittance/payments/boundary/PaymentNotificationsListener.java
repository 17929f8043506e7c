package org.quittance.payments.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.quittance.messaging.boundary.InboundMessages;
import org.quittance.messaging.boundary.MessageFailures;
import org.quittance.messaging.boundary.QueueListener;
import org.quittance.messaging.control.Queue;

/** Consumes PaymentNotifications. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/PaymentNotifications"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class PaymentNotificationsListener implements MessageListener {

    @EJB
    InboundMessages inbound;

    @EJB
    MessageFailures failures;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        QueueListener.deliver(Queue.PAYMENT_NOTIFICATIONS, message, inbound, failures, context);
    }
}
