package org.quittance.mail.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.quittance.mail.entity.MailState;
import org.quittance.mail.entity.OutgoingMail;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;

/** Hands one outbox message to the SMTP server, or records that none is configured. */
@Stateless
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/Quittance")
    Session mailSession;

    public List<Long> pendingIds(int max) {
        return em.createQuery("SELECT m.id FROM OutgoingMail m WHERE m.state = :state ORDER BY m.id", Long.class)
                .setParameter("state", MailState.PENDING)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * One SMTP connection for a whole relay run: opening a connection per message made e-mail the
     * slowest step of publishing (1,000 notices took 33 s). Null when no SMTP server is configured
     * or it cannot be reached now (each message then records why).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Transport openTransport() {
        if (!SmtpSettings.smtpConfigured()) {
            return null;
        }
        try {
            Transport transport = mailSession.getTransport("smtp");
            transport.connect();
            return transport;
        } catch (MessagingException e) {
            LOG.warning(() -> "Cannot connect to the SMTP server: " + e.getMessage());
            return null;
        }
    }

    /** @param transport an open connection to use, or null to connect for this message alone */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(Long id, Transport transport) {
        OutgoingMail mail = em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.state() != MailState.PENDING) {
            return;  // another node or run took it
        }
        if (!SmtpSettings.smtpConfigured()) {
            mail.recordedOnly();
            return;
        }
        try {
            MimeMessage message = toMime(mail);
            if (transport != null && transport.isConnected()) {
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            } else {
                Transport.send(message);
            }
            mail.sent(OffsetDateTime.now());
        } catch (MessagingException e) {
            mail.refused(e.getMessage());
            LOG.warning(() -> "SMTP refused outbox message " + id + " to " + mail.recipient()
                    + " (attempt " + mail.attempts() + "): " + e.getMessage());
        }
    }

    private MimeMessage toMime(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(mailSession);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Quittance-Message-Key", mail.messageKey());
        return message;
    }
}
