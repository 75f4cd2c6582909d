package vn.smartprovince.dossiers.onestop;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.onestop.UpdateVerifier.Accepted;
import vn.smartprovince.dossiers.onestop.UpdateVerifier.Reason;
import vn.smartprovince.dossiers.onestop.UpdateVerifier.Rejected;
import vn.smartprovince.dossiers.onestop.UpdateVerifier.Verdict;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.onestop.OneStopCredentials;
import vn.smartprovince.shared.onestop.OneStopSignature;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;

/**
 * {@code OneStopUpdatesFunction}: {@code POST /v1/one-stop/updates}, public (the one-stop system
 * calls it; its signature is the authentication). Verifies ({@link UpdateVerifier}), claims the
 * signature once ({@link SignatureClaims}: 409 {@code REPLAYED} for a second delivery of the same
 * signed request), puts the raw body on {@code OneStopInboundQueue} and answers 202
 * {@code {"accepted": true}}; {@code officer.OneStopInboundHandler} applies it. A refused request
 * enqueues nothing. Errors: 401 {@code UNAUTHORIZED} (detail {@code SIGNATURE_MISSING},
 * {@code SIGNATURE_INVALID}, {@code TIMESTAMP_STALE}, {@code TIMESTAMP_IN_FUTURE}), 400 (timestamp
 * header missing or not epoch seconds, empty or non-UTF-8 body), 409 {@code CONFLICT} (detail
 * {@code REPLAYED}), 413, 503 when the secret, the table or the queue is unavailable.
 *
 * <p>Variables: {@code ONE_STOP_SECRET_NAME} (Secrets Manager, {@code {"apiKey", "signingSecret"}}),
 * {@code ONE_STOP_MAX_AGE_SECONDS} (30-3600, default 300), {@code ONE_STOP_INBOUND_QUEUE_URL},
 * {@code MAIN_TABLE}.
 */
public final class OneStopUpdatesHandler extends HttpFunction {
    static final String SECRET_NAME = "ONE_STOP_SECRET_NAME";
    static final String MAX_AGE_SECONDS = "ONE_STOP_MAX_AGE_SECONDS";
    static final String QUEUE_URL = "ONE_STOP_INBOUND_QUEUE_URL";

    /** Where verified updates wait for the consumer. */
    @FunctionalInterface
    interface InboundQueue {
        /** @throws ApiException 503 when the queue cannot take it now (the one-stop retries) */
        void enqueue(String rawBody);
    }

    private final UpdateVerifier verifier;
    private final SignatureClaims claims;
    private final InboundQueue queue;
    private final Clock clock;

    public OneStopUpdatesHandler() {
        this(Env.current());
    }

    OneStopUpdatesHandler(Env env) {
        this(env, Wiring.of(env), SecretsManagerSecrets.cached(env), Clock.systemUTC());
    }

    OneStopUpdatesHandler(Env env, Wiring wiring, Secrets secrets, Clock clock) {
        this(verifier(env, secrets, clock), new SignatureClaims(wiring.dynamoDb(), wiring.table()),
                sqsQueue(AwsClients.sqs(env), env.required(QUEUE_URL)), clock);
    }

    OneStopUpdatesHandler(UpdateVerifier verifier, SignatureClaims claims, InboundQueue queue, Clock clock) {
        this.verifier = verifier;
        this.claims = claims;
        this.queue = queue;
        this.clock = clock;
    }

    static UpdateVerifier verifier(Env env, Secrets secrets, Clock clock) {
        String secretName = env.required(SECRET_NAME);
        Duration window = Duration.ofSeconds(env.number(MAX_AGE_SECONDS, UpdateVerifier.DEFAULT_WINDOW.toSeconds(),
                30, 3600));
        return new UpdateVerifier(() -> signingSecret(secrets.value(secretName), secretName), window, clock);
    }

    /** The {@code signingSecret} of the secret's JSON ({@link OneStopCredentials}, one parser for every reader). */
    static String signingSecret(String secretJson, String secretName) {
        try {
            return OneStopCredentials.parse(secretJson).signingSecret();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Secret \"" + secretName + "\": " + e.getMessage()
                    + " (docs/configuration.md)");
        }
    }

    static InboundQueue sqsQueue(SqsClient sqs, String queueUrl) {
        return rawBody -> {
            try {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(rawBody));
            } catch (SdkClientException e) {
                throw ApiException.unavailable("sqs");
            } catch (SqsException e) {
                if (e.statusCode() >= 500 || e.isThrottlingException()) {
                    throw ApiException.unavailable("sqs");
                }
                throw e;
            }
        };
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        Verdict verdict = verifier.verify(request.header(OneStopSignature.SIGNATURE_HEADER).orElse(null),
                request.header(OneStopSignature.TIMESTAMP_HEADER).orElse(null), request.rawBody());
        if (verdict instanceof Rejected rejected) {
            JsonLog.warn("one-stop update rejected", Map.of("requestId", request.requestId(),
                    "reason", rejected.reason().name()));
            throw refusal(rejected.reason());
        }
        Accepted update = (Accepted) verdict;
        if (!claims.claim(update.signature(), clock.instant(), verifier.window().multipliedBy(2))) {
            JsonLog.warn("one-stop update rejected", Map.of("requestId", request.requestId(), "reason", "REPLAYED"));
            throw new ApiException(ErrorCode.CONFLICT, "REPLAYED", List.of(new FieldError(
                    "X-OneStop-Signature", "REPLAYED", "Cập nhật này đã được nhận (gửi lại cùng chữ ký).",
                    "This update was already received (the same signed request again).")), Map.of(), null);
        }
        queue.enqueue(update.body());
        JsonLog.info("one-stop update accepted", Map.of("requestId", request.requestId(),
                "bytes", update.body().length()));
        return HttpResponse.json(202, Map.of("accepted", true));
    }

    static ApiException refusal(Reason reason) {
        FieldError detail = new FieldError(reason.field, reason.name(), vietnamese(reason), english(reason));
        ErrorCode code = switch (reason.status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            default -> ErrorCode.VALIDATION_FAILED;
        };
        return new ApiException(code, reason.name(), List.of(detail), Map.of(), null);
    }

    private static String vietnamese(Reason reason) {
        return switch (reason) {
            case BODY_TOO_LARGE -> "Nội dung cập nhật quá lớn (tối đa 200 KB).";
            case SIGNATURE_MISSING -> "Thiếu chữ ký X-OneStop-Signature.";
            case TIMESTAMP_MISSING -> "Thiếu thời điểm ký X-OneStop-Timestamp.";
            case TIMESTAMP_INVALID -> "X-OneStop-Timestamp phải là số giây (epoch).";
            case SIGNATURE_INVALID -> "Chữ ký X-OneStop-Signature không đúng.";
            case TIMESTAMP_STALE -> "Cập nhật đã quá cũ (X-OneStop-Timestamp ngoài khoảng cho phép).";
            case TIMESTAMP_IN_FUTURE -> "Thời điểm ký ở tương lai (X-OneStop-Timestamp ngoài khoảng cho phép).";
            case BODY_MISSING -> "Thiếu nội dung cập nhật.";
            case BODY_NOT_UTF8 -> "Nội dung cập nhật không phải UTF-8.";
        };
    }

    private static String english(Reason reason) {
        return switch (reason) {
            case BODY_TOO_LARGE -> "The update is too large (200 KB at most).";
            case SIGNATURE_MISSING -> "The X-OneStop-Signature header is missing.";
            case TIMESTAMP_MISSING -> "The X-OneStop-Timestamp header is missing.";
            case TIMESTAMP_INVALID -> "X-OneStop-Timestamp must be epoch seconds.";
            case SIGNATURE_INVALID -> "The X-OneStop-Signature does not match the update.";
            case TIMESTAMP_STALE -> "The update is too old (X-OneStop-Timestamp outside the allowed window).";
            case TIMESTAMP_IN_FUTURE -> "The signing time is in the future (X-OneStop-Timestamp outside the allowed window).";
            case BODY_MISSING -> "The update body is missing.";
            case BODY_NOT_UTF8 -> "The update body is not UTF-8.";
        };
    }
}
