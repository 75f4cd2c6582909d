package vn.smartprovince.notifications.dispatch.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.shared.zalo.ZaloClient;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.zalostub.Endpoint;
import vn.smartprovince.zalostub.ZaloStubClient.Fault;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * The OA token manager as the dispatcher builds it (its template environment, the pair in MainTable,
 * the seed in the emulator's Secrets Manager) against the Zalo stub, whose refresh tokens work once.
 * Two instances refreshing at the same moment: exactly one refresh reaches Zalo (the stub's call log).
 */
class OaTokenRefreshOnStubTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    /** Each test starts from the seed: the stub's first pair usable again, nothing stored yet. */
    @BeforeEach
    void fromTheSeed() {
        aws.zaloStub().reset();
        aws.dynamoDb().deleteItem(b -> b.tableName(aws.tableName("MainTable")).key(java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(DynamoDbOaTokenStore.PK),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(DynamoDbOaTokenStore.SK))));
    }

    /** One Lambda instance's manager: its own DynamoDB client, Zalo client and cache. */
    static OaTokenManager instance() {
        Env env = aws.env("NotificationDispatcherFunction");
        return OaTokenManager.fromEnv(env, ZaloClient.create(env, SecretsManagerSecrets.cached(env)), Clock.systemUTC());
    }

    static List<String> concurrently(List<OaTokenManager> instances, Function<OaTokenManager, String> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (OaTokenManager tokens : instances) {
            answers.add(pool.submit(() -> {
                start.await();
                return call.apply(tokens);
            }));
        }
        start.countDown();
        List<String> tokens = new ArrayList<>();
        for (Future<String> answer : answers) {
            tokens.add(answer.get());
        }
        pool.shutdown();
        return tokens;
    }

    @Test
    void twoInstancesRefreshingAtOnceMakeExactlyOneRefreshCall() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        String seededRefresh = zalo.oaTokens().refreshToken();
        // Slow enough that the second instance arrives while the first is still refreshing.
        zalo.fault(Fault.on(Endpoint.OAUTH_OA_ACCESS_TOKEN).latency(Duration.ofMillis(800)).times(5));
        zalo.clearCalls();

        // The seed carries no expiry, so both instances must refresh before their first send.
        List<String> tokens = concurrently(List.of(instance(), instance()), OaTokenManager::accessToken);

        List<ZaloStubClient.Call> refreshes = zalo.calls(Endpoint.OAUTH_OA_ACCESS_TOKEN);
        assertEquals(1, refreshes.size(), refreshes.toString());
        assertEquals("ok", refreshes.get(0).outcome());
        ZaloStubClient.OaTokens newest = zalo.oaTokens();
        assertNotEquals(seededRefresh, newest.refreshToken());
        assertEquals(List.of(newest.accessToken(), newest.accessToken()), tokens);
        assertTrue(newest.refreshTokenUsable(), "the new refresh token is stored and not spent yet");
        assertEquals(newest.refreshToken(), new DynamoDbOaTokenStore(aws.dynamoDb(), aws.tableName("MainTable")).read()
                .orElseThrow().refreshToken());
    }

    @Test
    void twoInstancesWhoseTokenZaloRejectedRefreshItOnce() throws Exception {
        ZaloStubClient zalo = aws.zaloStub();
        OaTokenManager a = instance();
        OaTokenManager b = instance();
        String current = a.accessToken();
        assertEquals(current, b.accessToken());
        zalo.fault(Fault.on(Endpoint.OAUTH_OA_ACCESS_TOKEN).latency(Duration.ofMillis(800)).times(5));
        zalo.clearCalls();

        List<String> renewed = concurrently(List.of(a, b), tokens -> tokens.renewAfterRejected(current));

        assertEquals(1, zalo.calls(Endpoint.OAUTH_OA_ACCESS_TOKEN).size());
        assertEquals(List.of(zalo.oaTokens().accessToken(), zalo.oaTokens().accessToken()), renewed);
        assertNotEquals(current, renewed.get(0));
    }
}
