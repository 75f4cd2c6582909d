package vn.smartprovince.dossiers.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.officer.OfficerActionsTest.body;
import static vn.smartprovince.dossiers.officer.OfficerActionsTest.refused;
import static vn.smartprovince.dossiers.officer.OfficerActionsTest.version;
import static vn.smartprovince.dossiers.officer.OfficerFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.Notices;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.testkit.MutableClock;

/** The agency queue and the internal notes on the store port in memory. */
class QueueAndNotesTest {
    FakeDossierStore store;
    MutableClock clock;
    OfficerActions actions;
    AgencyQueue queue;
    DossierNotes notes;
    Caller officer = officer(OFFICER, COMMUNE);

    @BeforeEach
    void setUp() {
        store = new FakeDossierStore();
        clock = new MutableClock(TUESDAY);
        actions = new OfficerActions(store, () -> CONFIG, null, clock);
        queue = new AgencyQueue(store, () -> CONFIG, clock);
        notes = new DossierNotes(store, clock);
    }

    Map<String, String> query(String... pairs) {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    List<String> ids(AgencyQueue.Page page) {
        return page.items().stream().map(OfficerViews.QueueItem::id).toList();
    }

    @Test
    void newDossiersWaitOldestFirstAndTheCursorContinues() {
        for (int i = 0; i < 5; i++) {
            String id = "d" + i;
            store.dossiers.put(id, registered(id, TUESDAY.minus(Duration.ofHours(10 - i))));
        }
        store.dossiers.put("dr", registered("dr", TUESDAY.minus(Duration.ofHours(20)), OTHER_PROCEDURE));
        AgencyQueue.Page first = queue.list(officer, COMMUNE, query(), 3);
        assertEquals(List.of("dr", "d0", "d1"), ids(first));
        assertNotNull(first.nextCursor());
        AgencyQueue.Page second = queue.list(officer, COMMUNE, query("cursor", first.nextCursor()), 3);
        assertEquals(List.of("d2", "d3", "d4"), ids(second));
        assertNull(second.nextCursor());
        OfficerViews.QueueItem item = first.items().get(1);
        assertEquals("Nguyễn Văn An", item.applicantName());
        assertEquals(PROCEDURE_NAME, item.procedureName());
        assertEquals("REGISTERED", item.status().key());
        assertFalse(item.overdue());

        assertEquals(List.of("dr"), ids(queue.list(officer, COMMUNE, query("procedureCode", OTHER_PROCEDURE), 10)));
        refused(400, "INVALID_CURSOR", () -> queue.list(officer, COMMUNE, query("cursor", "bm9wZQ"), 3));
        // a cursor of another filter is refused too
        refused(400, "INVALID_CURSOR", () -> queue.list(officer, COMMUNE,
                query("cursor", first.nextCursor(), "procedureCode", PROCEDURE), 3));
    }

    @Test
    void dueSoonAndOverdueAreByTheDueDateOldestFirst() {
        store.dossiers.put("late", registered("late", TUESDAY.minus(Duration.ofDays(14))));
        store.dossiers.put("soon", registered("soon", TUESDAY.minus(Duration.ofDays(7))));
        store.dossiers.put("later", registered("later", TUESDAY));
        clock.set(TUESDAY.minus(Duration.ofDays(14)));
        actions.receive(officer, "late", version(1));   // Tue 17 Nov: due Fri 20 Nov
        clock.set(TUESDAY.minus(Duration.ofDays(7)));
        actions.receive(officer, "soon", version(1));   // Tue 24 Nov: due Fri 27 Nov
        clock.set(TUESDAY);
        actions.receive(officer, "later", version(1));  // due Mon 7 Dec
        clock.set(Instant.parse("2026-11-26T03:00:00Z")); // Thursday 26 November
        assertEquals(List.of("late", "soon", "later"), ids(queue.list(officer, COMMUNE, query("status", "RECEIVED"), 10)));
        AgencyQueue.Page overdue = queue.list(officer, COMMUNE, query("status", "2", "due", "overdue"), 10);
        assertEquals(List.of("late"), ids(overdue));
        assertTrue(overdue.items().get(0).overdue());
        assertEquals(List.of("late", "soon"), ids(queue.list(officer, COMMUNE, query("status", "RECEIVED", "due", "soon"), 10)));
        refused(400, "NOT_APPLICABLE", () -> queue.list(officer, COMMUNE, query("due", "soon"), 10));
        refused(400, "INVALID_VALUE", () -> queue.list(officer, COMMUNE, query("due", "tomorrow", "status", "RECEIVED"), 10));
        refused(400, "INVALID_VALUE", () -> queue.list(officer, COMMUNE, query("status", "RETURNED"), 10));
        refused(400, "UNKNOWN_PROCEDURE", () -> queue.list(officer, COMMUNE, query("procedureCode", "1.2.3"), 10));
    }

    @Test
    void onlyTheAgencysOfficersAndAdminsReadItsQueue() {
        refused(403, "NOT_AN_OFFICER_OF_AGENCY", () -> queue.list(officer(FOREIGN_OFFICER, "so-xay-dung"), COMMUNE, query(), 10));
        refused(403, "NOT_AN_OFFICER_OF_AGENCY", () -> queue.list(citizen(CITIZEN), COMMUNE, query(), 10));
        assertTrue(queue.list(admin(), COMMUNE, query(), 10).items().isEmpty());
        refused(404, null, () -> queue.list(admin(), "khong-co", query(), 10));
    }

    @Test
    void aTransferredDossierLeavesTheOldQueueForTheNewOne() {
        store.dossiers.put("d1", registered("d1", TUESDAY));
        actions.receive(officer, "d1", version(1));
        actions.transfer(officer, "d1", body(Map.of("expectedVersion", 2, "toAgencyId", DEPARTMENT)));
        assertTrue(queue.list(officer, COMMUNE, query("status", "PROCESSING"), 10).items().isEmpty());
        assertEquals(List.of("d1"), ids(queue.list(officer(DEPARTMENT_OFFICER, DEPARTMENT), DEPARTMENT,
                query("status", "PROCESSING"), 10)));
    }

    @Test
    void notesAreForOfficersOfTheChainAndNeverTheApplicant() {
        store.dossiers.put("d1", registered("d1", TUESDAY));
        refused(404, null, () -> notes.add(citizen(STRANGER), "d1", body("{\"text\": 1}")));
        refused(403, "ACTION_NOT_PERMITTED", () -> notes.list(citizen(CITIZEN), "d1"));
        refused(404, null, () -> notes.list(officer(DEPARTMENT_OFFICER, DEPARTMENT), "d1"));
        refused(400, "REQUIRED", () -> notes.add(officer, "d1", body("{}")));
        refused(400, "TOO_LONG", () -> notes.add(officer, "d1", body(Map.of("text", "x".repeat(2001)))));
        OfficerViews.Note note = notes.add(officer, "d1", body(Map.of("text", "Gọi điện xác minh nơi sinh")));
        assertEquals(OFFICER, note.authorId());
        assertEquals(COMMUNE, note.agencyId());
        actions.receive(officer, "d1", version(1));
        actions.transfer(officer, "d1", body(Map.of("expectedVersion", 2, "toAgencyId", DEPARTMENT)));
        notes.add(officer(DEPARTMENT_OFFICER, DEPARTMENT), "d1", body(Map.of("text", "Đã nhận từ phường")));
        // the earlier agency still reads and writes them
        assertEquals(List.of("Gọi điện xác minh nơi sinh", "Đã nhận từ phường"),
                notes.list(officer, "d1").stream().map(OfficerViews.Note::text).toList());
        assertEquals(2, notes.list(admin(), "d1").size());
        assertTrue(store.jobs.values().stream().noneMatch(job -> job.parameters().containsValue("Đã nhận từ phường")));
    }

    @Test
    void amountsAndDatesReadAsVietnameseWriteThem() {
        assertEquals("75.000 đ", Notices.amount(75_000));
        assertEquals("500 đ", Notices.amount(500));
        assertEquals("1.250.000 đ", Notices.amount(1_250_000));
        assertEquals("07/12/2026", Notices.date(java.time.LocalDate.parse("2026-12-07")));
    }
}
