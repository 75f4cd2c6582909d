package vn.smartprovince.shared.aws;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * THE small conversions between Java values and DynamoDB attributes that every item mapper uses:
 * null values are absent attributes (a mapper drops them), enums are stored by name, instants and
 * dates as ISO text.
 */
public final class Attributes {
    private Attributes() {
    }

    /** S of the value's text (an enum's name); null for null. */
    public static AttributeValue s(Object value) {
        if (value == null) {
            return null;
        }
        return AttributeValue.fromS(value instanceof Enum<?> e ? e.name() : value.toString());
    }

    public static AttributeValue n(Number value) {
        return AttributeValue.fromN(value.toString());
    }

    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** The number, 0 when absent. */
    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }

    public static LocalDate date(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : LocalDate.parse(text);
    }

    /** The main table's key {@code {pk, sk}} (a mutable map: an index's keys may be added). */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        key.put("pk", AttributeValue.fromS(pk));
        key.put("sk", AttributeValue.fromS(sk));
        return key;
    }

    /** The item without its null (absent) attributes, in order: what a Put writes. */
    public static Map<String, AttributeValue> withoutNulls(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> copy = new java.util.LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
