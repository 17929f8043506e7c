package org.quittance.billing.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import org.quittance.billing.control.InvoicePublisher;

import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The sweeper of publications: an invoice published but never taken up by the consumer (its wake-up,
 * which is not kept on disk, was lost in a crash) is queued again, kept on disk this time. The
 * consumer publishes each invoice once whatever arrives, so a publication queued twice changes nothing.
 */
@Stateless
public class PublicationRedrive {

    private static final Logger LOG = Logger.getLogger(PublicationRedrive.class.getName());

    /** How long a published invoice may wait for its consumer before it is queued again. */
    static final Duration STUCK = Duration.ofMinutes(2);

    @EJB
    InvoicePublisher publisher;

    @Schedule(hour = "*", minute = "*/1", persistent = false)
    public void redriveStuck() {
        redrive(STUCK);
    }

    /** @return the invoices queued again */
    public List<Long> redrive(Duration waitingLongerThan) {
        List<Long> stuck = publisher.waitingForConsumer(waitingLongerThan);
        stuck.forEach(publisher::redrive);
        if (!stuck.isEmpty()) {
            LOG.warning(() -> stuck.size() + " published invoices waited longer than " + waitingLongerThan.toSeconds()
                    + " s for their consumer; queued again");
        }
        return stuck;
    }
}
