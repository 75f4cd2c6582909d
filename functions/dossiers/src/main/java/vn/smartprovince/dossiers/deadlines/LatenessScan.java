package vn.smartprovince.dossiers.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Deadlines;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.Notices;
import vn.smartprovince.dossiers.core.Officers;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;

/**
 * One run of the lateness scheduler. For each agency competent for some procedure and each status
 * in which the legal clock runs, it reads the agency's queue (GSI2, oldest due date first) up to the
 * day after the next working day ({@code gsi2sk < D}: a Query, never a Scan), and:
 * <ul>
 *   <li>flags each dossier past its due date and not yet flagged: a {@code FLAG_OVERDUE} change
 *   (overdue = true, a timeline entry by {@code system}, counter {@code overdueFlagged}), once: a
 *   flagged dossier is skipped, and a concurrent change (version conflict) leaves it to the next run;</li>
 *   <li>reminds each officer of the agency of each dossier due today or on the next working day
 *   ({@code DOSSIER_DUE_SOON}, {@link Notices#dueSoon}); the job id is the deduplication key
 *   {@code <dossierId>#due<dueDate>#DUE_SOON#<officer>}, written once, so a rerun (the noon run, a
 *   retry) sends nothing twice, while a due date moved by a pause or an extension is a new fact.</li>
 * </ul>
 * A dossier whose clock is paused (a supplement awaited after receipt) is neither: its due date
 * moves when the applicant answers.
 */
public final class LatenessScan {
    /** The statuses in which a received dossier's clock is counted. */
    public static final List<DossierStatus> CLOCK_STATUSES =
            DossierCounterKeys.CLOCK_STATUSES.stream().map(DossierStatus::valueOf).toList();
    public static final String SYSTEM_ACTOR = "system";
    static final int PAGE = 100;
    /** At most this many officers of one agency hear of one dossier (as for reports). */
    static final int MAX_OFFICERS = 50;

    /** Writes a notification job unless one with its id exists; false when it did (already sent). */
    @FunctionalInterface
    public interface Reminders {
        boolean sendOnce(NotificationJob job);
    }

    /** What one run did. */
    public record Counts(int agencies, int queries, int examined, int overdueFlagged, int alreadyFlagged,
                         int conflicts, int paused, int remindersSent, int remindersAlreadySent) {
        public Map<String, Object> fields() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("agencies", agencies);
            fields.put("queries", queries);
            fields.put("examined", examined);
            fields.put("overdueFlagged", overdueFlagged);
            fields.put("alreadyFlagged", alreadyFlagged);
            fields.put("conflicts", conflicts);
            fields.put("paused", paused);
            fields.put("remindersSent", remindersSent);
            fields.put("remindersAlreadySent", remindersAlreadySent);
            return fields;
        }
    }

    private final DossierStore store;
    private final Supplier<ProvinceConfig> config;
    private final Officers officers;
    private final Reminders reminders;
    private final Clock clock;

    public LatenessScan(DossierStore store, Supplier<ProvinceConfig> config, Officers officers, Reminders reminders,
                        Clock clock) {
        this.store = store;
        this.config = config;
        this.officers = officers;
        this.reminders = reminders;
        this.clock = clock;
    }

    public Counts run() {
        ProvinceConfig province = config.get();
        WorkingDays workingDays = WorkingDays.of(province);
        Instant now = clock.instant();
        LocalDate today = Deadlines.today(now);
        LocalDate nextWorkingDay = workingDays.addWorkingDays(today, 1);
        LocalDate before = nextWorkingDay.plusDays(1);
        Set<String> agencies = new LinkedHashSet<>();
        for (Procedure procedure : province.procedures()) {
            agencies.addAll(procedure.competence().agencyIds());
        }
        int queries = 0;
        int examined = 0;
        int flagged = 0;
        int alreadyFlagged = 0;
        int conflicts = 0;
        int paused = 0;
        int sent = 0;
        int alreadySent = 0;
        Map<String, List<String>> officersOf = new HashMap<>();
        for (String agencyId : agencies) {
            for (DossierStatus status : CLOCK_STATUSES) {
                String cursor = null;
                do {
                    DossierStore.Page page = store.queue(agencyId, status, before, cursor, PAGE);
                    queries++;
                    cursor = page.nextCursor();
                    for (Dossier dossier : page.dossiers()) {
                        examined++;
                        if (dossier.dueDate() == null || dossier.receivedAt() == null) {
                            continue;
                        }
                        if (dossier.paused()) {
                            paused++;
                            continue;
                        }
                        if (dossier.dueDate().isBefore(today)) {
                            if (dossier.overdue()) {
                                alreadyFlagged++;
                            } else if (flag(dossier, now)) {
                                flagged++;
                            } else {
                                conflicts++;
                            }
                        } else if (!dossier.dueDate().isAfter(nextWorkingDay)) {
                            List<String> recipients = officersOf.computeIfAbsent(agencyId,
                                    id -> officers.of(id, MAX_OFFICERS));
                            for (String officer : recipients) {
                                if (reminders.sendOnce(Notices.dueSoon(dossier, officer, now))) {
                                    sent++;
                                } else {
                                    alreadySent++;
                                }
                            }
                        }
                    }
                } while (cursor != null);
            }
        }
        return new Counts(agencies.size(), queries, examined, flagged, alreadyFlagged, conflicts, paused, sent,
                alreadySent);
    }

    /** The FLAG_OVERDUE change; false when the dossier changed meanwhile (the next run sees it again). */
    private boolean flag(Dossier dossier, Instant now) {
        Dossier after = dossier.toBuilder().next(now).overdue(true).build();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dueDate", dossier.dueDate().toString());
        TimelineEntry entry = new TimelineEntry(dossier.id(), after.version(), now, SYSTEM_ACTOR, ActorRole.SYSTEM,
                DossierAction.FLAG_OVERDUE, dossier.status(), dossier.status(), dossier.agencyId(), dossier.agencyId(),
                null, null, null, details);
        DossierStore.UpdateResult result = store.update(new DossierStore.Change(dossier, after, entry, List.of(),
                DossierCounters.add(dossier, now, DossierCounterKeys.OVERDUE_FLAGGED, 1), null));
        return result instanceof DossierStore.Updated;
    }
}
