package vn.smartprovince.notifications.webhook;

import java.time.Clock;
import java.time.Duration;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;

/**
 * Builds the webhook's and the consumer's collaborators from a function's {@link Env}, by hand, once
 * per function instance (in the handler's constructor, so SnapStart snapshots them).
 *
 * <table>
 *   <caption>Variables read here (besides MAIN_TABLE)</caption>
 *   <tr><td>{@code ZALO_APP_ID}</td><td>the Zalo App id, first part of what Zalo signs</td></tr>
 *   <tr><td>{@code ZALO_OA_SECRET_NAME}</td><td>Secrets Manager secret holding the OA secret key (the value as it is)</td></tr>
 *   <tr><td>{@code ZALO_EVENT_QUEUE_URL}</td><td>the webhook's queue (ZaloEventQueue)</td></tr>
 *   <tr><td>{@code ZALO_WEBHOOK_MAX_AGE_SECONDS}</td><td>how far an event's timestamp may be from now, 30–3600, default 300</td></tr>
 *   <tr><td>{@code OA_MESSAGE_RETENTION_DAYS}</td><td>how long citizens' messages to the OA are kept, 1–730, default 90</td></tr>
 * </table>
 */
final class WebhookWiring {
    static final String APP_ID = "ZALO_APP_ID";
    static final String OA_SECRET_NAME = "ZALO_OA_SECRET_NAME";
    static final String EVENT_QUEUE_URL = "ZALO_EVENT_QUEUE_URL";
    static final String MAX_AGE_SECONDS = "ZALO_WEBHOOK_MAX_AGE_SECONDS";
    static final String MESSAGE_RETENTION_DAYS = "OA_MESSAGE_RETENTION_DAYS";

    private WebhookWiring() {
    }

    static WebhookVerifier verifier(Env env, Clock clock) {
        return verifier(env, SecretsManagerSecrets.cached(env), clock);
    }

    static WebhookVerifier verifier(Env env, Secrets secrets, Clock clock) {
        String appId = env.required(APP_ID).strip();
        String secretName = env.required(OA_SECRET_NAME);
        Duration window = Duration.ofSeconds(env.number(MAX_AGE_SECONDS, WebhookVerifier.DEFAULT_WINDOW.toSeconds(),
                30, 3600));
        return new WebhookVerifier(appId, () -> secrets.value(secretName), window, clock);
    }

    static Duration messageRetention(Env env) {
        return Duration.ofDays(env.number(MESSAGE_RETENTION_DAYS, 90, 1, 730));
    }
}
