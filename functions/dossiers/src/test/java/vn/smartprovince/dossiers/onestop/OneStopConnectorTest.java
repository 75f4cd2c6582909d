package vn.smartprovince.dossiers.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.Fixtures;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.core.OneStopCursors;
import vn.smartprovince.dossiers.core.OneStopGateway;
import vn.smartprovince.dossiers.core.RemoteDossier;
import vn.smartprovince.dossiers.core.SyncEvent;
import vn.smartprovince.dossiers.core.TimelineEntry;

/** Catch-up by cursor: once, in order, whatever order and how often the messages come. */
class OneStopConnectorTest {
    static final Instant AT = Fixtures.NOW;

    final MapDossierStore store = new MapDossierStore();
    final MapCursors cursors = new MapCursors();
    final ScriptedGateway gateway = new ScriptedGateway();
    final List<Long> pauses = new ArrayList<>();
    OneStopConnector connector;

    /** Cursors over the map store's timelines. */
    final class MapCursors implements OneStopCursors {
        final Map<String, Integer> sent = new HashMap<>();
        Runnable beforeAdvance = () -> { };

        @Override
        public int sent(String dossierId) {
            return sent.getOrDefault(dossierId, 0);
        }

        @Override
        public boolean advance(String dossierId, int previous, int next) {
            beforeAdvance.run();
            if (sent(dossierId) != previous) {
                return false;
            }
            sent.put(dossierId, next);
            return true;
        }

        @Override
        public List<TimelineEntry> timelineFrom(String dossierId, int fromVersion) {
            return store.timeline(dossierId).stream().filter(e -> e.version() >= fromVersion).toList();
        }
    }

    /** Answers from a script (then Accepted), records what it received. */
    static final class ScriptedGateway implements OneStopGateway {
        final Deque<Ack> script = new ArrayDeque<>();
        final List<String> received = new ArrayList<>();

        @Override
        public Ack send(SyncEvent event) {
            received.add(event.eventId());
            return script.isEmpty() ? new Accepted() : script.poll();
        }

        @Override
        public Optional<RemoteDossier> fetch(String dossierId) {
            return Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        connector = new OneStopConnector(store, cursors, Optional.of(gateway), () -> Fixtures.CONFIG, pauses::add);
        dossierWithEvents("d-1", 4);
    }

    void dossierWithEvents(String id, int versions) {
        List<TimelineEntry> timeline = new ArrayList<>();
        DossierStatus[] path = {DossierStatus.REGISTERED, DossierStatus.RECEIVED, DossierStatus.PROCESSING,
                DossierStatus.FINISHED, DossierStatus.RETURNED};
        for (int v = 1; v <= versions; v++) {
            timeline.add(new TimelineEntry(id, v, AT.plusSeconds(v), v == 1 ? Fixtures.CITIZEN : "officer-1",
                    v == 1 ? ActorRole.APPLICANT : ActorRole.OFFICER, v == 1 ? DossierAction.SUBMIT : DossierAction.START,
                    v == 1 ? null : path[v - 2], path[v - 1], "ubnd-tan-ninh", "ubnd-tan-ninh", null, null, null, Map.of()));
        }
        Dossier dossier = new Dossier.Builder().id(id).procedureCode(Fixtures.BIRTH).agencyId("ubnd-tan-ninh")
                .status(path[versions - 1]).version(versions)
                .applicant(new vn.smartprovince.dossiers.core.Applicant(Fixtures.CITIZEN, "Trần Thị B", "079123456789",
                        "84901234567", null, null, null))
                .submittedAt(AT.plusSeconds(1)).updatedAt(AT.plusSeconds(versions)).build();
        store.put(dossier, timeline);
    }

    @Test
    void theFirstMessageSendsEverythingNotYetAcknowledgedInOrder() {
        OneStopConnector.Outcome outcome = connector.deliver(new OutboundMessage("d-1", 2));
        assertEquals(new OneStopConnector.Delivered(4, 4), outcome);
        assertEquals(List.of("d-1:1", "d-1:2", "d-1:3", "d-1:4"), gateway.received);
        assertEquals(4, cursors.sent("d-1"));
    }

    @Test
    void duplicatesAndLateMessagesFindTheWorkDone() {
        connector.deliver(new OutboundMessage("d-1", 4));
        gateway.received.clear();
        assertInstanceOf(OneStopConnector.Duplicate.class, connector.deliver(new OutboundMessage("d-1", 4)));
        assertInstanceOf(OneStopConnector.Duplicate.class, connector.deliver(new OutboundMessage("d-1", 1)));
        assertTrue(gateway.received.isEmpty(), "nothing sent twice");
    }

    @Test
    void outOfOrderMessagesStillDeliverInOrder() {
        // Message 3 arrives before 1 and 2: the cursor is 0, so 1..4 go out, in order.
        connector.deliver(new OutboundMessage("d-1", 3));
        connector.deliver(new OutboundMessage("d-1", 1));
        connector.deliver(new OutboundMessage("d-1", 2));
        assertEquals(List.of("d-1:1", "d-1:2", "d-1:3", "d-1:4"), gateway.received);
    }

    @Test
    void aFailingGatewayLeavesTheCursorAndTheMessageFails() {
        cursors.sent.put("d-1", 1);
        for (int i = 0; i < 3; i++) {
            gateway.script.add(new OneStopGateway.Unavailable("HTTP_503"));
        }
        OneStopConnector.Outcome outcome = connector.deliver(new OutboundMessage("d-1", 4));
        assertEquals(new OneStopConnector.Failed("HTTP_503", 0), outcome);
        assertEquals(1, cursors.sent("d-1"), "the cursor stays");
        assertEquals(List.of("d-1:2", "d-1:2", "d-1:2"), gateway.received, "three attempts of the first missing event");
        assertEquals(List.of(200L, 400L), pauses);
        // SQS redelivers: now the one-stop is back, and the catch-up resumes from the cursor.
        gateway.received.clear();
        assertEquals(new OneStopConnector.Delivered(3, 4), connector.deliver(new OutboundMessage("d-1", 4)));
        assertEquals(List.of("d-1:2", "d-1:3", "d-1:4"), gateway.received);
    }

    @Test
    void aTransientFailureIsRetriedWithinTheMessage() {
        gateway.script.add(new OneStopGateway.Unavailable("TIMEOUT"));
        assertEquals(new OneStopConnector.Delivered(4, 4), connector.deliver(new OutboundMessage("d-1", 1)));
        assertEquals(List.of(200L), pauses);
    }

    @Test
    void aRefusedPayloadFailsTheMessageAtOnceAndKeepsTheCursor() {
        gateway.script.add(new OneStopGateway.Accepted());
        gateway.script.add(new OneStopGateway.Refused(422, "INVALID_PROCEDURE"));
        OneStopConnector.Outcome outcome = connector.deliver(new OutboundMessage("d-1", 4));
        assertEquals(new OneStopConnector.Refused(2, 422, "INVALID_PROCEDURE", 1), outcome);
        assertEquals(1, cursors.sent("d-1"));
        assertEquals(List.of("d-1:1", "d-1:2"), gateway.received, "no retry of a refused payload, nothing after it");
        assertTrue(pauses.isEmpty());
        assertTrue(!outcome.done());
    }

    @Test
    void aConcurrentConsumerMovingTheCursorIsFollowed() {
        // Another connector acknowledged 1..3 while this one sent 1: this one continues from 4.
        cursors.beforeAdvance = () -> {
            cursors.beforeAdvance = () -> { };
            cursors.sent.put("d-1", 3);
        };
        assertEquals(new OneStopConnector.Delivered(2, 4), connector.deliver(new OutboundMessage("d-1", 4)));
        assertEquals(List.of("d-1:1", "d-1:4"), gateway.received);
    }

    @Test
    void anUnknownDossierOrNoConnectionIsReported() {
        assertInstanceOf(OneStopConnector.UnknownDossier.class, connector.deliver(new OutboundMessage("nope", 1)));
        OneStopConnector offline = new OneStopConnector(store, cursors, Optional.empty(), () -> Fixtures.CONFIG,
                pauses::add);
        assertEquals(new OneStopConnector.Failed("NOT_CONNECTED", 0), offline.deliver(new OutboundMessage("d-1", 1)));
    }
}
