package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.lambda.Backoff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.Delivery;
import vn.smartprovince.notifications.core.DeliveryState;
import vn.smartprovince.notifications.core.InMemoryDeliveryStore;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.notifications.dispatch.Dispatcher.Kind;
import vn.smartprovince.notifications.dispatch.Dispatcher.Message;
import vn.smartprovince.notifications.dispatch.Dispatcher.Outcome;
import vn.smartprovince.notifications.dispatch.Recipient.Preference;
import vn.smartprovince.notifications.dispatch.token.OaTokenException;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.zalo.ZaloException;
import vn.smartprovince.shared.zalo.ZaloFailures;
import vn.smartprovince.testkit.MutableClock;

/** The dispatcher's use case with fakes: idempotency, channels, the error policy, deferral, leases, deadlines. */
class DispatcherTest {
    static final Instant NOON = vietnam("2026-11-28T12:00:00");
    static final String CITIZEN = "9000000000000000001";
    static final String FOLLOWER = "9000000000000000002";
    static final NotificationTemplate STATUS = new NotificationTemplate("REPORT_STATUS_CHANGED",
            List.of("report_code", "status_name"), "900002", "Phản ánh {report_code}: {status_name}.");
    static final NotificationTemplate CARE = new NotificationTemplate("SURVEY", List.of("report_code"), "900009", null);
    static final Map<String, String> PARAMS = Map.of("report_code", "K7M4-QX9P", "status_name", "Đã trả lời");

    final MutableClock clock = new MutableClock(NOON);
    final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    final Fakes.Zalo zalo = new Fakes.Zalo();
    final Fakes.Tokens tokens = new Fakes.Tokens(zalo);
    final Fakes.Queue queue = new Fakes.Queue();
    final Map<String, Recipient> people = new HashMap<>(Map.of(
            CITIZEN, new Recipient(CITIZEN, "84901234567", Preference.ZNS, null, false, null),
            FOLLOWER, new Recipient(FOLLOWER, null, Preference.ZALO_OA, "4400000000000000002", true,
                    NOON.minus(Duration.ofDays(1)))));
    final Map<String, NotificationTemplate> templates = new HashMap<>(Map.of(STATUS.key(), STATUS, CARE.key(), CARE));
    final List<ExecutorService> pools = new ArrayList<>();
    volatile boolean recipientsDown;

    static Instant vietnam(String local) {
        return LocalDateTime.parse(local).atZone(SendingHours.VIETNAM).toInstant();
    }

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    Dispatcher dispatcher(int concurrency) {
        ExecutorService pool = DispatchWiring.pool(concurrency);
        pools.add(pool);
        Recipients recipients = ids -> {
            if (recipientsDown) {
                throw ApiException.unavailable("dynamodb");
            }
            Map<String, Recipient> found = new HashMap<>();
            ids.forEach(id -> Optional.ofNullable(people.get(id)).ifPresent(r -> found.put(id, r)));
            return found;
        };
        return new Dispatcher(store, recipients, key -> Optional.ofNullable(templates.get(key)), tokens, zalo, queue,
                clock, new SplittableRandom(1), new Dispatcher.Settings(5, concurrency, Backoff.DEFAULT,
                Duration.ofDays(7), Duration.ofMinutes(10), Duration.ofSeconds(14)), pool);
    }

    static NotificationJob job(String key, String recipient, String template, Map<String, String> params) {
        return new NotificationJob(1, "job-" + key, "REPORT_ANSWERED", recipient, template, params, "REPORT#" + key,
                Instant.parse("2026-11-28T04:00:00Z"), "req-1");
    }

    static NotificationJob job(String key) {
        return job(key, CITIZEN, STATUS.key(), PARAMS);
    }

    static Message message(NotificationJob job, int receiveCount) {
        return new Message("m-" + job.jobId(), "rh-" + job.jobId() + "-" + receiveCount, job.toJson(), receiveCount);
    }

    Outcome one(Message message) {
        return dispatcher(4).dispatch(List.of(message), clock.instant().plusSeconds(30)).outcomes().get(message.messageId());
    }

    Delivery record(NotificationJob job) {
        return store.find(job.deduplicationKey()).orElseThrow();
    }

    // ------------------------------------------------------------------ idempotency and channels

    @Test
    void aJobOfACancelledCampaignIsSettledUndeliverableAndNeverSent() {
        NotificationJob live = job("ALERT#a1#" + CITIZEN).withCampaignId("ALERT#a1");
        assertEquals(Kind.SENT, one(message(live, 1)).kind(), "a campaign nobody cancelled goes out as usual");
        store.cancelledCampaigns.add("ALERT#a2");
        NotificationJob cancelled = job("ALERT#a2#" + CITIZEN).withCampaignId("ALERT#a2");
        Outcome outcome = one(message(cancelled, 1));
        assertEquals(Kind.UNDELIVERABLE, outcome.kind());
        assertEquals(Reason.CAMPAIGN_CANCELLED, outcome.reason().code());
        assertEquals(DeliveryState.UNDELIVERABLE, record(cancelled).state());
        assertEquals(1, zalo.sends().size(), "only the live campaign's");
    }

    @Test
    void aZnsGoesToThePhoneWithTheDeduplicationKeyAsTrackingIdAndIsRecordedSent() {
        NotificationJob job = job("r1#v2#ANSWERED");
        Outcome outcome = one(message(job, 1));
        assertEquals(Kind.SENT, outcome.kind());
        assertFalse(outcome.retained());
        Fakes.Zalo.Call sent = zalo.sends().get(0);
        assertEquals("zns", sent.kind());
        assertEquals("84901234567", sent.to());
        assertEquals("900002", sent.templateId());
        assertEquals(PARAMS, sent.data());
        assertEquals("REPORT#r1#v2#ANSWERED", sent.trackingId());
        Delivery d = record(job);
        assertEquals(DeliveryState.SENT, d.state());
        assertEquals(Channel.ZNS, d.channel());
        assertEquals("msg-2", d.zaloMsgId(), "after the template tag call");
        assertEquals("Phản ánh K7M4-QX9P: Đã trả lời.", d.text());
        assertEquals(1, d.attempts());
    }

    @Test
    void anOaMessageGoesToTheFollowerWithTheRenderedText() {
        NotificationJob job = job("r2", FOLLOWER, STATUS.key(), PARAMS);
        assertEquals(Kind.SENT, one(message(job, 1)).kind());
        assertEquals(List.of(new Fakes.Zalo.Call("oa", "token-1", "4400000000000000002", null, null, null,
                "Phản ánh K7M4-QX9P: Đã trả lời.")), zalo.sends());
        assertEquals(Channel.OA, record(job).channel());
    }

    @Test
    void aTemplateAllowedByUserIdGoesToTheUserIdAndIsRecordedAsZbsUid() {
        NotificationTemplate byUid = new NotificationTemplate("RECEIVED_UID", STATUS.params(), "900001", null, true);
        templates.put(byUid.key(), byUid);
        people.put("9000000000000000003", new Recipient("9000000000000000003", null, Preference.ZNS,
                "4400000000000000003", true, null));
        NotificationJob job = job("u1", "9000000000000000003", byUid.key(), PARAMS);
        assertEquals(Kind.SENT, one(message(job, 1)).kind());
        assertEquals(List.of(new Fakes.Zalo.Call("zbs_uid", "token-1", "4400000000000000003", "900001", PARAMS,
                job.deduplicationKey(), null)), zalo.sends());
        assertEquals(Channel.ZBS_UID, record(job).channel());
    }

    @Test
    void whenZaloRefusesTheUserIdThePhonePathIsTriedAtOnce() {
        NotificationTemplate byUid = new NotificationTemplate("RECEIVED_UID", STATUS.params(), "900001", null, true);
        templates.put(byUid.key(), byUid);
        people.put("9000000000000000004", new Recipient("9000000000000000004", "84901234999", Preference.ZNS,
                "4400000000000000004", true, null));
        zalo.nextSendFailures.add(vn.smartprovince.shared.zalo.ZaloFailures.code(-118));
        NotificationJob job = job("u2", "9000000000000000004", byUid.key(), PARAMS);
        assertEquals(Kind.SENT, one(message(job, 1)).kind());
        assertEquals(List.of("zbs_uid", "zns"), zalo.sends().stream().map(Fakes.Zalo.Call::kind).toList());
        assertEquals("84901234999", zalo.sends().get(1).to());
        assertEquals(Channel.ZNS, record(job).channel(), "the record says which path reached the citizen");
    }

    @Test
    void sendingHoursByTagApplyToTheUserIdPathToo() {
        NotificationTemplate careUid = new NotificationTemplate("CARE_UID", List.of("report_code"), "900009", null, true);
        templates.put(careUid.key(), careUid);
        zalo.tags.put("900009", "CUSTOMER_CARE");
        people.put("9000000000000000005", new Recipient("9000000000000000005", null, Preference.ZNS,
                "4400000000000000005", true, null));
        clock.set(vietnam("2026-11-28T23:00:00"));
        NotificationJob job = job("u3", "9000000000000000005", careUid.key(), Map.of("report_code", "K7M4-QX9P"));
        one(message(job, 1));
        assertEquals(DeliveryState.DEFERRED, record(job).state());
        assertEquals(Channel.ZBS_UID, record(job).channel());
        assertTrue(zalo.sends().isEmpty());
    }

    @Test
    void aRedeliveredMessageOrASecondJobForTheSameFactNeverReachesZaloTwice() {
        NotificationJob job = job("r3");
        assertEquals(Kind.SENT, one(message(job, 1)).kind());
        assertEquals(Kind.DUPLICATE, one(message(job, 2)).kind(), "SQS delivered it again");
        NotificationJob twin = job.withJobId("another-job-same-fact");
        assertEquals(Kind.DUPLICATE, one(message(twin, 1)).kind());
        var batch = dispatcher(4).dispatch(List.of(message(job("r4"), 1), message(job("r4").withJobId("twin"), 1)),
                clock.instant().plusSeconds(30));
        assertEquals(List.of(Kind.SENT, Kind.DUPLICATE), batch.outcomes().values().stream().map(Outcome::kind).toList());
        assertEquals(2, zalo.sends().size());
    }

    @Test
    void optedOutAndUnreachableRecipientsAreUndeliverableWithoutAZaloCall() {
        people.put("9000000000000000003", new Recipient("9000000000000000003", "84901111111", Preference.NONE, null,
                false, null));
        NotificationJob optedOut = job("r5", "9000000000000000003", STATUS.key(), PARAMS);
        NotificationJob unknown = job("r6", "9000000000000000404", STATUS.key(), PARAMS);
        var result = dispatcher(2).dispatch(List.of(message(optedOut, 1), message(unknown, 1)), clock.instant().plusSeconds(30));
        result.outcomes().values().forEach(o -> assertEquals(Kind.UNDELIVERABLE, o.kind()));
        assertEquals(Reason.OPTED_OUT, record(optedOut).reason().code());
        assertEquals(Reason.RECIPIENT_UNKNOWN, record(unknown).reason().code());
        assertEquals(DeliveryState.UNDELIVERABLE, record(unknown).state());
        assertTrue(zalo.calls.isEmpty());
    }

    @Test
    void aTemplateMismatchOrAnUnknownTemplateIsAPermanentFailureWithoutAZaloCall() {
        NotificationJob extra = job("r7", CITIZEN, STATUS.key(), Map.of("report_code", "x", "status_name", "y",
                "agency_id", "z"));
        NotificationJob unknown = job("r8", CITIZEN, "NO_SUCH_TEMPLATE", Map.of());
        assertEquals(Kind.FAILED, one(message(extra, 1)).kind());
        assertEquals(Kind.FAILED, one(message(unknown, 1)).kind());
        assertEquals("template REPORT_STATUS_CHANGED parameters: not in the template [agency_id]",
                record(extra).reason().text());
        assertEquals(Reason.TEMPLATE_UNKNOWN, record(unknown).reason().code());
        assertTrue(zalo.calls.isEmpty());
    }

    // ------------------------------------------------------------------ error policy

    @Test
    void aPermanentZaloErrorIsRecordedAndNeverRetried() {
        zalo.nextSendFailures.add(ZaloFailures.code(-108));
        NotificationJob job = job("r9");
        Outcome outcome = one(message(job, 1));
        assertEquals(Kind.FAILED, outcome.kind());
        assertFalse(outcome.retained());
        assertEquals("ZALO_-108", record(job).reason().code());
        assertEquals(DeliveryState.FAILED, record(job).state());
        assertTrue(queue.delays.isEmpty());
        assertEquals(Kind.DUPLICATE, one(message(job, 2)).kind(), "a FAILED record is settled");
    }

    @Test
    void transientErrorsComeBackLaterAndLaterThenGoToTheDeadLetterQueueAndARedriveSendsThem() {
        NotificationJob job = job("r10");
        zalo.everySend = ZaloFailures.http(503);
        List<Duration> delays = new ArrayList<>();
        for (int receive = 1; receive <= 4; receive++) {
            Outcome outcome = one(message(job, receive));
            assertEquals(Kind.RETRY, outcome.kind());
            assertTrue(outcome.retained());
            delays.add(queue.delays.get("rh-" + job.jobId() + "-" + receive));
            assertEquals(DeliveryState.QUEUED, record(job).state());
            assertEquals("ZALO_HTTP_503", record(job).reason().code());
        }
        for (int i = 1; i < delays.size(); i++) {
            assertTrue(delays.get(i).compareTo(delays.get(i - 1)) > 0, "growing: " + delays);
        }
        Outcome last = one(message(job, 5));
        assertEquals(Kind.EXHAUSTED, last.kind());
        assertTrue(last.retained(), "kept, so the queue's next receive moves it to the DLQ");
        assertEquals(Duration.ZERO, queue.delays.get("rh-" + job.jobId() + "-5"));
        Delivery exhausted = record(job);
        assertEquals(DeliveryState.FAILED, exhausted.state());
        assertEquals(Reason.RETRIES_EXHAUSTED, exhausted.reason().code());
        assertTrue(exhausted.redrivable());

        zalo.everySend = null;
        assertEquals(Kind.SENT, one(message(job, 1)).kind(), "redriven from the DLQ after the fix");
        assertEquals(6, record(job).attempts());
    }

    @Test
    void anInvalidTokenIsRefreshedOnceAndTheMessageResentAtOnce() {
        zalo.validToken = "token-2";   // Zalo no longer takes token-1
        NotificationJob job = job("r11");
        var result = dispatcher(1).dispatch(List.of(message(job, 1)), clock.instant().plusSeconds(30));
        assertEquals(Kind.SENT, result.outcomes().get("m-" + job.jobId()).kind());
        assertEquals(1, result.tokenRefreshes());
        assertEquals(List.of("token-1", "token-2", "token-2"), zalo.calls.stream().map(Fakes.Zalo.Call::token).toList(),
                "the tag call is rejected, refreshed and repeated; the send uses the new token");
    }

    @Test
    void aTokenRejectedAgainAfterTheRefreshIsRetriedLaterNotRefreshedInALoop() {
        NotificationJob job = job("r12");
        zalo.nextSendFailures.add(ZaloFailures.code(-124));
        zalo.nextSendFailures.add(ZaloFailures.code(-124));
        Outcome outcome = one(message(job, 1));
        assertEquals(Kind.RETRY, outcome.kind());
        assertEquals(2, zalo.sends().size());
        assertEquals(1, tokens.refreshes());
    }

    @Test
    void regionRestrictionRaisesOneErrorLineAndTheRestOfTheBatchIsNotTried() {
        zalo.everySend = ZaloFailures.code(-501);
        List<Message> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(message(job("r13-" + i), 1));
        }
        try (Fakes.Logs logs = new Fakes.Logs()) {
            var result = dispatcher(1).dispatch(batch, clock.instant().plusSeconds(30));
            result.outcomes().values().forEach(o -> {
                assertEquals(Kind.RETRY, o.kind());
                assertEquals(Reason.ZALO_MISCONFIGURED, o.reason().code());
            });
            assertEquals(1, zalo.sends().size(), "one call finds out; the others wait");
            List<String> errors = logs.lines().stream().filter(l -> l.contains("\"level\":\"ERROR\"")).toList();
            assertEquals(1, errors.size(), logs.text());
            assertTrue(errors.get(0).contains("zalo misconfigured: notifications are not being sent"));
            assertTrue(errors.get(0).contains("-501"));
        }
    }

    @Test
    void aMisconfiguredTokenChainIsRetriedNotFailed() {
        NotificationJob job = job("r14");
        var broken = new vn.smartprovince.notifications.dispatch.token.AccessTokens() {
            public String accessToken() {
                throw new OaTokenException(ZaloException.Kind.MISCONFIGURED, "OA refresh token rejected", null);
            }

            public String renewAfterRejected(String rejected) {
                return accessToken();
            }

            public long refreshes() {
                return 0;
            }
        };
        ExecutorService pool = DispatchWiring.pool(1);
        pools.add(pool);
        Dispatcher d = new Dispatcher(store, ids -> Map.of(CITIZEN, people.get(CITIZEN)), key -> Optional.of(STATUS),
                broken, zalo, queue, clock, new SplittableRandom(1), dispatcher(1).settings(), pool);
        Outcome outcome = d.dispatch(List.of(message(job, 1)), clock.instant().plusSeconds(30)).outcomes().values()
                .iterator().next();
        assertEquals(Kind.RETRY, outcome.kind());
        assertEquals(Reason.ZALO_MISCONFIGURED, record(job).reason().code());
    }

    @Test
    void dynamoDbUnavailableMeansRetryLaterWithNothingSent() {
        recipientsDown = true;
        Outcome outcome = one(message(job("r15"), 1));
        assertEquals(Kind.RETRY, outcome.kind());
        assertEquals(Reason.UNAVAILABLE, outcome.reason().code());
        assertTrue(zalo.calls.isEmpty());
    }

    // ------------------------------------------------------------------ sending hours

    @Test
    void aCustomerCareTemplateAtNightIsDeferredToSevenAndSentThen() {
        zalo.tags.put("900009", "CUSTOMER_CARE");
        clock.set(vietnam("2026-11-28T22:30:00"));
        NotificationJob job = job("r16", CITIZEN, CARE.key(), Map.of("report_code", "K7M4-QX9P"));
        Outcome outcome = one(message(job, 1));
        assertEquals(Kind.DEFERRED, outcome.kind());
        assertTrue(outcome.retained());
        Instant seven = vietnam("2026-11-29T07:00:00");
        Duration wait = queue.delays.get("rh-" + job.jobId() + "-1");
        assertTrue(wait.compareTo(Duration.between(clock.instant(), seven)) >= 0
                && wait.compareTo(Duration.between(clock.instant(), seven).plusMinutes(10)) <= 0, wait.toString());
        assertEquals(DeliveryState.DEFERRED, record(job).state());
        assertEquals(seven, record(job).notBefore());
        assertTrue(zalo.sends().isEmpty());

        clock.set(vietnam("2026-11-29T06:59:59"));
        assertEquals(Kind.DEFERRED, one(message(job, 2)).kind(), "early (a copy, a shortened timeout): waits again");
        assertTrue(zalo.sends().isEmpty());
        clock.set(vietnam("2026-11-29T07:03:00"));
        assertEquals(Kind.SENT, one(message(job, 3)).kind());
        assertEquals(1, zalo.sends().size());
    }

    @Test
    void aTransactionTemplateIsSentAtNight() {
        clock.set(vietnam("2026-11-28T23:30:00"));
        assertEquals(Kind.SENT, one(message(job("r17"), 1)).kind());
    }

    @Test
    void aDeferralWithFewReceivesLeftReplacesTheMessageByADelayedCopy() {
        zalo.tags.put("900009", "PROMOTION");
        clock.set(vietnam("2026-11-28T05:00:00"));
        NotificationJob job = job("r18", CITIZEN, CARE.key(), Map.of("report_code", "K7M4-QX9P"));
        Outcome outcome = one(message(job, 3));
        assertEquals(Kind.DEFERRED, outcome.kind());
        assertFalse(outcome.retained(), "the copy carries it, with a fresh receive count");
        assertEquals(List.of(job.toJson()), queue.requeued);
        assertEquals(Duration.ofHours(2), queue.requeueDelays.get(0).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                "asked for the whole wait; SQS caps it at 15 minutes");
        queue.requeueWorks = false;
        assertTrue(one(message(job, 4)).retained(), "no copy possible: the message itself waits");
    }

    @Test
    void zaloSayingOutsideSendingHoursDefersEvenWhenOurClockDisagrees() {
        clock.set(vietnam("2026-11-28T06:30:00"));
        zalo.nextSendFailures.add(ZaloFailures.code(-133));   // a tag we took for TRANSACTION
        NotificationJob job = job("r19");
        assertEquals(Kind.DEFERRED, one(message(job, 1)).kind());
        assertEquals(vietnam("2026-11-28T07:00:00"), record(job).notBefore());
        clock.set(vietnam("2026-11-28T12:00:00"));
        zalo.nextSendFailures.add(ZaloFailures.code(-133));
        assertEquals(Kind.RETRY, one(message(job, 2)).kind(), "inside the hours by our clock: an ordinary retry");
    }

    // ------------------------------------------------------------------ leases and crashes

    @Test
    void aJobLeasedByALiveDispatcherWaitsUntilTheLeaseEnds() {
        NotificationJob job = job("r20");
        store.claim(job, "someone-else", clock.instant().plusSeconds(40), clock.instant());
        Outcome outcome = one(message(job, 2));
        assertEquals(Kind.BUSY, outcome.kind());
        assertEquals(Duration.ofSeconds(41), queue.delays.get("rh-" + job.jobId() + "-2"));
        assertTrue(zalo.calls.isEmpty());
    }

    @Test
    void aBusyJobOnItsLastReceiveIsCarriedOnByADelayedCopyNotSentToTheDlq() {
        NotificationJob job = job("r28");
        store.claim(job, "someone-else", clock.instant().plusSeconds(20), clock.instant());
        Outcome outcome = one(message(job, 5));
        assertEquals(Kind.BUSY, outcome.kind());
        assertFalse(outcome.retained());
        assertEquals(List.of(job.toJson()), queue.requeued);
        assertEquals(Duration.ofSeconds(21), queue.requeueDelays.get(0));
    }

    @Test
    void aLeaseLeftByACrashedDispatcherIsTakenOverAfterItExpiresAtLeastOnce() {
        NotificationJob job = job("r21");
        // A dispatcher claimed it and died; whether it reached Zalo is unknown.
        store.claim(job, "crashed", clock.instant().plusSeconds(35), clock.instant());
        clock.advance(Duration.ofSeconds(36));
        assertEquals(Kind.SENT, one(message(job, 2)).kind());
        assertEquals(2, record(job).attempts());
        assertEquals(1, zalo.sends().size());
    }

    @Test
    void aSendWhoseRecordCannotBeWrittenIsDeletedAnywaySoItIsNeverSentTwice() {
        store.failNextSentWrites = 3;
        NotificationJob job = job("r22");
        try (Fakes.Logs logs = new Fakes.Logs()) {
            Outcome outcome = one(message(job, 1));
            assertEquals(Kind.SENT_UNRECORDED, outcome.kind());
            assertFalse(outcome.retained());
            assertTrue(logs.text().contains("notification sent but not recorded"));
        }
    }

    @Test
    void aSimulatedCrashFailsTheWholeInvocation() {
        zalo.everySend = new RuntimeException("not a crash");
        assertEquals(Kind.RETRY, one(message(job("r23"), 1)).kind(), "a bug in one job is a retry");
        Error crash = new OutOfMemoryError("simulated");
        Dispatcher d = dispatcher(2);
        zalo.everySend = null;
        ZaloGateway dying = new ZaloGateway() {
            public String sendZns(String token, vn.smartprovince.shared.zalo.ZnsMessage m) {
                throw crash;
            }

            public String sendZbsByUserId(String token, vn.smartprovince.shared.zalo.ZbsUidMessage m) {
                throw crash;
            }

            public String sendOaText(String token, String followerId, String text) {
                throw crash;
            }

            public String templateTag(String token, String templateId) {
                return "TRANSACTION";
            }
        };
        ExecutorService pool = DispatchWiring.pool(2);
        pools.add(pool);
        Dispatcher crashing = new Dispatcher(store, ids -> Map.of(CITIZEN, people.get(CITIZEN)),
                key -> Optional.of(STATUS), tokens, dying, queue, clock, new SplittableRandom(1), d.settings(), pool);
        assertThrows(OutOfMemoryError.class, () -> crashing.dispatch(List.of(message(job("r24"), 1)),
                clock.instant().plusSeconds(30)));
        assertEquals(DeliveryState.SENDING, record(job("r24")).state(), "the lease stays until it expires");
    }

    // ------------------------------------------------------------------ deadline and bad messages

    @Test
    void nothingStartsWhenTheInvocationIsAboutToEnd() {
        NotificationJob job = job("r25");
        var result = dispatcher(1).dispatch(List.of(message(job, 1)), clock.instant().plusSeconds(10));
        Outcome outcome = result.outcomes().get("m-" + job.jobId());
        assertEquals(Kind.NOT_STARTED, outcome.kind());
        assertTrue(outcome.retained());
        assertEquals(Duration.ZERO, queue.delays.get("rh-" + job.jobId() + "-1"));
        assertTrue(store.find(job.deduplicationKey()).isEmpty());
        Outcome last = dispatcher(1).dispatch(List.of(message(job, 5)), clock.instant().plusSeconds(10)).outcomes()
                .get("m-" + job.jobId());
        assertFalse(last.retained(), "untried on its last receive: a copy carries it on, not the DLQ");
        assertEquals(List.of(job.toJson()), queue.requeued);
    }

    @Test
    void atTheDeadlineAJobNotStartedIsHandedBackAndNeverStartsLaterWhileARunningOneWaitsForItsLease()
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger sends = new java.util.concurrent.atomic.AtomicInteger();
        ZaloGateway slow = new ZaloGateway() {
            public String sendZns(String token, vn.smartprovince.shared.zalo.ZnsMessage m) {
                sends.incrementAndGet();
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "msg-slow-" + m.trackingId();
            }

            public String sendZbsByUserId(String token, vn.smartprovince.shared.zalo.ZbsUidMessage m) {
                throw new UnsupportedOperationException();
            }

            public String sendOaText(String token, String followerId, String text) {
                throw new UnsupportedOperationException();
            }

            public String templateTag(String token, String templateId) {
                return "TRANSACTION";
            }
        };
        ExecutorService pool = DispatchWiring.pool(1);
        pools.add(pool);
        java.time.Clock real = java.time.Clock.systemUTC();
        Dispatcher d = new Dispatcher(store, ids -> Map.of(CITIZEN, people.get(CITIZEN)), key -> Optional.of(STATUS),
                tokens, slow, queue, real, new SplittableRandom(1), new Dispatcher.Settings(5, 1, Backoff.DEFAULT,
                Duration.ofDays(7), Duration.ZERO, Duration.ofMillis(500)), pool);
        NotificationJob first = job("r29");
        NotificationJob second = job("r30");
        var result = d.dispatch(List.of(message(first, 1), message(second, 1)), real.instant().plusSeconds(3));
        Outcome running = result.outcomes().get("m-" + first.jobId());
        Outcome waiting = result.outcomes().get("m-" + second.jobId());
        assertEquals(Kind.NOT_STARTED, running.kind());
        assertTrue(running.retained());
        assertTrue(running.visibility().compareTo(Duration.ofSeconds(5)) >= 0, "until its lease ends: " + running);
        assertEquals(Kind.NOT_STARTED, waiting.kind());
        assertEquals(Duration.ZERO, waiting.visibility());
        Thread.sleep(3_000);
        assertEquals(1, sends.get(), "the job handed back did not start after the answer");
        assertTrue(store.find(second.deduplicationKey()).isEmpty());
    }

    @Test
    void anInvalidJobIsDroppedAndANewerVersionIsKept() {
        Message garbage = new Message("m-x", "rh-x", "{\"schemaVersion\": 1}", 1);
        Message newer = new Message("m-y", "rh-y", "{\"schemaVersion\": 2, \"whatever\": true}", 1);
        try (Fakes.Logs logs = new Fakes.Logs()) {
            var result = dispatcher(1).dispatch(List.of(garbage, newer), clock.instant().plusSeconds(30));
            assertEquals(Kind.DROPPED, result.outcomes().get("m-x").kind());
            assertFalse(result.outcomes().get("m-x").retained());
            assertEquals(Kind.RETRY, result.outcomes().get("m-y").kind());
            assertEquals(List.of("m-y"), result.retainedMessageIds());
            assertTrue(logs.text().contains("notification job invalid, dropped"));
        }
    }

    @Test
    void aReceiptThatCameBeforeTheSentWriteIsAppliedAfterTheBatch() {
        NotificationJob job = job("r27");
        // The fake Zalo's ids: the template tag call is msg-1, the send msg-2.
        assertEquals(vn.smartprovince.notifications.core.DeliveryStore.ReceiptOutcome.KEPT_FOR_LATER,
                store.markDelivered("msg-2", clock.instant()));
        assertEquals(Kind.SENT, one(message(job, 1)).kind());
        assertEquals(DeliveryState.DELIVERED, record(job).state());
    }

    @Test
    void receiptsMarkSentRecordsDeliveredAndEarlyReceiptsAreKept() {
        NotificationJob job = job("r26");
        one(message(job, 1));
        String msgId = record(job).zaloMsgId();
        Instant at = clock.instant().plusSeconds(3);
        assertEquals(vn.smartprovince.notifications.core.DeliveryStore.ReceiptOutcome.DELIVERED,
                store.markDelivered(msgId, at));
        assertEquals(vn.smartprovince.notifications.core.DeliveryStore.ReceiptOutcome.ALREADY_DELIVERED,
                store.markDelivered(msgId, at));
        assertEquals(DeliveryState.DELIVERED, record(job).state());
        assertNotNull(record(job).deliveredAt());
    }
}
