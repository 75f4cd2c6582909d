package vn.smartprovince.notifications.relay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the relay needs of one record of Lambda's DynamoDB Streams event
 * ({@code {"Records": [{"eventName", "dynamodb": {"Keys", "NewImage", "SequenceNumber"}}]}}), read as
 * JSON: no Lambda event classes, no reflection.
 *
 * @param sequenceNumber the record's id for {@code batchItemFailures}
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param pk             the item's partition key, null when it is not a string
 * @param job            the new image's {@code job} attribute (the job's JSON), null when absent
 */
record StreamRecord(String sequenceNumber, String eventName, String pk, String job) {

    static List<StreamRecord> parse(JsonNode event) {
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode data = record.path("dynamodb");
            records.add(new StreamRecord(
                    text(data.path("SequenceNumber")),
                    text(record.path("eventName")),
                    text(data.path("Keys").path("pk").path("S")),
                    text(data.path("NewImage").path(vn.smartprovince.shared.notify.Outbox.JOB).path("S"))));
        }
        return records;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }
}
