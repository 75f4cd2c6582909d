package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.lambda.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import vn.smartprovince.notifications.core.Channel;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.core.Reason;
import vn.smartprovince.notifications.dispatch.token.AccessTokens;
import vn.smartprovince.notifications.dispatch.token.OaTokenException;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.notify.InvalidNotificationJobException;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.NotificationTemplate;
import vn.smartprovince.shared.zalo.ZaloException;
import vn.smartprovince.shared.zalo.ZbsUidMessage;
import vn.smartprovince.shared.zalo.ZnsMessage;

/**
 * The dispatcher's use case, free of Lambda types: a batch of queue messages (notification jobs)
 * in, one {@link Outcome} per message out, plus the visibility changes that make retries wait.
 *
 * <p>Per job: claim the notification's record (conditional write on the deduplication key: a
 * duplicate or a redelivered message stops here), find the template and render it, choose the
 * channel ({@link ChannelChoice}), wait for the template's sending hours if it has them
 * ({@link SendingHours}), send with the OA token ({@link AccessTokens}, refreshed once if Zalo
 * rejects it), record the outcome. Errors follow {@link ErrorPolicy}. Jobs of a batch run on a
 * bounded pool ({@code concurrency} at once), so one slow Zalo answer does not hold up the rest.
 *
 * <p>The invocation's deadline bounds the work: no job starts when less than {@code startBudget}
 * is left (it is handed back at once), and the lease a job takes lasts until the deadline plus a
 * margin, after which the invocation cannot be running any more.
 */
final class Dispatcher {
    /** The lease outlives the invocation's deadline by this much (clock differences, the answer's trip). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    /** A deferral keeps the original message only if this many receives are left after it. */
    static final int MIN_RECEIVES_AFTER_DEFERRAL = 3;
    private static final int RECORD_ATTEMPTS = 3;
    private static final Duration ANSWER_TIME = Duration.ofSeconds(1);

    /**
     * @param maxReceiveCount   the queue's RedrivePolicy maxReceiveCount (the last receive gives up)
     * @param concurrency       jobs of a batch in flight at once
     * @param interactionWindow how recent a follower's last message must be for an OA message
     * @param deferSpread       deferred messages come back spread over this much after the opening
     * @param startBudget       a job starts only with this much time left before the deadline
     */
    record Settings(int maxReceiveCount, int concurrency, Backoff backoff, Duration interactionWindow,
                    Duration deferSpread, Duration startBudget) {
        Settings {
            if (maxReceiveCount < 1 || concurrency < 1) {
                throw new IllegalArgumentException("maxReceiveCount and concurrency must be positive");
            }
        }
    }

    /** One SQS message: its id, receipt handle, body (the job) and ApproximateReceiveCount. */
    record Message(String messageId, String receiptHandle, String body, int receiveCount) {
    }

    enum Kind {
        /** Zalo accepted it (the record says SENT). */
        SENT,
        /** Zalo accepted it but the record could not be written: deleted anyway, so it is never sent twice. */
        SENT_UNRECORDED,
        /** Already settled, or another message of the batch carries the same notification. */
        DUPLICATE,
        /** Permanent failure, recorded with its reason. */
        FAILED,
        /** No channel reaches the recipient, recorded with the reason. */
        UNDELIVERABLE,
        /** Transient failure: back after a growing delay. */
        RETRY,
        /** Transient failure on the last receive allowed: the next receive moves it to the DLQ. */
        EXHAUSTED,
        /** Waits for the sending hours (the message kept invisible, or a delayed copy sent). */
        DEFERRED,
        /** Another dispatcher holds the lease: back when it expires. */
        BUSY,
        /** Not a job at all: logged and deleted (retrying cannot help). */
        DROPPED,
        /** Not started: the invocation's time was running out. Back at once. */
        NOT_STARTED
    }

    /**
     * @param visibility when the message is kept: how long until it is received again (null = the
     *                   queue's visibility timeout); ignored for deleted messages
     * @param retained   whether the message stays on the queue ({@code batchItemFailures})
     */
    record Outcome(Kind kind, Channel channel, Reason reason, boolean retained, Duration visibility, String zaloMsgId) {
        static Outcome done(Kind kind, Channel channel, Reason reason) {
            return new Outcome(kind, channel, reason, false, null, null);
        }

        static Outcome kept(Kind kind, Channel channel, Reason reason, Duration visibility) {
            return new Outcome(kind, channel, reason, true, visibility, null);
        }

        static Outcome sent(Channel channel, String zaloMsgId) {
            return new Outcome(Kind.SENT, channel, null, false, null, zaloMsgId);
        }
    }

    /** A batch's outcomes by message id, in the batch's order. */
    record Result(Map<String, Outcome> outcomes, long tokenRefreshes) {
        List<String> retainedMessageIds() {
            return outcomes.entrySet().stream().filter(e -> e.getValue().retained()).map(Map.Entry::getKey).toList();
        }
    }

    private final DeliveryStore store;
    private final Recipients recipients;
    private final Templates templates;
    private final AccessTokens tokens;
    private final ZaloGateway zalo;
    private final QueueControl queue;
    private final Clock clock;
    private final RandomGenerator random;
    private final Settings settings;
    private final ExecutorService pool;
    private final TemplateTags tags;

    Dispatcher(DeliveryStore store, Recipients recipients, Templates templates, AccessTokens tokens, ZaloGateway zalo,
               QueueControl queue, Clock clock, RandomGenerator random, Settings settings, ExecutorService pool) {
        this.store = store;
        this.recipients = recipients;
        this.templates = templates;
        this.tokens = tokens;
        this.zalo = zalo;
        this.queue = queue;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.pool = pool;
        this.tags = new TemplateTags(clock);
    }

    Settings settings() {
        return settings;
    }

    /**
     * Handles a batch and applies the visibility changes of the messages it keeps.
     *
     * @param deadline when the invocation must have answered
     */
    Result dispatch(List<Message> batch, Instant deadline) {
        long refreshesBefore = tokens.refreshes();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        batch.forEach(m -> outcomes.put(m.messageId(), null));
        List<Message> toSend = new ArrayList<>();
        Map<String, NotificationJob> jobs = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (Message message : batch) {
            NotificationJob job;
            try {
                job = NotificationJob.fromJson(message.body());
            } catch (InvalidNotificationJobException e) {
                outcomes.put(message.messageId(), unreadable(message, e));
                continue;
            }
            if (!keys.add(job.deduplicationKey())) {
                // The first message of the batch with this key carries the notification.
                outcomes.put(message.messageId(), Outcome.done(Kind.DUPLICATE, null, null));
                continue;
            }
            toSend.add(message);
            jobs.put(message.messageId(), job);
        }
        Map<String, Recipient> known;
        try {
            known = toSend.isEmpty() ? Map.of()
                    : recipients.find(jobs.values().stream().map(NotificationJob::recipientId).toList());
        } catch (ApiException e) {
            known = null;
        }
        AtomicBoolean misconfigured = new AtomicBoolean();
        List<Future<Outcome>> futures = new ArrayList<>();
        List<AtomicBoolean> claimedByTask = new ArrayList<>();
        for (Message message : toSend) {
            NotificationJob job = jobs.get(message.messageId());
            if (known == null) {
                outcomes.put(message.messageId(), retry(message, job, null, null,
                        new Reason(Reason.UNAVAILABLE, "dynamodb unavailable (reading recipients)")));
                futures.add(null);
                claimedByTask.add(null);
                continue;
            }
            Recipient recipient = known.get(job.recipientId());
            // Who gets the job first: the pool's thread (it runs) or the deadline (it never will).
            AtomicBoolean taken = new AtomicBoolean();
            claimedByTask.add(taken);
            futures.add(pool.submit(() -> taken.compareAndSet(false, true)
                    ? handle(message, job, recipient, deadline, misconfigured) : null));
        }
        for (int i = 0; i < toSend.size(); i++) {
            Future<Outcome> future = futures.get(i);
            if (future == null) {
                continue;
            }
            Message message = toSend.get(i);
            outcomes.put(message.messageId(), await(future, claimedByTask.get(i), deadline, message,
                    jobs.get(message.messageId())));
        }
        Map<String, String> sent = new LinkedHashMap<>();
        outcomes.forEach((messageId, outcome) -> {
            if (outcome.kind() == Kind.SENT && outcome.zaloMsgId() != null) {
                sent.put(outcome.zaloMsgId(), jobs.get(messageId).deduplicationKey());
            }
        });
        if (!sent.isEmpty()) {
            quietly(() -> store.applyEarlyReceipts(sent));
        }
        Map<String, Duration> visibility = new LinkedHashMap<>();
        for (Message message : batch) {
            Outcome outcome = outcomes.get(message.messageId());
            if (outcome.retained() && outcome.visibility() != null) {
                visibility.put(message.receiptHandle(), outcome.visibility());
            }
        }
        if (!visibility.isEmpty()) {
            queue.delay(visibility);
        }
        return new Result(outcomes, tokens.refreshes() - refreshesBefore);
    }

    private Outcome await(Future<Outcome> future, AtomicBoolean taken, Instant deadline, Message message,
                          NotificationJob job) {
        // A second before the deadline: the answer must still be written, or Lambda fails the whole batch.
        long waitMs = Math.max(1, Duration.between(clock.instant(), deadline.minus(ANSWER_TIME)).toMillis());
        try {
            return future.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (taken.compareAndSet(false, true)) {
                // Never started (the pool was busy): now it never will, not even after the answer.
                future.cancel(false);
                return carryOn(message, job, Kind.NOT_STARTED, Duration.ZERO);
            }
            // Still talking to Zalo at the deadline: its lease decides; the message comes back when it ends.
            return Outcome.kept(Kind.NOT_STARTED, null, new Reason(Reason.UNAVAILABLE, "invocation deadline"),
                    max(Duration.ofSeconds(1), Duration.between(clock.instant(), deadline.plus(LEASE_MARGIN)).plusSeconds(1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.kept(Kind.NOT_STARTED, null, new Reason(Reason.UNAVAILABLE, "interrupted"), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                // The sandbox is dying (out of memory, a simulated crash): so does the invocation.
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The job was not tried (another attempt holds the lease, or no time was left): it comes back after
     * {@code wait}. On the message's last receive that would move it to the DLQ untried, so a delayed
     * copy (a fresh receive count) carries it on instead.
     */
    private Outcome carryOn(Message message, NotificationJob job, Kind kind, Duration wait) {
        if (message.receiveCount() >= settings.maxReceiveCount() && queue.requeue(message.body(), job.type(), wait)) {
            return Outcome.done(kind, null, null);
        }
        return Outcome.kept(kind, null, null, wait);
    }

    private Outcome unreadable(Message message, InvalidNotificationJobException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", message.messageId());
        fields.put("problems", e.problems());
        if (e.unsupportedVersion()) {
            // A newer producer than this dispatcher: kept (retried, then the DLQ) until it is deployed.
            JsonLog.warn("notification job of a newer version; deploy the dispatcher, then redrive", fields);
            return retryMessage(message, new Reason(Reason.JOB_VERSION, "job version not supported by this dispatcher"));
        }
        JsonLog.error("notification job invalid, dropped", fields, null);
        return Outcome.done(Kind.DROPPED, null, new Reason("JOB_INVALID", "not a valid notification job"));
    }

    // ------------------------------------------------------------------ one job

    private Outcome handle(Message message, NotificationJob job, Recipient recipient, Instant deadline,
                           AtomicBoolean misconfigured) {
        Instant now = clock.instant();
        if (now.plus(settings.startBudget()).isAfter(deadline)) {
            return carryOn(message, job, Kind.NOT_STARTED, Duration.ZERO);
        }
        String owner = UUID.randomUUID().toString();
        DeliveryStore.Claim claim;
        try {
            claim = store.claim(job, owner, deadline.plus(LEASE_MARGIN), now, message.receiveCount() > 1);
        } catch (ApiException e) {
            return retry(message, job, null, null, new Reason(Reason.UNAVAILABLE, "dynamodb unavailable (claim)"));
        }
        if (claim instanceof DeliveryStore.Settled settled) {
            return Outcome.done(Kind.DUPLICATE, settled.delivery().channel(), null);
        }
        if (claim instanceof DeliveryStore.Busy busy) {
            return carryOn(message, job, Kind.BUSY,
                    max(Duration.ofSeconds(1), Duration.between(now, busy.until()).plusSeconds(1)));
        }
        if (claim instanceof DeliveryStore.NotYet notYet) {
            return defer(message, job, null, null, notYet.notBefore());
        }
        DeliveryStore.Attempt attempt = ((DeliveryStore.Claimed) claim).attempt();
        if (job.campaignId() != null) {
            // A cancelled campaign (an urgent alert) sends nothing more; its status unreadable: later.
            try {
                if (store.campaignCancelled(job.campaignId())) {
                    Reason reason = new Reason(Reason.CAMPAIGN_CANCELLED, "the campaign was cancelled before this was sent");
                    store.undeliverable(attempt, reason, clock.instant());
                    return Outcome.done(Kind.UNDELIVERABLE, null, reason);
                }
            } catch (ApiException e) {
                return retry(message, job, attempt, null, new Reason(Reason.UNAVAILABLE, "dynamodb unavailable (campaign)"));
            }
        }
        return send(message, job, recipient, attempt, misconfigured);
    }

    private Outcome send(Message message, NotificationJob job, Recipient recipient, DeliveryStore.Attempt attempt,
                         AtomicBoolean misconfigured) {
        Channel channel = null;
        String text = null;
        try {
            Instant now = clock.instant();
            NotificationTemplate template = templates.find(job.templateKey()).orElse(null);
            if (template == null) {
                return fail(job, attempt, null, new Reason(Reason.TEMPLATE_UNKNOWN, "no template " + job.templateKey()
                        + " in the province configuration"), null);
            }
            TemplateRendering.Result rendering = TemplateRendering.render(template, job.parameters());
            if (rendering instanceof TemplateRendering.Problem problem) {
                return fail(job, attempt, null, problem.reason(), null);
            }
            TemplateRendering.Rendered rendered = ((TemplateRendering.Ok) rendering).rendered();
            text = rendered.oaText();
            ChannelChoice.Choice choice = ChannelChoice.choose(recipient, template, now, settings.interactionWindow());
            if (choice instanceof ChannelChoice.Undeliverable u) {
                store.undeliverable(attempt, u.reason(), now);
                log("notification undeliverable", job, u.reason());
                return Outcome.done(Kind.UNDELIVERABLE, null, u.reason());
            }
            ChannelChoice.Send send = (ChannelChoice.Send) choice;
            channel = send.channel();
            if (misconfigured.get()) {
                return retry(message, job, attempt, channel, new Reason(Reason.ZALO_MISCONFIGURED,
                        "not tried: Zalo is misconfigured (see the ERROR line)"));
            }
            if (channel != Channel.OA) {
                String templateId = template.znsTemplateId();
                String tag = withToken(token -> tags.tag(templateId, token, zalo::templateTag));
                if (SendingHours.restricted(tag) && !SendingHours.open(now)) {
                    return defer(message, job, attempt, channel, SendingHours.nextOpening(now));
                }
            }
            String msgId;
            try {
                msgId = deliver(channel, job, recipient, template, rendered);
            } catch (ZaloException e) {
                if (send.fallback() == null || !refusesUserId(e)) {
                    throw e;
                }
                // Zalo will not take this user id (or this template by user id): the phone path, at once.
                log("template by user id refused; sending by phone", job, Reason.zalo(e.zaloCode(), e.httpStatus(),
                        e.reason()));
                channel = send.fallback();
                msgId = deliver(channel, job, recipient, template, rendered);
            }
            return recordSent(job, attempt, channel, msgId, text);
        } catch (ZaloException e) {
            Reason reason = Reason.zalo(e.zaloCode(), e.httpStatus(), e.reason());
            return switch (ErrorPolicy.of(e)) {
                case FAIL -> fail(job, attempt, channel, reason, text);
                case DEFER_TO_SENDING_HOURS -> {
                    Instant opening = SendingHours.nextOpening(clock.instant());
                    yield opening.isAfter(clock.instant()) ? defer(message, job, attempt, channel, opening)
                            : retry(message, job, attempt, channel, reason);   // our clock says open: Zalo's differs
                }
                case MISCONFIGURED -> {
                    misconfiguredAlarm(e.reason(), e.zaloCode(), e.endpoint(), misconfigured);
                    yield retry(message, job, attempt, channel, new Reason(Reason.ZALO_MISCONFIGURED, e.reason()));
                }
                // INVALID_TOKEN here means the resend with a fresh token was rejected too.
                case REFRESH_TOKEN_AND_RESEND, RETRY_LATER -> retry(message, job, attempt, channel, reason);
            };
        } catch (OaTokenException e) {
            if (e.kind() == ZaloException.Kind.MISCONFIGURED) {
                misconfigured.set(true);
                return retry(message, job, attempt, channel, new Reason(Reason.ZALO_MISCONFIGURED, e.reason()));
            }
            return retry(message, job, attempt, channel, new Reason("OA_TOKEN", e.reason()));
        } catch (ApiException e) {
            return retry(message, job, attempt, channel, new Reason(Reason.UNAVAILABLE, "a dependency is unavailable: "
                    + e.code()));
        } catch (RuntimeException e) {
            JsonLog.error("notification dispatch failed", Map.of("jobId", job.jobId(),
                    "deduplicationKey", job.deduplicationKey()), e);
            return retry(message, job, attempt, channel, new Reason("INTERNAL", e.getClass().getSimpleName()));
        }
    }

    /** One send on one path; Zalo's message id. */
    private String deliver(Channel channel, NotificationJob job, Recipient recipient, NotificationTemplate template,
                           TemplateRendering.Rendered rendered) {
        return switch (channel) {
            case ZNS -> {
                ZnsMessage zns = new ZnsMessage(recipient.phone(), template.znsTemplateId(), rendered.znsData(),
                        job.deduplicationKey(), false);
                yield withToken(token -> zalo.sendZns(token, zns));
            }
            case ZBS_UID -> {
                ZbsUidMessage zbs = new ZbsUidMessage(recipient.followerId(), template.znsTemplateId(),
                        rendered.znsData(), job.deduplicationKey());
                yield withToken(token -> zalo.sendZbsByUserId(token, zbs));
            }
            case OA -> {
                String oaText = rendered.oaText();
                yield withToken(token -> zalo.sendOaText(token, recipient.followerId(), oaText));
            }
        };
    }

    /** A permanent refusal of the recipient's user id or of the template by user id: the phone may still work. */
    private static boolean refusesUserId(ZaloException e) {
        return ErrorPolicy.of(e) == ErrorPolicy.Action.FAIL && ErrorPolicy.USER_ID_REFUSALS.contains(e.zaloCode());
    }

    /** Calls Zalo with the current token; when Zalo rejects the token, once more with a renewed one. */
    private String withToken(Function<String, String> call) {
        String token = tokens.accessToken();
        try {
            return call.apply(token);
        } catch (ZaloException e) {
            if (e.kind() != ZaloException.Kind.INVALID_TOKEN) {
                throw e;
            }
            return call.apply(tokens.renewAfterRejected(token));
        }
    }

    private Outcome recordSent(NotificationJob job, DeliveryStore.Attempt attempt, Channel channel, String msgId,
                               String text) {
        for (int write = 1; write <= RECORD_ATTEMPTS; write++) {
            try {
                store.sent(attempt, channel, msgId, text, clock.instant());
                return Outcome.sent(channel, msgId);
            } catch (ApiException e) {
                pause(Duration.ofMillis(100L * write));
            }
        }
        // Zalo has it: deleting the message is what keeps it from being sent twice. The record stays
        // SENDING (its lease expires with nothing left to retry it).
        JsonLog.error("notification sent but not recorded; it will not be sent again",
                Map.of("jobId", job.jobId(), "deduplicationKey", job.deduplicationKey(), "zaloMsgId", msgId), null);
        return Outcome.done(Kind.SENT_UNRECORDED, channel, null);
    }

    private Outcome fail(NotificationJob job, DeliveryStore.Attempt attempt, Channel channel, Reason reason, String text) {
        store.failed(attempt, channel, reason, false, text, clock.instant());
        log("notification failed", job, reason);
        return Outcome.done(Kind.FAILED, channel, reason);
    }

    /**
     * A transient failure: back after a growing delay, or, on the last receive the queue allows, FAILED
     * (redrivable) with the message kept so that the next receive moves it to the dead-letter queue.
     *
     * @param attempt null when no lease was taken (nothing is recorded then)
     */
    private Outcome retry(Message message, NotificationJob job, DeliveryStore.Attempt attempt, Channel channel,
                          Reason reason) {
        Instant now = clock.instant();
        if (message.receiveCount() >= settings.maxReceiveCount()) {
            Reason exhausted = new Reason(Reason.RETRIES_EXHAUSTED, "after " + message.receiveCount() + " attempts: "
                    + reason.code() + " " + reason.text());
            if (attempt != null) {
                quietly(() -> store.failed(attempt, channel, exhausted, true, null, now));
            }
            log("notification retries exhausted; moves to the dead-letter queue", job, reason);
            return Outcome.kept(Kind.EXHAUSTED, channel, reason, Duration.ZERO);
        }
        Duration delay = settings.backoff().delay(message.receiveCount(), random);
        if (attempt != null) {
            quietly(() -> store.retrying(attempt, channel, reason, now.plus(delay), now));
        }
        return Outcome.kept(Kind.RETRY, channel, reason, delay);
    }

    private Outcome retryMessage(Message message, Reason reason) {
        if (message.receiveCount() >= settings.maxReceiveCount()) {
            return Outcome.kept(Kind.EXHAUSTED, null, reason, Duration.ZERO);
        }
        return Outcome.kept(Kind.RETRY, null, reason, settings.backoff().delay(message.receiveCount(), random));
    }

    /**
     * Waits for {@code notBefore} (plus a random spread, so a night's messages do not all arrive at
     * 07:00:00): the message stays invisible that long (one receive spent), or, when the message has
     * too few receives left for the sends after it, a delayed copy replaces it (a fresh receive count;
     * SQS delays at most 15 minutes, so the copy is deferred again when it arrives).
     */
    private Outcome defer(Message message, NotificationJob job, DeliveryStore.Attempt attempt, Channel channel,
                          Instant notBefore) {
        Instant now = clock.instant();
        Reason reason = new Reason(Reason.OUTSIDE_SENDING_HOURS, "the template is sent only 07:00-22:00 Vietnam time;"
                + " waits until " + notBefore);
        if (attempt != null) {
            quietly(() -> store.deferred(attempt, channel, reason, notBefore, now));
        }
        long spreadMs = settings.deferSpread().toMillis();
        Duration wait = max(Duration.ofSeconds(1), Duration.between(now, notBefore)
                .plusMillis(spreadMs <= 0 ? 0 : random.nextLong(spreadMs + 1)));
        int receivesLeft = settings.maxReceiveCount() - message.receiveCount();
        if (receivesLeft >= MIN_RECEIVES_AFTER_DEFERRAL && wait.compareTo(Backoff.SQS_MAX_VISIBILITY) <= 0) {
            return Outcome.kept(Kind.DEFERRED, channel, reason, wait);
        }
        if (queue.requeue(message.body(), job.type(), wait)) {
            return Outcome.done(Kind.DEFERRED, channel, reason);
        }
        return Outcome.kept(Kind.DEFERRED, channel, reason, min(wait, Backoff.SQS_MAX_VISIBILITY));
    }

    private void misconfiguredAlarm(String reason, int zaloCode, String endpoint, AtomicBoolean misconfigured) {
        if (misconfigured.compareAndSet(false, true)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", reason);
            fields.put("zaloError", zaloCode);
            fields.put("endpoint", endpoint);
            JsonLog.error("zalo misconfigured: notifications are not being sent", fields, null);
        }
    }

    private static void log(String message, NotificationJob job, Reason reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("jobId", job.jobId());
        fields.put("deduplicationKey", job.deduplicationKey());
        fields.put("correlationId", job.correlationId());
        fields.put("reasonCode", reason.code());
        fields.put("reason", reason.text());
        JsonLog.warn(message, fields);
    }

    /** A record write after the decision: if DynamoDB fails now, the lease expires and the message decides. */
    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (ApiException e) {
            // Nothing else to do: the message is kept or deleted as decided.
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
