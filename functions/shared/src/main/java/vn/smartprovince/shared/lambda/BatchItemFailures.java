package vn.smartprovince.shared.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import vn.smartprovince.shared.json.Json;

/**
 * The answer of a function behind an event source with {@code ReportBatchItemFailures} (SQS or a
 * DynamoDB stream): {@code {"batchItemFailures": [{"itemIdentifier": "<id>"}]}}, where the ids are
 * SQS message ids or stream sequence numbers. An empty list means the whole batch succeeded; a
 * stream source retries from the first id named.
 */
public final class BatchItemFailures {
    private BatchItemFailures() {
    }

    /** The answer naming these items, in their order. */
    public static ObjectNode answer(Collection<String> itemIdentifiers) {
        ObjectNode answer = Json.object();
        ArrayNode failures = answer.putArray("batchItemFailures");
        itemIdentifiers.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return answer;
    }

    /** Writes {@link #answer} to the function's output. */
    public static void write(OutputStream output, Collection<String> itemIdentifiers) throws IOException {
        Json.MAPPER.writeValue(output, answer(itemIdentifiers));
    }
}
