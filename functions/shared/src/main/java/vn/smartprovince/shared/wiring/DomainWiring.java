package vn.smartprovince.shared.wiring;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigSource;

/**
 * What every domain's {@code Wiring} builds the same way, once per function instance and on first
 * use: the DynamoDB client, the main table's name and THE province configuration source (one per
 * instance; a request takes one snapshot). A domain's {@code Wiring} extends it with its own
 * adapters, built by hand in the handler's constructor so SnapStart snapshots them.
 */
public abstract class DomainWiring {
    public static final String MAIN_TABLE = "MAIN_TABLE";

    private final Env env;
    private final Clock clock;
    private DynamoDbClient dynamo;
    private ProvinceConfigSource provinceConfigs;

    protected DomainWiring(Env env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public Env env() {
        return env;
    }

    public Clock clock() {
        return clock;
    }

    /** {@code MAIN_TABLE}: the main table. */
    public String table() {
        return env.required(MAIN_TABLE);
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamo == null) {
            dynamo = AwsClients.dynamoDb(env);
        }
        return dynamo;
    }

    /** The province configuration in force ({@code PROVINCE_CODE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}). */
    public synchronized ProvinceConfigSource provinceConfigs() {
        if (provinceConfigs == null) {
            provinceConfigs = ProvinceConfigSource.fromEnv(env, dynamoDb(), clock);
        }
        return provinceConfigs;
    }
}
