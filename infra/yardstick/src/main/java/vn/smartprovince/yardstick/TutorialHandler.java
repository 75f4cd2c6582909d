package vn.smartprovince.yardstick;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The yardstick of the cold-start table: what a getting-started guide writes. The SDK set up the
 * default way (region, credentials and HTTP client found by the SDK's own chains: the Apache
 * client), the runtime's reflective event serializer, the Enhanced client with a bean schema, one
 * PutItem of the request's body. It validates nothing and is not part of the product; it exists
 * so that a real function's cold start can be compared with the simplest one in the same run.
 */
public class TutorialHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final TableSchema<Message> SCHEMA = TableSchema.fromBean(Message.class);

    private final DynamoDbTable<Message> table;

    public TutorialHandler() {
        DynamoDbClient client = DynamoDbClient.create();
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        table = enhanced.table(System.getenv("TABLE_NAME"), SCHEMA);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Message message = new Message();
        String id = UUID.randomUUID().toString();
        message.setPk("YARDSTICK#" + id);
        message.setSk("MESSAGE");
        message.setBody(event.getBody());
        message.setCreatedAt(Instant.now().toString());
        table.putItem(message);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"id\":\"" + id + "\"}")
                .build();
    }
}
