package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.CONTROL_CHARACTER;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.DUPLICATE_KEY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.EMPTY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INVALID_FORMAT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INVALID_VALUE;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.MALFORMED_JSON;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.OUT_OF_RANGE;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.TOO_LONG;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.WRONG_TYPE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a configuration file strictly and without stopping at the first mistake: the file is
 * parsed into a tree of {@link JsonAt} (values with their line, column and path), then read
 * through {@link Fields}, which records every problem in {@link Problems} (missing or unknown
 * keys, wrong types, out-of-range numbers, text that is not clean) and carries on.
 *
 * <p>Every string read here is trimmed and NFC-normalised ({@link TextRules}); control
 * characters are rejected. Plain JSON only: no comments, no trailing commas.
 */
public final class StrictJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Problems problems;

    public StrictJson(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    // ------------------------------------------------------------------ parsing

    /** The document's tree, or null when it is not JSON (one {@code MALFORMED_JSON} problem with line/column). */
    public JsonAt parse(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                problems.add(MALFORMED_JSON, "", 1, 1, "the file is empty", "tệp rỗng");
                return null;
            }
            JsonAt root = read(parser, "");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                problems.add(MALFORMED_JSON, "", at.getLineNr(), at.getColumnNr(),
                        "unexpected content after the end of the document",
                        "có nội dung thừa sau khi tài liệu đã kết thúc");
                return null;
            }
            return root;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            String reason = e.getOriginalMessage();
            problems.add(MALFORMED_JSON, "", at == null ? null : at.getLineNr(), at == null ? null : at.getColumnNr(),
                    "not valid JSON: " + reason, "không phải JSON hợp lệ: " + reason);
            return null;
        } catch (IOException e) {
            problems.add(MALFORMED_JSON, "", null, null,
                    "cannot be read as JSON: " + e.getMessage(), "không đọc được dưới dạng JSON: " + e.getMessage());
            return null;
        }
    }

    private JsonAt read(JsonParser parser, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, JsonAt.Member> members = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    parser.nextToken();
                    JsonAt value = read(parser, JsonAt.child(path, key));
                    if (members.containsKey(key)) {
                        problems.add(DUPLICATE_KEY, JsonAt.child(path, key), keyAt.getLineNr(), keyAt.getColumnNr(),
                                "the key appears more than once in the same object; only the first is used",
                                "khoá xuất hiện nhiều lần trong cùng một đối tượng; chỉ lần đầu được dùng");
                    } else {
                        members.put(key, new JsonAt.Member(keyAt.getLineNr(), keyAt.getColumnNr(), value));
                    }
                }
                return new JsonAt(JsonAt.Type.OBJECT, path, line, column, members);
            }
            case START_ARRAY -> {
                List<JsonAt> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, JsonAt.item(path, items.size())));
                }
                return new JsonAt(JsonAt.Type.ARRAY, path, line, column, items);
            }
            case VALUE_STRING -> {
                return new JsonAt(JsonAt.Type.STRING, path, line, column, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new JsonAt(JsonAt.Type.INTEGER, path, line, column, parser.getDecimalValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new JsonAt(JsonAt.Type.DECIMAL, path, line, column, parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new JsonAt(JsonAt.Type.BOOLEAN, path, line, column, token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new JsonAt(JsonAt.Type.NULL, path, line, column, null);
            }
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        }
    }

    // ------------------------------------------------------------------ values

    /** The members of an object, or null (and a problem) when the value is not an object. */
    public Fields object(JsonAt value) {
        if (!is(value, JsonAt.Type.OBJECT, "an object", "một đối tượng")) {
            return null;
        }
        return new Fields(this, value);
    }

    /** The items of an array; empty (and a problem) when the value is not an array. */
    public List<JsonAt> array(JsonAt value) {
        return is(value, JsonAt.Type.ARRAY, "an array", "một mảng") ? value.items() : List.of();
    }

    /** One line of text, at most {@code maxLength} characters, not empty. */
    public String text(JsonAt value, int maxLength) {
        return text(value, maxLength, false);
    }

    /** Text that may hold line feeds (descriptions, message templates). */
    public String multilineText(JsonAt value, int maxLength) {
        return text(value, maxLength, true);
    }

    private String text(JsonAt value, int maxLength, boolean multiline) {
        if (!is(value, JsonAt.Type.STRING, "a string", "một chuỗi")) {
            return null;
        }
        String text = TextRules.normalise(value.string());
        int control = TextRules.firstControlCharacter(text, multiline);
        if (control >= 0) {
            problems.add(CONTROL_CHARACTER, value,
                    "contains a control character at character " + (control + 1),
                    "chứa ký tự điều khiển ở ký tự thứ " + (control + 1));
            return null;
        }
        if (text.isEmpty()) {
            problems.add(EMPTY, value, "must not be empty", "không được để trống");
            return null;
        }
        int length = TextRules.length(text);
        if (length > maxLength) {
            problems.add(TOO_LONG, value,
                    "must be at most " + maxLength + " characters (has " + length + ")",
                    "tối đa " + maxLength + " ký tự (hiện có " + length + ")");
            return null;
        }
        return text;
    }

    /** An identifier that must match {@code pattern}; {@code shape} explains the pattern to a person. */
    public String code(JsonAt value, Pattern pattern, String shapeEn, String shapeVi) {
        if (!is(value, JsonAt.Type.STRING, "a string", "một chuỗi")) {
            return null;
        }
        String text = TextRules.normalise(value.string());
        if (!pattern.matcher(text).matches()) {
            problems.add(INVALID_FORMAT, value,
                    "'" + printable(text) + "' is not valid: " + shapeEn,
                    "'" + printable(text) + "' không hợp lệ: " + shapeVi);
            return null;
        }
        return text;
    }

    /** An integer within {@code [min, max]}, which callers keep within an {@code int}. */
    public Integer integer(JsonAt value, long min, long max) {
        Long number = longInteger(value, Math.max(min, Integer.MIN_VALUE), Math.min(max, Integer.MAX_VALUE));
        return number == null ? null : Math.toIntExact(number);
    }

    /** An integer that may exceed an {@code int} (amounts in đồng, bounds of a number field). */
    public Long longInteger(JsonAt value, long min, long max) {
        if (!is(value, JsonAt.Type.INTEGER, "an integer", "một số nguyên")) {
            return null;
        }
        BigDecimal number = value.number();
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            outOfRange(value, min, max, number.toPlainString());
            return null;
        }
        return number.longValueExact();
    }

    public Double decimal(JsonAt value, double min, double max) {
        if (value.type() != JsonAt.Type.INTEGER
                && !is(value, JsonAt.Type.DECIMAL, "a number", "một số")) {
            return null;
        }
        double number = value.number().doubleValue();
        if (!(number >= min && number <= max)) {
            outOfRange(value, min, max, value.number().toPlainString());
            return null;
        }
        return number;
    }

    public Boolean bool(JsonAt value) {
        return is(value, JsonAt.Type.BOOLEAN, "true or false", "true hoặc false") ? value.bool() : null;
    }

    public <E extends Enum<E>> E enumeration(JsonAt value, Class<E> type) {
        if (!is(value, JsonAt.Type.STRING, "a string", "một chuỗi")) {
            return null;
        }
        String text = TextRules.normalise(value.string());
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        problems.add(INVALID_VALUE, value,
                "'" + printable(text) + "' is not one of " + allowed,
                "'" + printable(text) + "' không thuộc các giá trị " + allowed);
        return null;
    }

    /** A calendar date {@code YYYY-MM-DD}. */
    public LocalDate date(JsonAt value) {
        if (!is(value, JsonAt.Type.STRING, "a date YYYY-MM-DD", "một ngày dạng YYYY-MM-DD")) {
            return null;
        }
        String text = TextRules.normalise(value.string());
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                // falls through to the problem below
            }
        }
        problems.add(INVALID_FORMAT, value,
                "'" + printable(text) + "' is not a date YYYY-MM-DD",
                "'" + printable(text) + "' không phải ngày dạng YYYY-MM-DD");
        return null;
    }

    /** Converts with {@code parse}; when it gives nothing, {@code INVALID_FORMAT} with the explanation. */
    public String converted(JsonAt value, int maxLength, Function<String, Optional<String>> parse,
                            String shapeEn, String shapeVi) {
        String text = text(value, maxLength);
        if (text == null) {
            return null;
        }
        Optional<String> result = parse.apply(text);
        if (result.isEmpty()) {
            problems.add(INVALID_FORMAT, value, "is not valid: " + shapeEn, "không hợp lệ: " + shapeVi);
            return null;
        }
        return result.get();
    }

    private boolean is(JsonAt value, JsonAt.Type type, String whatEn, String whatVi) {
        if (value.type() == type) {
            return true;
        }
        problems.add(WRONG_TYPE, value, "must be " + whatEn + " (found " + describe(value.type()) + ")",
                "phải là " + whatVi + " (đang là " + describe(value.type()) + ")");
        return false;
    }

    private void outOfRange(JsonAt value, Object min, Object max, String actual) {
        problems.add(OUT_OF_RANGE, value,
                "must be between " + min + " and " + max + " (is " + actual + ")",
                "phải nằm trong khoảng " + min + " đến " + max + " (đang là " + actual + ")");
    }

    private static String describe(JsonAt.Type type) {
        return switch (type) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case INTEGER, DECIMAL -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
        };
    }

    /** Echoes a value in a message without its control characters, and shortened. */
    static String printable(String text) {
        String clean = text.codePoints()
                .map(cp -> Character.getType(cp) == Character.CONTROL ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return TextRules.length(clean) > 60 ? clean.substring(0, clean.offsetByCodePoints(0, 57)) + "..." : clean;
    }
}
