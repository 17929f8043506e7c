package org.quittance.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.quittance.mail.boundary.Mailer;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The SMTP server a test starts (GreenMail) on the port the application server sends to, and what has
 * arrived there. Open it before a test and close it after; an in-container test deploys this class
 * and the GreenMail library with it.
 */
public final class Mailbox implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final GreenMail smtp;

    private Mailbox() {
        smtp = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("QUITTANCE_SMTP_PORT")), "127.0.0.1", "smtp"));
        smtp.start();
    }

    public static Mailbox open() {
        return new Mailbox();
    }

    public List<MimeMessage> messages() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    public List<String> subjects() {
        return messages().stream().map(Mailbox::subject).toList();
    }

    public long count(Predicate<MimeMessage> which) {
        return messages().stream().filter(which).count();
    }

    /** Waits for the first message that matches, and returns it. */
    public MimeMessage await(String what, Predicate<MimeMessage> which) {
        return await(what, WAIT, which);
    }

    public MimeMessage await(String what, Duration timeout, Predicate<MimeMessage> which) {
        Eventually.await(what, timeout, () -> count(which) > 0);
        return messages().stream().filter(which).findFirst().orElseThrow();
    }

    /** Exactly this recipient and subject. */
    public static Predicate<MimeMessage> is(String recipient, String subject) {
        return m -> recipient(m).equals(recipient) && subject.equals(subject(m));
    }

    /**
     * Waits until every message queued before now has had its turn at the relay, on a positive signal
     * rather than a pause: a message queued now, sent after all earlier ones (the relay sends in the
     * outbox's order), has arrived. A second copy of an earlier message would have arrived by then.
     */
    public void awaitRelayPassed(Mailer mailer) {
        String sentinel = "relay-" + UUID.randomUUID() + "@sentinel.test";
        mailer.queue("sentinel:" + sentinel, sentinel, "Sentinel", "Sent after everything queued before it.");
        await("the relay to pass " + sentinel, to(sentinel));
    }

    public static Predicate<MimeMessage> to(String recipient) {
        return m -> recipient(m).equals(recipient);
    }

    public static Predicate<MimeMessage> to(String recipient, String subjectStart) {
        return m -> recipient(m).equals(recipient) && subject(m).startsWith(subjectStart);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
