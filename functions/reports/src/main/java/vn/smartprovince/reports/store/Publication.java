package vn.smartprovince.reports.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import vn.smartprovince.reports.core.Moderation;
import vn.smartprovince.reports.core.Report;

/**
 * THE publication hook: the writes that keep a report's public view current, for the transaction
 * of the change that moved it ({@code DynamoDbReportStore.apply} adds them to every transition, so
 * the officers' ANSWER, a re-answer, a reopen, a withdrawal or a rejection maintain the feed without
 * calling anything).
 *
 * <ul>
 *   <li>published after the change ({@link PublicItems#published}) and not hidden: Put of the PUBLIC
 *       item and its map copy, built from the report and its {@link Moderation};</li>
 *   <li>published before but not now, or hidden: Delete of both;</li>
 *   <li>neither: nothing (no read either).</li>
 * </ul>
 * A conditional no-op on the MODERATION item (its version as read here, or its absence) makes a
 * moderation that commits in between cancel the change ({@link #conflicted}: the caller gets 409
 * and retries), so a publication can never overwrite a newer redaction or hiding. It is a
 * conditional Delete / Update rather than a ConditionCheck so that the functions running
 * transitions need no permission beyond the Put/Update/Delete on {@code REPORT#*} they hold.
 */
public final class Publication {
    private Publication() {
    }

    /** The transaction items keeping the feed in step with {@code before} -> {@code after}; empty when neither is published. */
    public static List<TransactWriteItem> writes(DynamoDbClient dynamo, String table, Report before, Report after) {
        if (!PublicItems.published(before) && !PublicItems.published(after)) {
            return List.of();
        }
        var read = vn.smartprovince.shared.aws.DynamoDbCalls.call(() -> dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(PublicItems.key(after.id(), PublicItems.MODERATION))));
        Moderation moderation = PublicItems.moderation(read.hasItem() ? read.item() : null);
        return writes(table, after, moderation);
    }

    /** The items for a known moderation (also used by the moderation route, which checks the report instead). */
    public static List<TransactWriteItem> writes(String table, Report after, Moderation moderation) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> key = PublicItems.key(after.id(), PublicItems.MODERATION);
        if (moderation.version() == 0) {
            // "Still no moderation": a Delete of the absent item, conditional on its absence (a no-op).
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
        } else {
            // "Still this moderation": an Update that writes the version it already has, conditional on it.
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression("SET moderationVersion = :mv").conditionExpression("moderationVersion = :mv")
                    .expressionAttributeValues(Map.of(":mv", AttributeValue.fromN(Long.toString(moderation.version()))))
                    .build()).build());
        }
        items.addAll(viewWrites(table, after, moderation));
        return items;
    }

    /** Put or Delete of the PUBLIC item and its map copy. */
    public static List<TransactWriteItem> viewWrites(String table, Report report, Moderation moderation) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (PublicItems.published(report) && !moderation.hidden()) {
            Map<String, AttributeValue> item = PublicItems.publicItem(report, moderation);
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build());
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(PublicItems.mapItem(item)).build()).build());
        } else {
            for (String sk : List.of(PublicItems.PUBLIC, PublicItems.MAP)) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(PublicItems.key(report.id(), sk)).build()).build());
            }
        }
        return items;
    }

    /** Whether the cancellation was caused by the moderation check among the {@code count} items from {@code from}. */
    public static boolean conflicted(List<CancellationReason> reasons, int from, int count) {
        for (int i = from; i < Math.min(reasons.size(), from + count); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                return true;
            }
        }
        return false;
    }
}
