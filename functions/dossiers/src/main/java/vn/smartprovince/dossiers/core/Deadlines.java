package vn.smartprovince.dossiers.core;

import java.time.Instant;
import java.time.LocalDate;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * The legal clock of a dossier, in working days (Vietnam time, the province's holiday calendar):
 * it starts at the valid receipt, pauses while a supplement is awaited after receipt, and resumes
 * when the applicant answers, moving the due date by the working days it was paused.
 */
public final class Deadlines {
    private final WorkingDays workingDays;

    public Deadlines(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The due date of a dossier received at {@code receivedAt} with this procedure time limit. */
    public LocalDate dueDate(Instant receivedAt, int processingWorkingDays) {
        return workingDays.deadline(receivedAt, processingWorkingDays);
    }

    /**
     * Working days a pause from {@code pausedAt} to {@code resumedAt} took off the clock: the working
     * days after the pause's day up to and including the resume's day (a pause within one day costs 0).
     */
    public int pausedWorkingDays(Instant pausedAt, Instant resumedAt) {
        LocalDate from = pausedAt.atZone(WorkingDays.ZONE).toLocalDate();
        LocalDate to = resumedAt.atZone(WorkingDays.ZONE).toLocalDate();
        return Math.max(0, workingDays.workingDaysBetween(from, to));
    }

    /** The due date moved later by {@code days} working days (a pause's length). */
    public LocalDate shift(LocalDate dueDate, int days) {
        return days == 0 ? dueDate : workingDays.addWorkingDays(dueDate, days);
    }

    /** Whether something done at {@code at} is on time against {@code dueDate} (the due day itself counts). */
    public static boolean onTime(LocalDate dueDate, Instant at) {
        return dueDate == null || !at.atZone(WorkingDays.ZONE).toLocalDate().isAfter(dueDate);
    }

    /** Working days from the receipt's day to {@code at}'s day, minus the paused ones. */
    public int workingDaysTaken(Instant receivedAt, Instant at, int pausedWorkingDays) {
        LocalDate from = receivedAt.atZone(WorkingDays.ZONE).toLocalDate();
        LocalDate to = at.atZone(WorkingDays.ZONE).toLocalDate();
        return Math.max(0, workingDays.workingDaysBetween(from, to) - pausedWorkingDays);
    }

    /** Today, in Vietnam. */
    public static LocalDate today(Instant now) {
        return now.atZone(WorkingDays.ZONE).toLocalDate();
    }

    public WorkingDays workingDays() {
        return workingDays;
    }
}
