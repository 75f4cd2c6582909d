package vn.smartprovince.health;

import vn.smartprovince.health.core.Heartbeats;
import vn.smartprovince.health.store.DynamoDbHeartbeats;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;

/**
 * Builds the health function's adapter from its {@link Env}, by hand, once per function instance
 * (in the handler's constructor, so SnapStart snapshots it). Reads {@code MAIN_TABLE}.
 */
public final class Wiring {
    private Wiring() {
    }

    /** Heartbeats in the function's main table. */
    public static Heartbeats heartbeats(Env env) {
        return new DynamoDbHeartbeats(AwsClients.dynamoDb(env), env.required("MAIN_TABLE"));
    }
}
