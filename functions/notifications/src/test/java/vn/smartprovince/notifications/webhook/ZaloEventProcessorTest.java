package vn.smartprovince.notifications.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.notifications.webhook.ZaloEventProcessor.Outcome;
import vn.smartprovince.shared.log.JsonLog;

/** The consumer's rule with in-memory collaborators: once per event identity, what is retried, what is skipped. */
class ZaloEventProcessorTest {
    static final String TS = "1795858200000";
    static final String RECEIPT = "{\"event_name\":\"user_received_message\",\"timestamp\":\"" + TS
            + "\",\"sender\":{\"id\":\"99\"},\"recipient\":{\"id\":\"44\"},\"message\":{\"msg_id\":\"zmsg-1\"}}";
    static final String FOLLOW = "{\"event_name\":\"follow\",\"user_id_by_app\":\"9000000000000000001\",\"timestamp\":\"" + TS
            + "\",\"follower\":{\"id\":\"44\"}}";
    static final String SECRET_TEXT = "Nhà tôi ở số 12 đường Trần Hưng Đạo, gọi 0901234567";

    final Fakes.Ledger ledger = new Fakes.Ledger();
    final Fakes.Receipts receipts = new Fakes.Receipts();
    final Fakes.Followers followers = new Fakes.Followers();
    final Fakes.Inbox inbox = new Fakes.Inbox();
    final List<Duration> paused = new ArrayList<>();
    Runnable duringPause = () -> { };
    final ZaloEventProcessor processor = new ZaloEventProcessor(ledger, receipts, followers, inbox,
            Clock.fixed(Instant.parse("2026-11-28T09:30:05Z"), ZoneOffset.UTC), duration -> {
                paused.add(duration);
                duringPause.run();
            });
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @BeforeEach
    void captureLogs() {
        JsonLog.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        JsonLog.redirect(System.out);
    }

    @Test
    void aReceiptMarksItsMessageDeliveredOnceHoweverOftenItArrives() {
        assertEquals(Outcome.APPLIED, processor.process("m1", RECEIPT));
        assertEquals(Outcome.DUPLICATE, processor.process("m2", RECEIPT));
        assertEquals(Outcome.DUPLICATE, processor.process("m3", RECEIPT.replace(TS, "1795858260000")),
                "a retry Zalo stamped later is the same receipt");
        assertEquals(List.of("zmsg-1@2026-11-28T09:30:00Z"), receipts.delivered);
    }

    @Test
    void aSeenReceiptForSeveralMessagesMarksEachDelivered() {
        assertEquals(Outcome.APPLIED, processor.process("m1", "{\"event_name\":\"user_seen_message\",\"timestamp\":\"" + TS
                + "\",\"message\":{\"msg_ids\":[\"a\",\"b\"]}}"));
        assertEquals(List.of("a@2026-11-28T09:30:00Z", "b@2026-11-28T09:30:00Z"), receipts.delivered);
    }

    @Test
    void aFailureReleasesTheClaimAndTheRetryAppliesIt() {
        receipts.failuresLeft = 1;
        assertEquals(Outcome.RETRY, processor.process("m1", RECEIPT));
        assertEquals(List.of("user_received_message#zmsg-1"), ledger.released);
        assertTrue(receipts.delivered.isEmpty());
        assertEquals(Outcome.APPLIED, processor.process("m1", RECEIPT));
        assertEquals(1, receipts.delivered.size());
    }

    @Test
    void aCopyArrivingWhileTheFirstIsAppliedWaitsForItAndIsThenADuplicate() {
        ledger.claim("user_received_message#zmsg-1", "user_received_message", Instant.parse("2026-11-28T09:30:04Z"));
        duringPause = () -> {
            if (paused.size() == 2) {
                ledger.applied("user_received_message#zmsg-1", Instant.parse("2026-11-28T09:30:05Z"));
            }
        };
        assertEquals(Outcome.DUPLICATE, processor.process("m2", RECEIPT));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), paused);
        assertTrue(receipts.delivered.isEmpty());
    }

    @Test
    void anEventStillBeingAppliedElsewhereAfterTheWaitsIsRetriedLaterAndAnUnreachableLedgerToo() {
        ledger.claim("user_received_message#zmsg-1", "user_received_message", Instant.parse("2026-11-28T09:30:04Z"));
        assertEquals(Outcome.RETRY, processor.process("m1", RECEIPT));
        assertTrue(receipts.delivered.isEmpty());
        assertEquals(ZaloEventProcessor.IN_PROGRESS_WAITS, paused);
        assertEquals(1_500, paused.stream().mapToLong(Duration::toMillis).sum(), "bounded: 1.5 s at most per event");

        ledger.failClaims = new IllegalStateException("dynamodb unavailable");
        assertEquals(Outcome.RETRY, processor.process("m2", FOLLOW));
        assertTrue(followers.changes.isEmpty());
    }

    @Test
    void aClaimLeftByADeadInvocationLapses() {
        ledger.claim("user_received_message#zmsg-1", "user_received_message", Instant.parse("2026-11-28T09:28:00Z"));
        assertEquals(Outcome.APPLIED, processor.process("m1", RECEIPT));
    }

    @Test
    void followLinksTheCitizenAndWithoutTheMiniAppUserIdIsSkipped() {
        assertEquals(Outcome.APPLIED, processor.process("m1", FOLLOW));
        assertEquals("9000000000000000001", followers.changes.get(0).userId());
        assertEquals(Outcome.SKIPPED, processor.process("m2", FOLLOW.replace("\"user_id_by_app\":\"9000000000000000001\",", "")));
        assertEquals(1, followers.changes.size());
    }

    @Test
    void aCitizensMessageIsKeptAndCountsAsAnInteractionButItsTextIsNeverLogged() {
        String text = "{\"event_name\":\"user_send_text\",\"user_id_by_app\":\"9000000000000000001\",\"timestamp\":\"" + TS
                + "\",\"sender\":{\"id\":\"44\"},\"message\":{\"msg_id\":\"t-1\",\"text\":\"" + SECRET_TEXT + "\"}}";
        assertEquals(Outcome.APPLIED, processor.process("m1", text));
        assertEquals(Outcome.DUPLICATE, processor.process("m2", text));
        assertEquals(1, inbox.kept.size());
        assertEquals(SECRET_TEXT, inbox.kept.get(0).text());
        assertEquals(List.of("9000000000000000001/44@2026-11-28T09:30:00Z"), followers.interactions);
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"eventName\":\"user_send_text\""), logged);
        assertFalse(logged.contains("Trần Hưng Đạo") || logged.contains("0901234567"), logged);
    }

    @Test
    void unknownUnreadableAndInvalidEventsAreSkippedNotRetried() {
        assertEquals(Outcome.SKIPPED, processor.process("m1", "{\"event_name\":\"oa_send_text\",\"timestamp\":\"" + TS
                + "\",\"message\":{\"text\":\"" + SECRET_TEXT + "\"}}"));
        assertEquals(Outcome.SKIPPED, processor.process("m2", "not json"));
        assertEquals(Outcome.SKIPPED, processor.process("m3", null));
        assertEquals(Outcome.SKIPPED, processor.process("m4", "{\"event_name\":\"follow\",\"timestamp\":\"" + TS + "\"}"));
        assertTrue(ledger.status.isEmpty(), "nothing claimed for events that are not applied");
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("\"message\":\"zalo event not handled, skipped\"") && logged.contains("oa_send_text"), logged);
        assertTrue(logged.contains("follower.id: missing or not an id"), logged);
        assertFalse(logged.contains("Trần Hưng Đạo"), logged);
    }
}
