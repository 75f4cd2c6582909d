package vn.smartprovince.reports.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.TextRules;

/**
 * Reads a request body field by field, collecting every problem (each naming its field and rule)
 * so the citizen fixes them all at once; {@link #done} throws them as one 400.
 */
public final class Fields {
    private final List<FieldError> errors = new ArrayList<>();

    public void error(String field, String code, String vietnamese, String english) {
        errors.add(new FieldError(field, code, vietnamese, english));
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public boolean hasErrorFor(String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    public void done() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
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
                error(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing.");
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

    /** A finite number within [min, max]; null when absent or wrong. */
    public Double number(JsonNode parent, String name, String field, double min, double max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            error(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing.");
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

    public Integer integer(JsonNode parent, String name, String field, int min, int max, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing.");
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

    /** An optional expected version (non-negative integer). */
    public Long version(JsonNode parent) {
        Integer value = integer(parent, "expectedVersion", "expectedVersion", 0, Integer.MAX_VALUE, false);
        return value == null ? null : value.longValue();
    }
}
