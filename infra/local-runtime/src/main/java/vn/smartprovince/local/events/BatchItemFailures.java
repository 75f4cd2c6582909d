package vn.smartprovince.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.smartprovince.shared.json.Json;

/**
 * A function's answer under {@code FunctionResponseTypes: [ReportBatchItemFailures]}, read as Lambda
 * reads it: {@code {"batchItemFailures": [{"itemIdentifier": "..."}]}}.
 *
 * <p>Complete success: a null answer, an object without {@code batchItemFailures}, or a null or
 * empty list. Complete failure: anything that is not such an object (invalid JSON, a string, a
 * list), or any entry whose {@code itemIdentifier} is missing, null, empty or not one of the batch.
 */
record BatchItemFailures(boolean wholeBatch, Set<String> identifiers) {

    static final BatchItemFailures NONE = new BatchItemFailures(false, Set.of());
    static final BatchItemFailures ALL = new BatchItemFailures(true, Set.of());

    boolean any() {
        return wholeBatch || !identifiers.isEmpty();
    }

    static BatchItemFailures parse(byte[] result, Set<String> batchIdentifiers) {
        JsonNode root;
        try {
            root = result == null || result.length == 0 ? null : Json.MAPPER.readTree(result);
        } catch (IOException invalidJson) {
            return ALL;
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return NONE;
        }
        if (!root.isObject()) {
            return ALL;
        }
        JsonNode failures = root.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return NONE;
        }
        if (!failures.isArray()) {
            return ALL;
        }
        Set<String> identifiers = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure == null ? null : failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIdentifiers.contains(id.asText())) {
                return ALL;
            }
            identifiers.add(id.asText());
        }
        return identifiers.isEmpty() ? NONE : new BatchItemFailures(false, Set.copyOf(identifiers));
    }
}
