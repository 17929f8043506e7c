package org.quittance.it;

import jakarta.ejb.EJB;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quittance.mail.boundary.Mailer;
import org.quittance.mail.boundary.Outbox;

import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Outgoing mail goes through the outbox and the server's mail session to a real SMTP server
 * (GreenMail, started by the test on the port the server is configured with), exactly once per key.
 */
@ExtendWith(ArquillianExtension.class)
class MailIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.quittanceWith(Deployments.testModule(MailIT.class, Mailbox.class)
                .addAsLibraries(Deployments.libraryOnClassPath("greenmail-2")));
    }

    @EJB
    Mailer mailer;

    @EJB
    Outbox outbox;

    private Mailbox mailbox;

    @BeforeEach
    void startSmtpServer() {
        mailbox = Mailbox.open();
    }

    @AfterEach
    void stopSmtpServer() {
        mailbox.close();
    }

    @Test
    void aQueuedMessageIsDeliveredOnceEvenWhenQueuedTwice() throws Exception {
        String recipient = "client-" + UUID.randomUUID() + "@example.com";
        String key = "mail-it:" + recipient;

        assertTrue(mailer.queue(key, recipient, "Your invoice is ready", "Dear client,\nplease see the portal."));
        assertFalse(mailer.queue(key, recipient, "Your invoice is ready", "Dear client,\nplease see the portal."),
                "the same key queues nothing the second time");

        Eventually.await("mail to " + recipient, Duration.ofSeconds(20), () -> messagesTo(recipient) == 1);
        mailbox.awaitRelayPassed(mailer);
        assertEquals(1, messagesTo(recipient), "nothing more arrives");

        MimeMessage received = mailbox.await("mail to " + recipient, Mailbox.to(recipient));
        assertEquals("Your invoice is ready", received.getSubject());
        assertEquals(key, received.getHeader("X-Quittance-Message-Key")[0]);
        Outbox.Entry entry = outbox.latest(100).stream().filter(e -> e.recipient().equals(recipient)).findFirst().orElseThrow();
        assertEquals("SENT", entry.state());
    }

    @Test
    void aLinkIsDeliveredButTheOutboxKeepsNoLiveCopyOfIt() throws Exception {
        String recipient = "client-" + UUID.randomUUID() + "@example.com";
        String link = "http://localhost/portal/register.xhtml?token=" + UUID.randomUUID();
        assertTrue(mailer.queue("mail-it:" + recipient, recipient, "Your client portal", "Set your password here:\n" + link + "\n", link));

        Eventually.await("mail to " + recipient, Duration.ofSeconds(20), () -> messagesTo(recipient) == 1);
        MimeMessage received = mailbox.await("mail to " + recipient, Mailbox.to(recipient));
        assertTrue(received.getContent().toString().contains(link), "the client gets the link");
        Eventually.await("sent", Duration.ofSeconds(10), () -> entryTo(recipient).state().equals("SENT"));
        Outbox.Entry entry = entryTo(recipient);
        assertFalse(entry.body().contains(link), entry.body());
        assertTrue(entry.body().contains("Set your password here:\n[link removed once sent]"), entry.body());
    }

    private Outbox.Entry entryTo(String recipient) {
        return outbox.latest(100).stream().filter(e -> e.recipient().equals(recipient)).findFirst().orElseThrow();
    }

    private long messagesTo(String recipient) {
        return mailbox.count(Mailbox.to(recipient));
    }

}
