package vn.smartprovince.shared.auth;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * Who works for an agency, from the identity design's GSI1 ({@code AGENCY#<id>#OFFICERS} /
 * {@code USER#<id>}; keys only): the one query every domain that notifies or checks an agency's
 * officers uses (reports, dossiers).
 */
public final class AgencyOfficers {
    private final DynamoDbClient dynamo;
    private final String table;

    public AgencyOfficers(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** User ids of the agency's officers, at most {@code limit}. */
    public List<String> officersOf(String agencyId, int limit) {
        var response = DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UserItems.officersKey(agencyId))))
                .limit(limit)));
        return response.items().stream().map(item -> item.get("gsi1sk").s().substring("USER#".length())).toList();
    }

    /** One key: {@code AGENCY#<agency>#OFFICERS} / {@code USER#<user>}. */
    public boolean isOfficerOf(String agencyId, String userId) {
        return !DynamoDbCalls.call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p AND gsi1sk = :s")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(UserItems.officersKey(agencyId)),
                        ":s", AttributeValue.fromS(UserItems.userKey(userId)))).limit(1))).items().isEmpty();
    }
}
