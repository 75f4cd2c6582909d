package vn.smartprovince.notifications;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.notifications.core.DeliveryStore;
import vn.smartprovince.notifications.store.DynamoDbDeliveryStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;

/**
 * Builds the adapters more than one notifications feature uses from a function's {@link Env}, by
 * hand, once per function instance (in the handler's constructor, so SnapStart snapshots them).
 * A feature's own collaborators are built beside it ({@code DispatchWiring}, {@code WebhookWiring}).
 *
 * <table>
 *   <caption>Variables read here</caption>
 *   <tr><td>{@code MAIN_TABLE}</td><td>the main table (deliveries, users, the webhook's ledger, OA tokens)</td></tr>
 * </table>
 */
public final class Wiring {
    public static final String MAIN_TABLE = "MAIN_TABLE";

    private Wiring() {
    }

    public static DynamoDbClient dynamoDb(Env env) {
        return AwsClients.dynamoDb(env);
    }

    public static String mainTable(Env env) {
        return env.required(MAIN_TABLE);
    }

    /** The record of what the dispatcher sent, on the function's main table. */
    public static DeliveryStore deliveries(Env env, DynamoDbClient dynamo) {
        return new DynamoDbDeliveryStore(dynamo, mainTable(env));
    }

    public static DeliveryStore deliveries(Env env) {
        return deliveries(env, dynamoDb(env));
    }
}
