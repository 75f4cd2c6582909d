package vn.smartprovince.shared.province;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A JSON value that remembers where it stood in the file (1-based line and column) and its JSON
 * path, so that problems found after parsing still point at the right place.
 */
public final class JsonAt {
    public enum Type { OBJECT, ARRAY, STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    private final Type type;
    private final String path;
    private final int line;
    private final int column;
    private final Object value;

    JsonAt(Type type, String path, int line, int column, Object value) {
        this.type = type;
        this.path = path;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    public Type type() {
        return type;
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** Members in file order; only for {@link Type#OBJECT}. Each key is at its value's position. */
    @SuppressWarnings("unchecked")
    Map<String, Member> members() {
        return (Map<String, Member>) value;
    }

    @SuppressWarnings("unchecked")
    List<JsonAt> items() {
        return (List<JsonAt>) value;
    }

    String string() {
        return (String) value;
    }

    BigDecimal number() {
        return (BigDecimal) value;
    }

    boolean bool() {
        return (Boolean) value;
    }

    /** A key of an object (its own position, for unknown-key reports) and its value. */
    record Member(int keyLine, int keyColumn, JsonAt value) {
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }
}
