package vn.smartprovince.shared.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.smartprovince.shared.province.TextRules;

/**
 * Reads a JSON request body field by field the way the conventions say, collecting every problem
 * (each a {@link FieldError} naming its field and rule) so the caller fixes them all at once;
 * {@link #done} throws them as one 400 {@code VALIDATION_FAILED}. Text is trimmed and normalised to
 * NFC, control characters are refused and limits count characters. A missing, malformed (400
 * {@code MALFORMED_JSON}) or non-object body is refused by {@link HttpRequest#jsonBody()} before.
 *
 * <p>Reads return null (false for {@link #bool}) when the value is absent or wrong; a JSON
 * {@code null} counts as absent. {@code name} is the member of {@code parent}, {@code field} the
 * name errors give it (a path such as {@code location.lat} for nested objects).
 */
public final class BodyFields {
    /** Opaque tokens (from Zalo): at most this many characters. */
    public static final int MAX_TOKEN_CHARS = 4096;

    private final List<FieldError> errors = new ArrayList<>();

    public void error(String field, String code, String vietnamese, String english) {
        errors.add(new FieldError(field, code, vietnamese, english));
    }

    public void error(FieldError error) {
        errors.add(error);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the problems found so far as one 400; does nothing when there are none. */
    public void done() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Refuses members the route does not know (a typo would otherwise be silently ignored). */
    public void onlyFields(JsonNode body, Set<String> allowed) {
        onlyFields(body, "", allowed);
    }

    public void onlyFields(JsonNode body, String prefix, Set<String> allowed) {
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                error(prefix + name, "UNKNOWN_FIELD", "Trường này không được hỗ trợ.", "This field is not supported.");
            }
        });
    }

    /** Text normalised to NFC and trimmed; null when absent (and an error when required). */
    public String text(JsonNode parent, String name, String field, boolean required, int maxChars, boolean multiline) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(required(field));
            }
            return null;
        }
        if (!node.isTextual()) {
            error(field, "INVALID_TYPE", "Phải là một chuỗi.", "Must be a string.");
            return null;
        }
        String text = TextRules.normalise(node.asText());
        if (text.isEmpty()) {
            if (required) {
                error(field, "REQUIRED", "Không được để trống.", "Must not be empty.");
            }
            return null;
        }
        if (TextRules.length(text) > maxChars) {
            error(field, "TOO_LONG", "Tối đa " + maxChars + " ký tự.", "At most " + maxChars + " characters.");
            return null;
        }
        if (TextRules.firstControlCharacter(text, multiline) >= 0) {
            error(field, "CONTROL_CHARACTER", "Có ký tự điều khiển không hợp lệ.", "Contains a control character.");
            return null;
        }
        return text;
    }

    /**
     * An opaque token (e.g. from Zalo): a non-blank string without white space or control
     * characters, at most {@link #MAX_TOKEN_CHARS}; never normalised. Null when absent or wrong.
     */
    public String token(JsonNode parent, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(required(name));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            error(name, "INVALID_TYPE", "Phải là một chuỗi khác rỗng.", "Must be a non-empty string.");
            return null;
        }
        String token = node.asText();
        if (token.length() > MAX_TOKEN_CHARS || TextRules.firstControlCharacter(token, false) >= 0
                || token.chars().anyMatch(Character::isWhitespace)) {
            error(name, "INVALID_FORMAT", "Mã không hợp lệ.", "The token is malformed.");
            return null;
        }
        return token;
    }

    /** A finite number within [min, max]; null when absent (an error: numbers read so are required) or wrong. */
    public Double number(JsonNode parent, String name, String field, double min, double max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            error(required(field));
            return null;
        }
        if (!node.isNumber()) {
            error(field, "INVALID_TYPE", "Phải là một số.", "Must be a number.");
            return null;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || value < min || value > max) {
            error(field, "OUT_OF_RANGE", "Phải từ " + min + " đến " + max + ".", "Must be between " + min + " and " + max + ".");
            return null;
        }
        return value;
    }

    /** A whole number within [min, max]; null when absent (an error when required) or wrong. */
    public Integer integer(JsonNode parent, String name, String field, int min, int max, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(required(field));
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(field, "INVALID_TYPE", "Phải là một số nguyên.", "Must be an integer.");
            return null;
        }
        int value = node.asInt();
        if (value < min || value > max) {
            error(field, "OUT_OF_RANGE", "Phải từ " + min + " đến " + max + ".", "Must be between " + min + " and " + max + ".");
            return null;
        }
        return value;
    }

    /** true or false; false when absent. */
    public boolean bool(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            error(field, "INVALID_TYPE", "Phải là true hoặc false.", "Must be true or false.");
            return false;
        }
        return node.booleanValue();
    }

    /** One of {@code values} (an enum's {@code values()}), by exact name; null when absent (an error when required) or not one of them. */
    public <E extends Enum<E>> E oneOf(JsonNode parent, String name, String field, E[] values, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(required(field));
            }
            return null;
        }
        if (node.isTextual()) {
            for (E constant : values) {
                if (constant.name().equals(node.asText())) {
                    return constant;
                }
            }
        }
        error(notOneOf(field, values));
        return null;
    }

    /** An optional expected version (non-negative integer). */
    public Long version(JsonNode parent) {
        Integer value = integer(parent, "expectedVersion", "expectedVersion", 0, Integer.MAX_VALUE, false);
        return value == null ? null : value.longValue();
    }

    /** {@code REQUIRED}: the field is missing. */
    public static FieldError required(String field) {
        return new FieldError(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing.");
    }

    /** {@code INVALID_VALUE}: not one of {@code values}, which the message lists. */
    public static <E extends Enum<E>> FieldError notOneOf(String field, E[] values) {
        List<String> names = Arrays.stream(values).map(Enum::name).toList();
        return new FieldError(field, "INVALID_VALUE", "Phải là " + list(names, " hoặc ") + ".",
                "Must be " + list(names, " or ") + ".");
    }

    private static String list(List<String> names, String lastSeparator) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + lastSeparator + names.get(names.size() - 1);
    }
}
