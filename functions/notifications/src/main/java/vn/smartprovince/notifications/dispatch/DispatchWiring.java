package vn.smartprovince.notifications.dispatch;

import vn.smartprovince.shared.lambda.Backoff;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.notifications.Wiring;
import vn.smartprovince.notifications.dispatch.token.OaTokenManager;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.shared.zalo.ZaloClient;

/**
 * The dispatcher built by hand (the shared adapters from {@link Wiring}) from the function's environment (template.yaml):
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code MAIN_TABLE}, {@code NOTIFICATION_QUEUE_URL}, {@code PROVINCE_CODE}</td><td>Globals</td></tr>
 *   <tr><td>{@code NOTIFICATION_MAX_RECEIVE_COUNT}</td><td>the queue's maxReceiveCount (default 5)</td></tr>
 *   <tr><td>{@code DISPATCH_CONCURRENCY}</td><td>sends of a batch in flight at once (default 8)</td></tr>
 *   <tr><td>{@code RETRY_BASE_SECONDS}, {@code RETRY_MAX_SECONDS}</td><td>backoff (60 s × 4^n, at most 2 h)</td></tr>
 *   <tr><td>{@code OA_INTERACTION_WINDOW_HOURS}</td><td>how recent a follower's message must be (168)</td></tr>
 *   <tr><td>{@code DEFER_SPREAD_SECONDS}</td><td>deferred messages spread after 07:00 (600)</td></tr>
 *   <tr><td>{@code ZALO_*}, {@code ZALO_OA_TOKENS_SECRET_NAME}</td><td>the Zalo client and the OA token seed</td></tr>
 * </table>
 */
final class DispatchWiring {
    static final String HTTP_MAX_CONNECTIONS = "http.maxConnections";

    private DispatchWiring() {
    }

    static Dispatcher dispatcher(Env env, Clock clock) {
        return dispatcher(env, clock, gateway -> gateway);
    }

    /** @param decorate wraps the Zalo gateway (tests: a sandbox that dies in the middle of a batch) */
    static Dispatcher dispatcher(Env env, Clock clock, UnaryOperator<ZaloGateway> decorate) {
        return dispatcher(env, clock, Wiring.dynamoDb(env), SecretsManagerSecrets.cached(env),
                new SqsQueueControl(AwsClients.sqs(env), env.required("NOTIFICATION_QUEUE_URL")), decorate);
    }

    /**
     * The same dispatcher over given DynamoDB, secrets and queue: the AWS ones above, or in-memory ones
     * (the capacity benchmark, DispatcherCapacityBenchmark in the tests, which keeps everything else real).
     */
    static Dispatcher dispatcher(Env env, Clock clock, DynamoDbClient dynamo, Secrets secrets, QueueControl queue,
                                 UnaryOperator<ZaloGateway> decorate) {
        String table = Wiring.mainTable(env);
        ZaloClient zalo = ZaloClient.create(env, secrets);
        Dispatcher.Settings settings = settings(env, zalo.config().readTimeout());
        keepAliveConnections(settings.concurrency());
        return new Dispatcher(Wiring.deliveries(env, dynamo), new DynamoDbRecipients(dynamo, table),
                new ProvinceTemplates(ProvinceConfigSource.fromEnv(env, dynamo, clock)),
                OaTokenManager.create(env, dynamo, zalo, secrets, clock), decorate.apply(new ZaloClientGateway(zalo)),
                queue, clock, new SecureRandom(), settings, pool(settings.concurrency()));
    }

    static Dispatcher.Settings settings(Env env, Duration zaloReadTimeout) {
        Backoff backoff = new Backoff(Duration.ofSeconds(env.number("RETRY_BASE_SECONDS", 60, 1, 3600)), 4,
                Duration.ofSeconds(env.number("RETRY_MAX_SECONDS", 7200, 1, 43_200)));
        // A job may make three Zalo calls (template tag, send, resend after a token refresh) and DynamoDB writes.
        Duration startBudget = zaloReadTimeout.multipliedBy(3).plusSeconds(2);
        return new Dispatcher.Settings((int) env.number("NOTIFICATION_MAX_RECEIVE_COUNT", 5, 1, 1000),
                (int) env.number("DISPATCH_CONCURRENCY", 8, 1, 64), backoff,
                Duration.ofHours(env.number("OA_INTERACTION_WINDOW_HOURS", 168, 0, 8760)),
                Duration.ofSeconds(env.number("DEFER_SPREAD_SECONDS", 600, 0, 3600)), startBudget);
    }

    /**
     * The AWS clients' url-connection transport (the JDK's HttpURLConnection) keeps at most
     * {@code http.maxConnections} idle connections per host, 5 by default: with more jobs writing to
     * DynamoDB at once, each burst of writes closed the extra connections and the next one opened them
     * again, a TCP and TLS handshake each (measured: 10 jobs at once opened a connection on one call in
     * three, 20 on two in five; docs/performance.md). So the pool keeps one per job in flight. The JDK
     * reads the property at the first connection: this runs before any call, and only ever raises it.
     */
    static void keepAliveConnections(int inFlight) {
        if (Integer.getInteger(HTTP_MAX_CONNECTIONS, 5) < inFlight) {
            System.setProperty(HTTP_MAX_CONNECTIONS, Integer.toString(inFlight));
        }
    }

    /** Daemon threads, so an idle pool never keeps a JVM (the local runtime, tests) alive. */
    static ExecutorService pool(int size) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "dispatch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
