package org.quittance.mail.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.quittance.mail.control.MailDelivery;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** Relays the outbox every few seconds, one message per transaction so one bad address holds up nothing. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class.getName());
    private static final int BATCH = 200;

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    MailDelivery delivery;

    @Schedule(hour = "*", minute = "*", second = "*/3", persistent = false, info = "mail outbox relay")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void relay() {
        if (!running.compareAndSet(false, true)) {
            return;  // the previous run is still sending
        }
        Transport transport = null;
        try {
            List<Long> pending = delivery.pendingIds(BATCH);
            if (!pending.isEmpty()) {
                transport = delivery.openTransport();
            }
            while (!pending.isEmpty()) {
                for (Long id : pending) {
                    deliverOne(id, transport);
                }
                if (pending.size() < BATCH) {
                    break;
                }
                pending = delivery.pendingIds(BATCH);
            }
        } finally {
            close(transport);
            running.set(false);
        }
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "SMTP connection did not close cleanly: " + e);
            }
        }
    }

    private void deliverOne(Long id, Transport transport) {
        try {
            delivery.deliver(id, transport);
        } catch (RuntimeException e) {
            // Recorded on the message by MailDelivery where it could be; the next run retries.
            LOG.warning(() -> "Outbox message " + id + " not delivered: " + e);
        }
    }
}
