package vn.smartprovince.health;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.health.core.Heartbeats;
import vn.smartprovince.health.core.ProvinceVersions;
import vn.smartprovince.health.store.DynamoDbHeartbeats;
import vn.smartprovince.health.store.DynamoDbProvinceVersions;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;

/**
 * Builds the health function's adapters from its {@link Env}, by hand, once per function instance
 * (in the handler's constructor, so SnapStart snapshots them), on one DynamoDB client. Reads
 * {@code MAIN_TABLE} and {@code PROVINCE_CODE}.
 */
public final class Wiring {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Env env;

    private Wiring(Env env) {
        this.env = env;
        this.dynamo = AwsClients.dynamoDb(env);
        this.table = env.required("MAIN_TABLE");
    }

    public static Wiring of(Env env) {
        return new Wiring(env);
    }

    /** Heartbeats in the function's main table. */
    public Heartbeats heartbeats() {
        return new DynamoDbHeartbeats(dynamo, table);
    }

    /** The province configuration version in force ({@code PROVINCE_CODE}), from the same table. */
    public ProvinceVersions provinceVersions() {
        return new DynamoDbProvinceVersions(dynamo, table, env.optional("PROVINCE_CODE").orElse(null));
    }
}
