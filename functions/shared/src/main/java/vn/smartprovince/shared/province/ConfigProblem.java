package vn.smartprovince.shared.province;

import vn.smartprovince.shared.http.FieldError;

/**
 * One problem found in a configuration file: where it is (JSON path and, when the parser knows
 * it, line and column, both 1-based) and what is wrong, in English and Vietnamese.
 *
 * @param path    JSON path such as {@code categories[3].answerDeadlineWorkingDays}; empty for the document
 * @param line    1-based line, or null when unknown
 * @param column  1-based column (in characters), or null when unknown
 */
public record ConfigProblem(String path, Kind kind, Integer line, Integer column, String messageEn, String messageVi) {

    /** Closed list of problem kinds; the names are stable codes (also used as {@link FieldError#code()}). */
    public enum Kind {
        MALFORMED_JSON,
        MISSING,
        WRONG_TYPE,
        UNKNOWN_KEY,
        DUPLICATE_KEY,
        EMPTY,
        TOO_LONG,
        CONTROL_CHARACTER,
        INVALID_FORMAT,
        OUT_OF_RANGE,
        INVALID_VALUE,
        DUPLICATE_ID,
        UNKNOWN_REFERENCE,
        INCONSISTENT
    }

    /** For an admin API answering in the caller's language. */
    public FieldError toFieldError() {
        return new FieldError(path, kind.name(), messageVi, messageEn);
    }

    /** {@code line 12, column 7: categories[3].answerDeadlineWorkingDays: must be ... [OUT_OF_RANGE]}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (line != null) {
            text.append("line ").append(line);
            if (column != null) {
                text.append(", column ").append(column);
            }
            text.append(": ");
        }
        text.append(path.isEmpty() ? "(document)" : path).append(": ").append(messageEn)
                .append(" [").append(kind.name()).append(']');
        return text.toString();
    }
}
