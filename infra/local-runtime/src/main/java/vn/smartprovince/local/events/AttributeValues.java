package vn.smartprovince.local.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;

/** DynamoDB attribute values in their JSON wire shape ({@code {"S": "x"}}, {@code {"N": "1"}}, binary as base64). */
final class AttributeValues {
    private AttributeValues() {
    }

    static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = Json.object();
        item.forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    static ObjectNode toJson(AttributeValue value) {
        ObjectNode node = Json.object();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case SS -> {
                ArrayNode list = node.putArray("SS");
                value.ss().forEach(list::add);
            }
            case NS -> {
                ArrayNode list = node.putArray("NS");
                value.ns().forEach(list::add);
            }
            case BS -> {
                ArrayNode list = node.putArray("BS");
                value.bs().forEach(b -> list.add(base64(b)));
            }
            case M -> node.set("M", toJson(value.m()));
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(item -> list.add(toJson(item)));
            }
            case NUL -> node.put("NULL", true);
            case BOOL -> node.put("BOOL", value.bool());
            default -> throw new IllegalArgumentException("unknown attribute value type: " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
