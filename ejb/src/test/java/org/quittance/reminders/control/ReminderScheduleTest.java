package org.quittance.reminders.control;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 3 days before, on the due date, then every 14 days while overdue, at most 3 times. */
class ReminderScheduleTest {

    private static final ReminderSchedule SCHEDULE = new ReminderSchedule(3, true, 14, 3);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 20);
    private static final LocalDate PUBLISHED = LocalDate.of(2026, 11, 20);

    private static Optional<String> due(String today, String... sent) {
        return SCHEDULE.due(LocalDate.parse(today), DUE, PUBLISHED, Set.of(sent)).map(ReminderSchedule.Stage::key);
    }

    @Test
    void theStagesFallOnTheirDays() {
        assertEquals("[BEFORE 2026-12-17, DUE 2026-12-20, OVERDUE-1 2027-01-03, OVERDUE-2 2027-01-17, OVERDUE-3 2027-01-31]",
                SCHEDULE.stages(DUE).stream().map(s -> s.key() + " " + s.on()).toList().toString());
    }

    @Test
    void eachStageIsSentOnceOnItsDay() {
        assertEquals(Optional.empty(), due("2026-12-16"));
        assertEquals(Optional.of("BEFORE"), due("2026-12-17"));
        assertEquals(Optional.empty(), due("2026-12-18", "BEFORE"), "sent already");
        assertEquals(Optional.of("DUE"), due("2026-12-20", "BEFORE"));
        assertEquals(Optional.empty(), due("2027-01-02", "BEFORE", "DUE"));
        assertEquals(Optional.of("OVERDUE-1"), due("2027-01-03", "BEFORE", "DUE"));
        assertEquals(Optional.of("OVERDUE-3"), due("2027-01-31", "BEFORE", "DUE", "OVERDUE-1", "OVERDUE-2"));
    }

    @Test
    void afterTheLastOverdueReminderNothingMoreIsSent() {
        assertEquals(Optional.empty(), due("2027-06-30", "BEFORE", "DUE", "OVERDUE-1", "OVERDUE-2", "OVERDUE-3"));
    }

    @Test
    void runsMissedForDaysSendTheNewestStageOnly() {
        assertEquals(Optional.of("OVERDUE-1"), due("2027-01-10"), "not BEFORE, DUE and OVERDUE-1 at once");
        assertEquals(Optional.empty(), due("2027-01-12", "OVERDUE-1"));
    }

    @Test
    void aStageOnOrBeforeTheDayOfPublicationIsNotSent() {
        // Published two days before it is due: the client was just told; the first reminder is on the due date.
        LocalDate published = LocalDate.of(2026, 12, 18);
        assertEquals(Optional.empty(), SCHEDULE.due(LocalDate.of(2026, 12, 18), DUE, published, Set.of()));
        assertEquals(Optional.of("DUE"), SCHEDULE.due(LocalDate.of(2026, 12, 20), DUE, published, Set.of()).map(ReminderSchedule.Stage::key));
    }

    @Test
    void aScheduleWithoutOverdueRemindersStopsAtTheDueDate() {
        ReminderSchedule once = new ReminderSchedule(null, true, null, 0);
        assertEquals(1, once.stages(DUE).size());
        assertTrue(once.due(LocalDate.of(2027, 3, 1), DUE, PUBLISHED, Set.of("DUE")).isEmpty());
    }

    @Test
    void aScheduleOutOfBoundsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReminderSchedule(0, true, 14, 3));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSchedule(3, true, 91, 3));
        assertThrows(IllegalArgumentException.class, () -> new ReminderSchedule(3, true, 14, 25));
    }
}
