package org.quittance.billing.boundary;

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

/** Consumes PublishedInvoices. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/PublishedInvoices"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class PublishedInvoicesListener implements MessageListener {

    @EJB
    InboundMessages inbound;

    @EJB
    MessageFailures failures;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        QueueListener.deliver(Queue.PUBLISHED_INVOICES, message, inbound, failures, context);
    }
}
