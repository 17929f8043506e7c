package org.quittance.mail.control;

/** Whether an SMTP server is configured (server system property quittance.smtp.host, from QUITTANCE_SMTP_HOST). */
public final class SmtpSettings {

    private SmtpSettings() {
    }

    public static boolean smtpConfigured() {
        return org.quittance.platform.control.Settings.smtpHost().isPresent();
    }
}
