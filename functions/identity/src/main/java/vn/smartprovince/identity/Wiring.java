package vn.smartprovince.identity;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.identity.core.Agencies;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.Sessions;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.identity.store.ProvinceAgencies;
import vn.smartprovince.identity.store.SecretSigningKeys;
import vn.smartprovince.identity.store.ZaloClientIdentity;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.secrets.Secrets;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.shared.zalo.ZaloClient;

/**
 * Builds the identity functions' collaborators from a function's {@link Env}, by hand, once per
 * function instance (in the handler's constructor, so SnapStart snapshots them).
 *
 * <table>
 *   <caption>Variables read here (besides the shared ones: MAIN_TABLE, ZALO_*)</caption>
 *   <tr><td>{@code SESSION_SIGNING_KEY_SECRET_NAME}</td><td>the secret holding the signing key(s)</td></tr>
 *   <tr><td>{@code SESSION_TTL_SECONDS}</td><td>lifetime of a session token, 300–86400, default 3600</td></tr>
 *   <tr><td>{@code SESSION_MAX_AGE_SECONDS}</td><td>renewals stop this long after the Zalo sign-in, default 604800 (7 days)</td></tr>
 *   <tr><td>{@code FIRST_ADMIN_ZALO_ID}</td><td>optional: made province administrator at sign-in</td></tr>
 *   <tr><td>{@code PROVINCE_CODE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>the agencies of the configuration in force ({@code ProvinceConfigSource})</td></tr>
 * </table>
 */
public final class Wiring {
    public static final String SIGNING_KEY_SECRET_NAME = "SESSION_SIGNING_KEY_SECRET_NAME";
    public static final String SESSION_TTL_SECONDS = "SESSION_TTL_SECONDS";
    public static final String SESSION_MAX_AGE_SECONDS = "SESSION_MAX_AGE_SECONDS";
    public static final String FIRST_ADMIN_ZALO_ID = "FIRST_ADMIN_ZALO_ID";

    private Wiring() {
    }

    public static DynamoDbClient dynamoDb(Env env) {
        return AwsClients.dynamoDb(env);
    }

    public static Users users(Env env, DynamoDbClient dynamo) {
        return new DynamoDbUsers(dynamo, env.required("MAIN_TABLE"));
    }

    public static Agencies agencies(Env env, DynamoDbClient dynamo) {
        return new ProvinceAgencies(ProvinceConfigSource.fromEnv(env, dynamo, Clock.systemUTC()));
    }

    public static Secrets secrets(Env env) {
        return SecretsManagerSecrets.cached(env);
    }

    public static SessionTokens tokens(Env env, Secrets secrets) {
        return new SessionTokens(new SecretSigningKeys(secrets, env.required(SIGNING_KEY_SECRET_NAME)), issuer(env),
                env.required("ZALO_APP_ID"));
    }

    public static Sessions sessions(Env env, SessionTokens tokens, Clock clock) {
        long ttl = env.number(SESSION_TTL_SECONDS, 3600, 300, 86_400);
        long maxAge = env.number(SESSION_MAX_AGE_SECONDS, 604_800, ttl, 90L * 86_400);
        return new Sessions(tokens, Duration.ofSeconds(ttl), Duration.ofSeconds(maxAge), clock);
    }

    public static ZaloIdentity zalo(Env env, Secrets secrets) {
        return new ZaloClientIdentity(ZaloClient.create(env, secrets));
    }

    /** Tokens of one stage are refused by another even if someone shared the key by mistake. */
    public static String issuer(Env env) {
        return "smartprovince/" + env.get("STAGE", "local");
    }

    public static String firstAdmin(Env env) {
        return env.optional(FIRST_ADMIN_ZALO_ID).map(String::strip).orElse(null);
    }
}
