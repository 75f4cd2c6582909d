package vn.smartprovince.notifications.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Accepted;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Reason;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Rejected;
import vn.smartprovince.notifications.webhook.WebhookVerifier.Verdict;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;

/**
 * {@code ZaloWebhookFunction}: {@code POST /v1/zalo/webhook}, public (Zalo calls it; the signature is
 * the authentication). Zalo wants a 200 within 2 seconds and retries otherwise, so this only
 * verifies ({@link WebhookVerifier}), puts the raw event on {@code ZaloEventQueue} and answers;
 * {@link ZaloEventConsumerHandler} applies it. A refused request enqueues nothing.
 *
 * <p>Answers: 200 {@code {"received": true}}; 401 {@code UNAUTHORIZED} for a missing, forged or
 * stale signature (detail {@code X-ZEvent-Signature} / {@code timestamp} with the reason); 400 for a
 * body that cannot be verified (not UTF-8 JSON, not an object, no timestamp) or has no
 * {@code event_name}; 413 over 200 KB; 503 when the OA secret or the queue is unavailable.
 * Logs the event's name or the reason, never the body.
 */
public final class ZaloWebhookHandler extends HttpFunction {
    private final WebhookVerifier verifier;
    private final ZaloEventQueue queue;

    public ZaloWebhookHandler() {
        this(Env.current());
    }

    ZaloWebhookHandler(Env env) {
        this(env, Clock.systemUTC());
    }

    ZaloWebhookHandler(Env env, Clock clock) {
        this(WebhookWiring.verifier(env, clock),
                new SqsZaloEventQueue(AwsClients.sqs(env), env.required(WebhookWiring.EVENT_QUEUE_URL)));
    }

    ZaloWebhookHandler(WebhookVerifier verifier, ZaloEventQueue queue) {
        this.verifier = verifier;
        this.queue = queue;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Verdict verdict = verifier.verify(request.header(WebhookSignature.HEADER).orElse(null), request.rawBody());
        if (verdict instanceof Rejected rejected) {
            JsonLog.warn("zalo webhook rejected", Map.of("requestId", request.requestId(),
                    "reason", rejected.reason().name()));
            throw refusal(rejected.reason());
        }
        Accepted event = (Accepted) verdict;
        queue.enqueue(event.body(), event.eventName());
        JsonLog.info("zalo webhook accepted", Map.of("requestId", request.requestId(),
                "eventName", LogText.name(event.eventName())));
        return HttpResponse.ok(Map.of("received", true));
    }

    static ApiException refusal(Reason reason) {
        FieldError detail = new FieldError(reason.field, reason.name(), vietnamese(reason), english(reason));
        ErrorCode code = switch (reason.status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> reason == Reason.BODY_NOT_JSON || reason == Reason.BODY_NOT_UTF8
                    ? ErrorCode.MALFORMED_JSON : ErrorCode.VALIDATION_FAILED;
        };
        return new ApiException(code, reason.name(), List.of(detail), Map.of(), null);
    }

    private static String vietnamese(Reason reason) {
        return switch (reason) {
            case BODY_TOO_LARGE -> "Nội dung sự kiện quá lớn.";
            case SIGNATURE_MISSING -> "Thiếu chữ ký X-ZEvent-Signature.";
            case SIGNATURE_INVALID -> "Chữ ký X-ZEvent-Signature không đúng.";
            case TIMESTAMP_STALE -> "Sự kiện đã quá cũ (timestamp ngoài khoảng cho phép).";
            case TIMESTAMP_IN_FUTURE -> "Thời điểm của sự kiện ở tương lai (timestamp ngoài khoảng cho phép).";
            case BODY_MISSING -> "Thiếu nội dung sự kiện.";
            case BODY_NOT_UTF8 -> "Nội dung sự kiện không phải UTF-8.";
            case BODY_NOT_JSON -> "Nội dung sự kiện không phải JSON hợp lệ.";
            case BODY_NOT_OBJECT -> "Nội dung sự kiện phải là một đối tượng JSON.";
            case TIMESTAMP_MISSING -> "Thiếu trường timestamp.";
            case TIMESTAMP_INVALID -> "Trường timestamp phải là số mili giây.";
            case EVENT_NAME_MISSING -> "Thiếu trường event_name.";
        };
    }

    private static String english(Reason reason) {
        return switch (reason) {
            case BODY_TOO_LARGE -> "The event is too large.";
            case SIGNATURE_MISSING -> "The X-ZEvent-Signature header is missing.";
            case SIGNATURE_INVALID -> "The X-ZEvent-Signature does not match the event.";
            case TIMESTAMP_STALE -> "The event is too old (timestamp outside the allowed window).";
            case TIMESTAMP_IN_FUTURE -> "The event's time is in the future (timestamp outside the allowed window).";
            case BODY_MISSING -> "The event body is missing.";
            case BODY_NOT_UTF8 -> "The event body is not UTF-8.";
            case BODY_NOT_JSON -> "The event body is not valid JSON.";
            case BODY_NOT_OBJECT -> "The event body must be a JSON object.";
            case TIMESTAMP_MISSING -> "The timestamp field is missing.";
            case TIMESTAMP_INVALID -> "The timestamp field must be epoch milliseconds.";
            case EVENT_NAME_MISSING -> "The event_name field is missing.";
        };
    }
}
