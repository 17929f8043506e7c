package org.quittance.reminders.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a firm reminds a client of an open invoice: some days before it is due, on the due date, then
 * every so many days while it is overdue, at most so many times. Each stage has a key that is sent at
 * most once per invoice. A run sends only the newest stage reached (a run missed for a few days sends
 * one reminder, not each one it missed), and never a stage that fell on or before the day the invoice
 * was published: the client was just told of it.
 *
 * @param daysBefore days before the due date for the first reminder (1–60), or null for none
 * @param onDueDate  a reminder on the due date
 * @param everyDays  days between reminders while overdue (1–90), or null for none
 * @param maxOverdue how many reminders while overdue at most (0–24)
 */
public record ReminderSchedule(Integer daysBefore, boolean onDueDate, Integer everyDays, int maxOverdue) {

    public enum Kind { BEFORE, DUE, OVERDUE }

    /** @param key what the invoice's reminder is kept under: BEFORE, DUE, OVERDUE-1, OVERDUE-2, ... */
    public record Stage(String key, Kind kind, int number, LocalDate on) {
    }

    public ReminderSchedule {
        if (daysBefore != null && (daysBefore < 1 || daysBefore > 60)) {
            throw new IllegalArgumentException("Remind between 1 and 60 days before the due date");
        }
        if (everyDays != null && (everyDays < 1 || everyDays > 90)) {
            throw new IllegalArgumentException("Remind every 1 to 90 days while overdue");
        }
        if (maxOverdue < 0 || maxOverdue > 24) {
            throw new IllegalArgumentException("Send between 0 and 24 reminders while overdue");
        }
    }

    /** Every stage of an invoice due on that date, in order. */
    public List<Stage> stages(LocalDate dueDate) {
        List<Stage> stages = new ArrayList<>();
        if (daysBefore != null) {
            stages.add(new Stage("BEFORE", Kind.BEFORE, 0, dueDate.minusDays(daysBefore)));
        }
        if (onDueDate) {
            stages.add(new Stage("DUE", Kind.DUE, 0, dueDate));
        }
        if (everyDays != null) {
            for (int n = 1; n <= maxOverdue; n++) {
                stages.add(new Stage("OVERDUE-" + n, Kind.OVERDUE, n, dueDate.plusDays((long) everyDays * n)));
            }
        }
        return stages;
    }

    /** The reminder to send today, if any: the newest stage reached, unless it was sent or came before publication. */
    public Optional<Stage> due(LocalDate today, LocalDate dueDate, LocalDate publishedOn, Set<String> sent) {
        Stage newest = null;
        for (Stage stage : stages(dueDate)) {
            if (!stage.on().isAfter(today)) {
                newest = stage;
            }
        }
        if (newest == null || sent.contains(newest.key()) || !newest.on().isAfter(publishedOn)) {
            return Optional.empty();
        }
        return Optional.of(newest);
    }

    /** The earliest due date that may have a stage reached by today: what a run asks the database for. */
    public LocalDate latestDueDateToLookAt(LocalDate today) {
        return daysBefore != null ? today.plusDays(daysBefore) : today;
    }
}
