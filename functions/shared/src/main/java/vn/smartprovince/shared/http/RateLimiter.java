package vn.smartprovince.shared.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * Fixed-window counters in the main table, for routes that must hold back a client (a public
 * look-up, a guessable second factor). One item per limit, subject and window:
 * {@code pk = RATE#<limit>#<subject>#<window index>}, {@code sk = RATE}, {@code hits} added with one
 * conditional {@code UpdateItem} (no read first, so concurrent requests cannot both take the last
 * hit), {@code expiresAt} (TTL) one window after the window ends, so the table cleans itself.
 *
 * <p>A fixed window lets a client spend up to twice a limit across a window's edge; that is the
 * price of one write per request and is accounted for in the limits chosen by each route. The
 * subject is whatever the route limits (a source IP, a code): it is stored in the key, so it must
 * not be personal data beyond what the access logs already hold.
 */
public final class RateLimiter {
    static final String SORT_KEY = "RATE";

    /** A named limit: at most {@code max} hits per {@code window}. */
    public record Limit(String name, int max, Duration window) {
        public Limit {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs max >= 1 and a positive window");
            }
        }
    }

    /** Whether the hit was counted, and when a refused client may try again. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public RateLimiter(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * Counts {@code cost} hits for {@code subject} when they still fit in the current window (nothing
     * is counted otherwise).
     */
    public Decision hit(Limit limit, String subject, int cost) {
        Instant now = clock.instant();
        long index = now.getEpochSecond() / limit.window().toSeconds();
        long windowEnd = (index + 1) * limit.window().toSeconds();
        try {
            DynamoDbCalls.call(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(limit, subject, index))
                    .updateExpression("ADD hits :cost SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(hits) OR hits <= :room")
                    .expressionAttributeValues(Map.of(
                            ":cost", AttributeValue.fromN(Integer.toString(cost)),
                            ":room", AttributeValue.fromN(Integer.toString(limit.max() - cost)),
                            ":expires", AttributeValue.fromN(Long.toString(windowEnd + limit.window().toSeconds()))))));
            return new Decision(true, 0);
        } catch (ConditionalCheckFailedException e) {
            return new Decision(false, Math.max(1, windowEnd - now.getEpochSecond()));
        }
    }

    /** Whether {@code subject} has used up {@code limit} in the current window, without counting a hit. */
    public Decision peek(Limit limit, String subject) {
        Instant now = clock.instant();
        long index = now.getEpochSecond() / limit.window().toSeconds();
        long windowEnd = (index + 1) * limit.window().toSeconds();
        Map<String, AttributeValue> item = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table)
                .key(key(limit, subject, index)).consistentRead(true))).item();
        long hits = item == null || !item.containsKey("hits") ? 0 : Long.parseLong(item.get("hits").n());
        return hits >= limit.max() ? new Decision(false, Math.max(1, windowEnd - now.getEpochSecond()))
                : new Decision(true, 0);
    }

    /** 429 {@code THROTTLED} (detail code {@code RATE_LIMITED}, naming the limit) with {@code Retry-After}. */
    public static ApiException refused(Decision decision) {
        return new ApiException(ErrorCode.THROTTLED, null,
                List.of(new FieldError("request", "RATE_LIMITED",
                        "Bạn đã tra cứu quá nhiều lần, vui lòng thử lại sau " + decision.retryAfterSeconds() + " giây.",
                        "Too many look-ups; retry in " + decision.retryAfterSeconds() + " seconds.")),
                Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())), null);
    }

    static Map<String, AttributeValue> key(Limit limit, String subject, long index) {
        return Map.of("pk", AttributeValue.fromS("RATE#" + limit.name() + "#" + subject + "#" + index),
                "sk", AttributeValue.fromS(SORT_KEY));
    }
}
