package vn.smartprovince.dossiers.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.officer.OfficerFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAccess;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierViews;
import vn.smartprovince.dossiers.core.ParkedDeskUpdates;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.dossiers.officer.DeskUpdates.Outcome;
import vn.smartprovince.testkit.MutableClock;

/** Desk updates of the one-stop system: once, in order per dossier, and the conflict rule. */
class DeskUpdatesTest {
    static final String ID = "dabc";
    FakeDossierStore store;
    MemoryParked parked;
    MutableClock clock;
    OfficerActions actions;
    DeskUpdates updates;

    /** Parked updates in memory. */
    static final class MemoryParked implements ParkedDeskUpdates {
        final Map<String, String> items = new ConcurrentHashMap<>();

        @Override
        public void park(String dossierId, int k, String rawBody, Instant receivedAt) {
            items.put(dossierId + "#" + k, rawBody);
        }

        @Override
        public Optional<String> parked(String dossierId, int k) {
            return Optional.ofNullable(items.get(dossierId + "#" + k));
        }

        @Override
        public void remove(String dossierId, int k) {
            items.remove(dossierId + "#" + k);
        }
    }

    @BeforeEach
    void setUp() {
        store = new FakeDossierStore();
        parked = new MemoryParked();
        clock = new MutableClock(TUESDAY);
        actions = new OfficerActions(store, () -> CONFIG, null, clock);
        updates = new DeskUpdates(store, parked, actions, Map::of, clock);
        store.dossiers.put(ID, registered(ID, TUESDAY.minus(Duration.ofDays(1))));
    }

    static String update(String id, int k, int status, String extra) {
        return "{\"MaCapNhat\": \"MC-" + id + "-" + k + "\", \"IdHoSoNguon\": \"" + id + "\", \"SoThuTuCapNhat\": " + k
                + ", \"SoThuTu\": 1, \"TrangThaiHoSo\": " + status + ", \"ThoiGian\": \"20261201090000\","
                + " \"CanBoXuLy\": \"Lê Thị Một Cửa\"" + extra + "}";
    }

    static String update(int k, int status) {
        return update(ID, k, status, "");
    }

    Dossier dossier() {
        return store.dossiers.get(ID);
    }

    List<TimelineEntry> timeline() {
        return store.timelines.getOrDefault(ID, List.of());
    }

    @Test
    void inOrderTheyApplyAsOfficerActionsOfTheOneStop() {
        assertEquals(Outcome.APPLIED, updates.process(update(1, 2)).outcome());
        assertEquals(Outcome.APPLIED, updates.process(update(2, 4)).outcome());
        Dossier d = dossier();
        assertEquals(DossierStatus.PROCESSING, d.status());
        assertEquals(2, d.deskSequence());
        assertTrue(d.code().startsWith(COMMUNE_UNIT + "-"), "a receipt gives the code as the mini app's does");
        TimelineEntry received = timeline().get(0);
        assertEquals(DossierAction.RECEIVE, received.action());
        assertEquals(ActorRole.ONE_STOP, received.role());
        assertEquals("one-stop:Lê Thị Một Cửa", received.actorId());
        assertEquals("1", received.details().get("deskSequence"));
        assertEquals("1", received.details().get("knownSequence"));
        assertTrue(store.jobs.containsKey(ID + "#v2#RECEIVED"), "the applicant is told, as for the mini app: " + store.jobs.keySet());
        assertEquals(1, store.counter("STATS#DOSSIER_AGENCY#" + COMMUNE, "TOTAL", "received"));
    }

    @Test
    void aDuplicateChangesNothing() {
        updates.process(update(1, 2));
        int version = dossier().version();
        assertEquals(Outcome.DUPLICATE, updates.process(update(1, 2)).outcome());
        assertEquals(version, dossier().version());
        assertEquals(1, timeline().size());
    }

    @Test
    void anEarlyUpdateWaitsForTheGapThenApplies() {
        assertEquals(Outcome.PARKED, updates.process(update(3, 9)).outcome());
        assertEquals(Outcome.PARKED, updates.process(update(2, 4)).outcome());
        assertEquals(DossierStatus.REGISTERED, dossier().status(), "nothing applied out of order");
        assertEquals(2, parked.items.size());
        assertEquals(Outcome.APPLIED, updates.process(update(1, 2)).outcome());
        assertEquals(DossierStatus.FINISHED, dossier().status(), "1, then the parked 2 and 3");
        assertEquals(3, dossier().deskSequence());
        assertEquals(List.of(DossierAction.RECEIVE, DossierAction.START, DossierAction.FINISH),
                timeline().stream().map(TimelineEntry::action).toList());
        assertTrue(parked.items.isEmpty(), "parked items are deleted once applied");
        assertTrue(store.jobs.containsKey(ID + "#v4#RESULT_READY"), store.jobs.keySet().toString());
    }

    @Test
    void concurrentDeliveriesInAnyOrderApplyOnceInOrder() throws Exception {
        List<String> bodies = new ArrayList<>(List.of(update(1, 2), update(2, 4), update(3, 6).replace("}",
                ", \"SoTien\": 50000}"), update(4, 4), update(5, 9)));
        bodies.addAll(List.of(bodies.get(1), bodies.get(3)));     // two duplicates
        Collections.shuffle(bodies, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String body : bodies) {
                futures.add(pool.submit(() -> updates.process(body)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(5, dossier().deskSequence());
        assertEquals(DossierStatus.FINISHED, dossier().status());
        assertEquals(List.of(DossierAction.RECEIVE, DossierAction.START, DossierAction.REQUEST_FEES, DossierAction.START,
                DossierAction.FINISH), timeline().stream().map(TimelineEntry::action).toList());
        assertTrue(parked.items.isEmpty(), parked.items.keySet().toString());
    }

    @Test
    void theMiniAppsStateDecides() {
        // The commune received it in the mini app; the desk, not yet knowing, receives it too.
        actions.receive(officer(OFFICER, COMMUNE), ID, OfficerActionsTest.version(1));
        String code = dossier().code();
        assertEquals(Outcome.REFUSED, updates.process(update(1, 2)).outcome());
        Dossier d = dossier();
        assertEquals(DossierStatus.RECEIVED, d.status(), "unchanged");
        assertEquals(code, d.code(), "no second code");
        assertEquals(1, d.deskSequence(), "advanced: later updates are not blocked");
        TimelineEntry refused = timeline().get(timeline().size() - 1);
        assertEquals(DossierAction.DESK_UPDATE_REFUSED, refused.action());
        assertEquals(ActorRole.ONE_STOP, refused.role());
        assertEquals(DossierStatus.RECEIVED, refused.toStatus());
        assertEquals("TRANSITION_NOT_ALLOWED", refused.details().get("reason"));
        assertEquals("2", refused.details().get("requestedStatus"));
        assertNull(refused.publicComment());
        assertFalse(store.jobs.keySet().stream().anyMatch(k -> k.startsWith(ID + "#v3")), "nobody is notified");

        // Its next update is allowed from the current status: applied, whatever it believed.
        assertEquals(Outcome.APPLIED, updates.process(update(2, 4)).outcome());
        assertEquals(DossierStatus.PROCESSING, dossier().status());

        // The applicant does not see the refusal; the officers do.
        var applicantView = DossierViews.detail(dossier(), timeline(), CONFIG, DossierAccess.APPLICANT);
        assertFalse(applicantView.path("timeline").toString().contains("DESK_UPDATE_REFUSED"));
        var officerView = DossierViews.detail(dossier(), timeline(), CONFIG, DossierAccess.CURRENT_AGENCY);
        assertTrue(officerView.path("timeline").toString().contains("DESK_UPDATE_REFUSED"));
    }

    @Test
    void aStepsOwnRuleRefusesToo() {
        updates.process(update(1, 2));
        updates.process(update(2, 4));
        // Returning online needs a result file the desk cannot send: refused, not lost, not blocking.
        updates.process(update(3, 9));
        assertEquals(Outcome.REFUSED, updates.process(update(ID, 4, 10, ", \"HinhThucTra\": \"ONLINE\"")).outcome());
        assertEquals(DossierStatus.FINISHED, dossier().status());
        assertEquals(Outcome.APPLIED, updates.process(update(ID, 5, 10, ", \"HinhThucTra\": \"DESK\"")).outcome());
        assertEquals(DossierStatus.RETURNED, dossier().status());
    }

    @Test
    void unreadableOrUnknownIsADeadLetterWithItsReason() {
        assertEquals(new DeskUpdates.Result(Outcome.DEAD_LETTER, "MISSING_FIELD deskSequence", null),
                updates.process(update(1, 2).replace("\"SoThuTuCapNhat\": 1,", "")));
        DeskUpdates.Result unknown = updates.process(update("nobody", 1, 2, ""));
        assertEquals(Outcome.DEAD_LETTER, unknown.outcome());
        assertEquals("UNKNOWN_DOSSIER dossierId", unknown.reason());
        assertEquals(Outcome.APPLIED, updates.process(update(1, 2)).outcome(), "the next one still applies");
    }
}
