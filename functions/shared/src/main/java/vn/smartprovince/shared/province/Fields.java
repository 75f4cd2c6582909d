package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.EMPTY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.MISSING;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_KEY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The members of one JSON object, read key by key. Each read names the key as known; {@link #end()}
 * then reports every other key as {@code UNKNOWN_KEY} (a typo must not be silently ignored), with
 * a suggestion when a known key is spelled similarly. A missing required key is reported at the
 * object's position. Reads return null (or an empty list) when the value is absent or invalid.
 */
public final class Fields {
    /** Whether a key must be present (a JSON null counts as absent). */
    public enum Presence { REQUIRED, OPTIONAL }

    private final StrictJson json;
    private final JsonAt object;
    private final Set<String> known = new HashSet<>();

    Fields(StrictJson json, JsonAt object) {
        this.json = json;
        this.object = object;
    }

    public JsonAt at() {
        return object;
    }

    /** The value of {@code key}, or null when absent (reported as {@code MISSING} when required). */
    public JsonAt value(String key, Presence presence) {
        known.add(key);
        JsonAt.Member member = object.members().get(key);
        JsonAt value = member == null ? null : member.value();
        if (value == null || value.type() == JsonAt.Type.NULL) {
            if (presence == Presence.REQUIRED) {
                json.problems().add(MISSING, JsonAt.child(object.path(), key),
                        value == null ? object.line() : value.line(), value == null ? object.column() : value.column(),
                        "is required", "bắt buộc phải có");
            }
            return null;
        }
        return value;
    }

    public String text(String key, int maxLength, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.text(value, maxLength);
    }

    public String multilineText(String key, int maxLength, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.multilineText(value, maxLength);
    }

    public String code(String key, Pattern pattern, String shapeEn, String shapeVi, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.code(value, pattern, shapeEn, shapeVi);
    }

    public Integer integer(String key, long min, long max, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.integer(value, min, max);
    }

    public Long longInteger(String key, long min, long max, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.longInteger(value, min, max);
    }

    public Double decimal(String key, double min, double max, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.decimal(value, min, max);
    }

    public Boolean bool(String key, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.bool(value);
    }

    public <E extends Enum<E>> E enumeration(String key, Class<E> type, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.enumeration(value, type);
    }

    public LocalDate date(String key, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.date(value);
    }

    /** A nested object, or null. */
    public Fields object(String key, Presence presence) {
        JsonAt value = value(key, presence);
        return value == null ? null : json.object(value);
    }

    /**
     * An array whose items are read by {@code item} (items it returns null for are left out);
     * fewer than {@code minItems} items present is an {@code EMPTY} problem. Absent: empty list.
     */
    public <T> List<T> list(String key, Presence presence, int minItems, Function<JsonAt, T> item) {
        JsonAt value = value(key, presence);
        if (value == null) {
            return List.of();
        }
        List<JsonAt> items = json.array(value);
        if (value.type() == JsonAt.Type.ARRAY && items.size() < minItems) {
            json.problems().add(EMPTY, value,
                    "must have at least " + minItems + (minItems == 1 ? " item" : " items"),
                    "phải có ít nhất " + minItems + " phần tử");
        }
        List<T> result = new ArrayList<>(items.size());
        for (JsonAt each : items) {
            T read = item.apply(each);
            if (read != null) {
                result.add(read);
            }
        }
        return result;
    }

    /** Reports the keys no read asked for. Call once, after reading every key the object may have. */
    public void end() {
        for (Map.Entry<String, JsonAt.Member> entry : object.members().entrySet()) {
            String key = entry.getKey();
            if (known.contains(key)) {
                continue;
            }
            String suggestion = closest(key);
            String path = JsonAt.child(object.path(), StrictJson.printable(key));
            if (SecretScan.secretLikeKey(key)) {
                json.problems().add(UNKNOWN_KEY, path, entry.getValue().keyLine(), entry.getValue().keyColumn(),
                        SecretScan.KEY_EN, SecretScan.KEY_VI);
                continue;
            }
            json.problems().add(UNKNOWN_KEY, path, entry.getValue().keyLine(), entry.getValue().keyColumn(),
                    "unknown key" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"),
                    "khoá không được hỗ trợ" + (suggestion == null ? "" : " (có phải là '" + suggestion + "'?)"));
        }
    }

    private String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(key.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    /** Levenshtein distance: small keys, so the plain two-row table is enough. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
