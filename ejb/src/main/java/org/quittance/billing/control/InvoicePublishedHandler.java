package org.quittance.billing.control;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.quittance.billing.boundary.PublishedVersions;
import org.quittance.messaging.control.MessageHandler;
import org.quittance.messaging.control.Queue;

/** PublishedInvoices → the published version and the recipients' e-mails. */
@ApplicationScoped
public class InvoicePublishedHandler implements MessageHandler {

    @EJB
    PublishedVersions versions;

    @Override
    public Queue queue() {
        return Queue.PUBLISHED_INVOICES;
    }

    @Override
    public String type() {
        return InvoicePublisher.MESSAGE_TYPE;
    }

    @Override
    public void handle(String key, String body) {
        versions.make(Long.parseLong(body.trim()));
    }
}
