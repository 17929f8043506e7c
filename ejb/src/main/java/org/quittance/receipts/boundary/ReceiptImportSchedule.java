package org.quittance.receipts.boundary;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import org.quittance.payments.control.PaymentProcessors;
import org.quittance.platform.control.RuleViolation;
import org.quittance.security.entity.Roles;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * Runs the receipt import on its own: every quarter of an hour it checks whether the configured
 * interval (quittance.receipts.import-every-minutes, 0 = never) has passed and, if so, imports the
 * last few days (quittance.receipts.import-days). Overlapping periods are harmless: nothing is
 * imported twice.
 */
@RunAs(Roles.SYSTEM)
@Singleton
public class ReceiptImportSchedule {

    private static final Logger LOG = Logger.getLogger(ReceiptImportSchedule.class.getName());

    @EJB
    ReceiptImport receiptImport;

    @EJB
    PaymentProcessors processors;

    private Instant lastStarted;

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    public void tick() {
        int every = org.quittance.platform.control.Settings.receiptImportEveryMinutes();
        Instant now = Instant.now();
        if (every <= 0 || processors.current().isEmpty()
                || (lastStarted != null && lastStarted.plus(Duration.ofMinutes(every)).isAfter(now.plusSeconds(60)))) {
            return;
        }
        int days = org.quittance.platform.control.Settings.receiptImportDays();
        try {
            long execution = receiptImport.start(now.minus(days, ChronoUnit.DAYS), now);
            lastStarted = now;
            LOG.info(() -> "Scheduled receipt import " + execution + " of the last " + days + " days started");
        } catch (RuleViolation e) {
            LOG.info(() -> "Scheduled receipt import skipped: " + e.getMessage());
        }
    }
}
