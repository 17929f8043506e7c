package org.quittance.web.staff;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.quittance.messaging.boundary.DeadLetters;
import org.quittance.messaging.control.Queue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Operations > Dead letters: messages that failed every attempt, with the reason, and Replay. */
@Named
@ViewScoped
public class DeadLettersView implements Serializable {

    @EJB
    transient DeadLetters deadLetters;

    private List<DeadLetters.Entry> entries;

    @PostConstruct
    void load() {
        entries = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            entries.addAll(deadLetters.list(queue, 500));
        }
    }

    public void replay(DeadLetters.Entry entry) {
        Feedback.run(() -> deadLetters.replay(entry.queue(), entry.key()),
                "Replayed " + entry.key() + ": it is back on " + entry.queue().queueName() + ".");
        load();
    }

    public List<DeadLetters.Entry> getEntries() {
        return entries;
    }
}
