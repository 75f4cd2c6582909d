package vn.smartprovince.reports.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.core.AgencyMembers;
import vn.smartprovince.reports.core.OfficerDirectory;
import vn.smartprovince.shared.auth.UserItems;

/** An agency's officers from the identity design's GSI1 ({@code AGENCY#<id>#OFFICERS} / {@code USER#<id>}); keys only. */
public final class DynamoDbOfficerDirectory implements OfficerDirectory, AgencyMembers {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOfficerDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> officersOf(String agencyId, int limit) {
        var response = DynamoDbReportStore.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UserItems.officersKey(agencyId))))
                .limit(limit)));
        return response.items().stream().map(item -> item.get("gsi1sk").s().substring("USER#".length())).toList();
    }

    /** One key: {@code AGENCY#<agency>#OFFICERS} / {@code USER#<user>}. */
    @Override
    public boolean isOfficerOf(String agencyId, String userId) {
        return !vn.smartprovince.shared.aws.DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk = :s")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UserItems.officersKey(agencyId)),
                        ":s", AttributeValue.fromS(UserItems.userKey(userId)))).limit(1))).items().isEmpty();
    }
}
