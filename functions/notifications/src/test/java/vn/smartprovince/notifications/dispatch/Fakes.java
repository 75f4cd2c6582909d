package vn.smartprovince.notifications.dispatch;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.notifications.dispatch.token.AccessTokens;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.zalo.ZaloFailures;
import vn.smartprovince.shared.zalo.ZnsMessage;

/** Test doubles of the dispatcher's gateways. */
final class Fakes {
    private Fakes() {
    }

    /** Zalo: records every call; the next sends fail with the queued errors; tokens other than the valid one are refused (-124). */
    static final class Zalo implements ZaloGateway {
        record Call(String kind, String token, String to, String templateId, Map<String, String> data,
                    String trackingId, String text) {
        }

        final List<Call> calls = new ArrayList<>();
        final Deque<RuntimeException> nextSendFailures = new ArrayDeque<>();
        final Map<String, String> tags = new HashMap<>();
        volatile String validToken = "token-1";
        volatile RuntimeException everySend;
        private int ids;

        synchronized List<Call> sends() {
            return calls.stream().filter(c -> !c.kind().equals("tag")).toList();
        }

        private synchronized String call(Call call) {
            calls.add(call);
            if (!call.token().equals(validToken)) {
                throw ZaloFailures.code(-124);
            }
            if (!call.kind().equals("tag")) {
                if (everySend != null) {
                    throw everySend;
                }
                RuntimeException failure = nextSendFailures.poll();
                if (failure != null) {
                    throw failure;
                }
            }
            return "msg-" + (++ids);
        }

        @Override
        public String sendZns(String token, ZnsMessage message) {
            return call(new Call("zns", token, message.phone(), message.templateId(), message.templateData(),
                    message.trackingId(), null));
        }

        @Override
        public String sendZbsByUserId(String token, vn.smartprovince.shared.zalo.ZbsUidMessage message) {
            return call(new Call("zbs_uid", token, message.userId(), message.templateId(), message.templateData(),
                    message.trackingId(), null));
        }

        @Override
        public String sendOaText(String token, String followerId, String text) {
            return call(new Call("oa", token, followerId, null, null, null, text));
        }

        @Override
        public String templateTag(String token, String templateId) {
            call(new Call("tag", token, null, templateId, null, null, null));
            return tags.getOrDefault(templateId, "TRANSACTION");
        }
    }

    /** Tokens: a refresh hands out the next one (and tells the fake Zalo it is the valid one). */
    static final class Tokens implements AccessTokens {
        private final Zalo zalo;
        private String current = "token-1";
        private int refreshes;

        Tokens(Zalo zalo) {
            this.zalo = zalo;
        }

        @Override
        public synchronized String accessToken() {
            return current;
        }

        @Override
        public synchronized String renewAfterRejected(String rejected) {
            if (rejected.equals(current)) {
                refreshes++;
                current = "token-" + (refreshes + 1);
                zalo.validToken = current;
            }
            return current;
        }

        @Override
        public synchronized long refreshes() {
            return refreshes;
        }
    }

    static final class Queue implements QueueControl {
        final Map<String, Duration> delays = new LinkedHashMap<>();
        final List<String> requeued = new ArrayList<>();
        final List<Duration> requeueDelays = new ArrayList<>();
        volatile boolean requeueWorks = true;

        @Override
        public synchronized void delay(Map<String, Duration> visibility) {
            delays.putAll(visibility);
        }

        @Override
        public synchronized boolean requeue(String body, String type, Duration delay) {
            if (requeueWorks) {
                requeued.add(body);
                requeueDelays.add(delay);
            }
            return requeueWorks;
        }
    }

    /** Captures JsonLog lines while open. */
    static final class Logs implements AutoCloseable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Logs() {
            JsonLog.redirect(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return text().lines().toList();
        }

        @Override
        public void close() {
            JsonLog.redirect(System.out);
        }
    }
}
