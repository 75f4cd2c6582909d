package vn.smartprovince.dossiers.store;

import static vn.smartprovince.dossiers.store.DossierItems.dossierKey;
import static vn.smartprovince.dossiers.store.DossierItems.eventKey;
import static vn.smartprovince.dossiers.store.DossierItems.key;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.smartprovince.dossiers.core.OneStopCursors;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.aws.DynamoDbCalls;

/**
 * The outbound cursor of each dossier in the main table: {@code DOSSIER#<id>} / {@code ONESTOP#OUT},
 * attribute {@code sent}, in the dossier's own partition (so the connector's policy keeps to
 * {@code DOSSIER#*} keys), moved by a conditional UpdateItem; and the timeline from a version, one
 * Query on the partition with {@code sk BETWEEN}.
 */
public final class DynamoDbOneStopCursors implements OneStopCursors {
    public static final String CURSOR = "ONESTOP#OUT";
    /** Above any version: {@code EVENT#999999}. */
    private static final String LAST_EVENT = eventKey(999_999);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOneStopCursors(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public int sent(String dossierId) {
        var response = DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(dossierKey(dossierId), CURSOR)).projectionExpression("sent")));
        if (!response.hasItem() || response.item().get("sent") == null) {
            return 0;
        }
        return Integer.parseInt(response.item().get("sent").n());
    }

    @Override
    public boolean advance(String dossierId, int previous, int next) {
        try {
            DynamoDbCalls.call(() -> dynamo.updateItem(b -> b.tableName(table)
                    .key(key(dossierKey(dossierId), CURSOR))
                    .updateExpression("SET sent = :next, itemType = :type")
                    .conditionExpression(previous == 0 ? "attribute_not_exists(sent) OR sent = :previous"
                            : "sent = :previous")
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromN(Integer.toString(next)),
                            ":previous", AttributeValue.fromN(Integer.toString(previous)),
                            ":type", AttributeValue.fromS("DOSSIER_ONESTOP_CURSOR")))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<TimelineEntry> timelineFrom(String dossierId, int fromVersion) {
        List<TimelineEntry> entries = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(dossierKey(dossierId)),
                        ":from", AttributeValue.fromS(eventKey(Math.max(1, fromVersion))),
                        ":to", AttributeValue.fromS(LAST_EVENT)))
                .build();
        DynamoDbCalls.call(() -> {
            dynamo.queryPaginator(query).items().forEach(item -> entries.add(DossierItems.event(item)));
            return null;
        });
        return entries;
    }
}
