package vn.smartprovince.dossiers.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.forms.FormFixtures;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.testkit.MutableClock;

/** The scheduler on a fake store: what it flags, whom it reminds, and that a rerun does neither twice. */
class LatenessScanTest {
    /** Wednesday 9 December 2026, 07:00 in Vietnam: today the 9th, the next working day the 10th. */
    static final Instant NOW = Instant.parse("2026-12-09T00:00:00Z");

    MapDossierStore store;
    Set<String> outbox;
    List<NotificationJob> sent;
    LatenessScan scan;

    @BeforeEach
    void setUp() {
        store = new MapDossierStore();
        outbox = new HashSet<>();
        sent = new ArrayList<>();
        LatenessScan.Reminders reminders = job -> {
            if (!outbox.add(job.jobId())) {
                return false;
            }
            sent.add(job);
            return true;
        };
        scan = new LatenessScan(store, FormFixtures::config, (agency, limit) -> List.of("officer-1", "officer-2"),
                reminders, new MutableClock(NOW));
        put("late", DossierStatus.PROCESSING, "2026-12-08", false, false);
        put("flagged", DossierStatus.PROCESSING, "2026-12-07", true, false);
        put("today", DossierStatus.RECEIVED, "2026-12-09", false, false);
        put("tomorrow", DossierStatus.FEES_REQUESTED, "2026-12-10", false, false);
        put("later", DossierStatus.PROCESSING, "2026-12-11", false, false);
        put("paused", DossierStatus.SUPPLEMENT_REQUESTED, "2026-12-08", false, true);
    }

    void put(String id, DossierStatus status, String due, boolean overdue, boolean paused) {
        Dossier d = FormFixtures.dossier().toBuilder().id(id).code("000.00.31.H56-261201-" + id).status(status)
                .agencyId(FormFixtures.WARD).version(3).dueDate(LocalDate.parse(due)).overdue(overdue)
                .pausedAt(paused ? Instant.parse("2026-12-05T02:00:00Z") : null).build();
        store.put(d, List.of());
    }

    @Test
    void flagsTheOverdueOnceAndRemindsOfficersOfWhatIsDueWithinAWorkingDay() {
        LatenessScan.Counts first = scan.run();
        assertEquals(1, first.agencies(), "only agencies competent for a procedure");
        assertEquals(4, first.queries(), "one query per clock status, none of them a scan");
        assertTrue(store.queueQueries.stream().allMatch(q -> q.endsWith("#2026-12-11")), store.queueQueries.toString());
        assertEquals(1, first.overdueFlagged());
        assertEquals(1, first.alreadyFlagged());
        assertEquals(1, first.paused(), "a paused clock is neither late nor due");
        assertEquals(4, first.remindersSent(), "2 dossiers x 2 officers");

        Dossier late = store.dossiers.get("late");
        assertTrue(late.overdue());
        assertEquals(4, late.version());
        TimelineEntry entry = store.timelines.get("late").get(0);
        assertEquals(DossierAction.FLAG_OVERDUE, entry.action());
        assertEquals("system", entry.actorId());
        assertEquals(ActorRole.SYSTEM, entry.role());
        assertEquals(DossierStatus.PROCESSING, entry.toStatus());
        assertTrue(store.counters.stream().anyMatch(c -> c.field().equals("overdueFlagged") && c.amount() == 1
                && c.period().equals("TOTAL") && c.partitionKey().endsWith(FormFixtures.WARD)));
        assertFalse(store.dossiers.get("paused").overdue());
        assertFalse(store.dossiers.get("later").overdue());

        NotificationJob job = sent.stream().filter(j -> j.recipientId().equals("officer-2")
                && j.parameters().get("dossier_code").endsWith("-today")).findFirst().orElseThrow();
        assertEquals("DOSSIER_DUE_SOON", job.templateKey());
        assertEquals("09/12/2026", job.parameters().get("due_date"));
        assertEquals(Set.of("dossier_code", "due_date"), job.parameters().keySet());
        assertEquals("today#due2026-12-09#DUE_SOON#officer-2", job.deduplicationKey());

        LatenessScan.Counts rerun = scan.run();
        assertEquals(0, rerun.overdueFlagged());
        assertEquals(2, rerun.alreadyFlagged());
        assertEquals(0, rerun.remindersSent());
        assertEquals(4, rerun.remindersAlreadySent());
        assertEquals(4, sent.size(), "nothing sent twice");
        assertEquals(1, store.timelines.get("late").size(), "flagged once");
    }

    @Test
    void aDueDateMovedIsANewReminder() {
        scan.run();
        put("today", DossierStatus.RECEIVED, "2026-12-10", false, false);
        LatenessScan.Counts again = scan.run();
        assertEquals(2, again.remindersSent());
    }

    @Test
    void theHandlerLogsAndAnswersItsCounts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LatenessHandler(scan).handleRequest(new ByteArrayInputStream(
                "{\"id\":\"evt-9\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\"}"
                        .getBytes(StandardCharsets.UTF_8)), out, null);
        var counts = Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, counts.path("overdueFlagged").asInt());
        assertEquals(4, counts.path("remindersSent").asInt());
    }
}
