package vn.smartprovince.shared.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stream consumer of the main table needs of one record of Lambda's DynamoDB Streams event
 * ({@code {"Records": [{"eventName", "dynamodb": {"Keys", "NewImage", "SequenceNumber"}}]}}), read as
 * JSON: no Lambda event classes, no reflection. The one parser for every such consumer (the outbox
 * relay, the one-stop relay).
 *
 * @param sequenceNumber the record's id for {@code batchItemFailures}
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param pk             the item's partition key, null when it is not a string
 * @param sk             the item's sort key, null when it is not a string
 * @param newStrings     the new image's string attributes (S) by name; empty for a REMOVE
 */
public record StreamRecord(String sequenceNumber, String eventName, String pk, String sk, Map<String, String> newStrings) {

    public StreamRecord {
        newStrings = newStrings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(newStrings));
    }

    /** The new image's string attribute {@code name}, or null. */
    public String newString(String name) {
        return newStrings.get(name);
    }

    public boolean isInsert() {
        return "INSERT".equals(eventName);
    }

    public static List<StreamRecord> parse(JsonNode event) {
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode data = record.path("dynamodb");
            Map<String, String> strings = new LinkedHashMap<>();
            data.path("NewImage").fields().forEachRemaining(field -> {
                String value = text(field.getValue().path("S"));
                if (value != null) {
                    strings.put(field.getKey(), value);
                }
            });
            records.add(new StreamRecord(
                    text(data.path("SequenceNumber")),
                    text(record.path("eventName")),
                    text(data.path("Keys").path("pk").path("S")),
                    text(data.path("Keys").path("sk").path("S")),
                    strings));
        }
        return records;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }
}
