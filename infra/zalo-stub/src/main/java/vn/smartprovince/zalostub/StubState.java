package vn.smartprovince.zalostub;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the stub remembers: apps, users, tokens, templates, the inbox, the call log and the
 * ZNS quota. Not thread-safe by itself: every access holds this object's monitor
 * ({@code synchronized (state)}), which the API classes do.
 */
final class StubState {
    enum TokenKind { USER_ACCESS, PHONE_CODE, LOCATION_CODE, OA_ACCESS, OA_REFRESH }

    static final class Token {
        final String value;
        final TokenKind kind;
        final String appId;
        final String userId;
        final Instant issuedAt;
        Instant expiresAt;
        boolean revoked;
        boolean spent;

        Token(String value, TokenKind kind, String appId, String userId, Instant issuedAt, Instant expiresAt) {
            this.value = value;
            this.kind = kind;
            this.appId = appId;
            this.userId = userId;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
        }

        boolean usableAt(Instant now) {
            return !revoked && !spent && now.isBefore(expiresAt);
        }
    }

    static final class User {
        String id;
        String appId;
        String name;
        String avatar;
        String phone;
        String followerId;
        boolean followed;
        Instant lastInteraction;
        boolean oaAdmin;
        boolean znsReceivable = true;
        double latitude = 11.31;
        double longitude = 106.10;
    }

    /** A message the stub accepted: ZNS (to a phone) or OA (to a follower). */
    record InboxEntry(String channel, String id, String phone, String userId, String followerId, String templateId,
                      JsonNode templateData, String trackingId, String mode, String messageType, JsonNode message,
                      Instant sentAt) {
    }

    /** One call to a Zalo endpoint. {@code outcome}: "ok", "error -124", "http 503", "timeout". */
    record Call(long seq, String endpoint, String method, String path, Instant time, String outcome, Integer error,
                int httpStatus, boolean fault, long latencyMs) {
    }

    /**
     * Where the stub posts a delivery receipt for each message it accepts ({@link AutoReceipts}).
     *
     * @param url     the webhook (null: none)
     * @param delay   how long after the message was accepted
     * @param enabled off: nothing is posted (the url is kept)
     */
    record ReceiptSettings(String url, java.time.Duration delay, boolean enabled) {
        static final ReceiptSettings OFF = new ReceiptSettings(null, java.time.Duration.ZERO, false);

        boolean active() {
            return enabled && url != null;
        }
    }

    /** One automatic receipt posted: for which message, what the webhook answered ({@code status} null: unreachable). */
    record ReceiptDelivery(String msgId, String channel, Instant at, Integer status, String error) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    final StubConfig config;
    final StubClock clock = new StubClock();
    final Map<String, String> appSecrets = new HashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Token> tokens = new HashMap<>();
    final Map<String, ZnsTemplate> templates = new LinkedHashMap<>();
    final List<InboxEntry> inbox = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    final Map<LocalDate, Long> znsUsed = new HashMap<>();
    long dailyZnsQuota;
    String currentOaAccessToken;
    String currentOaRefreshToken;
    /** What a reset restores: set by whoever started the stub (ZaloStub.configureAutoReceipts). */
    ReceiptSettings configuredReceipts = ReceiptSettings.OFF;
    ReceiptSettings receipts = ReceiptSettings.OFF;
    final List<ReceiptDelivery> receiptDeliveries = new ArrayList<>();
    int receiptsPending;
    /** Grows with every reset: a receipt scheduled before a reset is not posted after it. */
    long receiptGeneration;
    private long callSeq;

    StubState(StubConfig config) {
        this.config = config;
        reset();
    }

    /** Back to the configuration: no users, the first OA token pair, the configured templates, empty logs. */
    void reset() {
        clock.release();
        appSecrets.clear();
        appSecrets.put(config.appId(), config.appSecret());
        users.clear();
        tokens.clear();
        templates.clear();
        config.templates().forEach(t -> templates.put(t.id(), t));
        inbox.clear();
        calls.clear();
        znsUsed.clear();
        dailyZnsQuota = config.dailyZnsQuota();
        receipts = configuredReceipts;
        receiptDeliveries.clear();
        receiptsPending = 0;
        receiptGeneration++;
        callSeq = 0;
        Instant now = clock.now();
        installOaTokens(config.oaAccessToken(), config.oaRefreshToken(), now);
    }

    void installOaTokens(String access, String refresh, Instant now) {
        tokens.put(access, new Token(access, TokenKind.OA_ACCESS, config.appId(), null, now,
                now.plus(config.oaAccessTokenTtl())));
        tokens.put(refresh, new Token(refresh, TokenKind.OA_REFRESH, config.appId(), null, now,
                now.plus(config.oaRefreshTokenTtl())));
        currentOaAccessToken = access;
        currentOaRefreshToken = refresh;
    }

    Token issue(TokenKind kind, String appId, String userId, java.time.Duration ttl) {
        Instant now = clock.now();
        String value;
        do {
            value = newTokenValue(kind);
        } while (tokens.containsKey(value));
        Token token = new Token(value, kind, appId, userId, now, now.plus(ttl));
        tokens.put(value, token);
        return token;
    }

    /** A usable token of this kind, or empty (unknown, of another kind, revoked, expired or spent). */
    Optional<Token> usable(String value, TokenKind kind) {
        if (value == null) {
            return Optional.empty();
        }
        Token token = tokens.get(value);
        if (token == null || token.kind != kind || !token.usableAt(clock.now())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** The secret of an app the stub knows (the configured one, or another app made for a test). */
    String secretOf(String appId) {
        return appSecrets.computeIfAbsent(appId, id -> "other-app-secret-" + randomHex(16));
    }

    Optional<User> userByPhone(String phone) {
        return users.values().stream().filter(u -> phone.equals(u.phone)).findFirst();
    }

    Optional<User> userByFollowerId(String followerId) {
        return users.values().stream().filter(u -> followerId.equals(u.followerId)).findFirst();
    }

    LocalDate vietnamDay() {
        return clock.now().atZone(StubClock.VIETNAM).toLocalDate();
    }

    long znsUsedToday() {
        return znsUsed.getOrDefault(vietnamDay(), 0L);
    }

    void record(Endpoint endpoint, String method, String path, String outcome, Integer error, int httpStatus,
                boolean fault, long latencyMs) {
        calls.add(new Call(++callSeq, endpoint == null ? "unknown" : endpoint.id(), method, path, clock.now(), outcome,
                error, httpStatus, fault, latencyMs));
    }

    static String newTokenValue(TokenKind kind) {
        // Opaque URL-safe strings of about Zalo's length; the prefix only helps a human reading a log.
        byte[] bytes = new byte[kind == TokenKind.PHONE_CODE || kind == TokenKind.LOCATION_CODE ? 48 : 96];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A Zalo-like numeric id: 19 digits, not starting with 0. */
    static String randomNumericId() {
        StringBuilder id = new StringBuilder().append(1 + RANDOM.nextInt(8));
        for (int i = 1; i < 19; i++) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }
}
