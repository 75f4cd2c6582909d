package vn.smartprovince.shared.province;

import java.util.List;

/**
 * One field of a procedure's typed form (tờ khai), which the mini app renders and the backend checks.
 *
 * @param key       stable id within the procedure ({@code camelCase}); a dossier's form data uses it
 * @param label     what the applicant reads
 * @param type      the value's type and its built-in rules (see {@link FieldType})
 * @param maxLength {@code TEXT} and {@code ADDRESS} (the street part): at most this many characters (else null)
 * @param min       {@code NUMBER}: the smallest value (optional, null)
 * @param max       {@code NUMBER}: the largest value (optional, null)
 * @param dates     {@code DATE}: which dates are allowed (null: any)
 * @param choices   {@code CHOICE}: the options (else empty)
 * @param help      optional (null): a hint under the field
 */
public record FormField(String key, String label, FieldType type, boolean required, Integer maxLength, Long min,
                        Long max, DateRange dates, List<Choice> choices, String help) {
    public enum FieldType {
        /** One line of text (NFC, no control characters), at most {@code maxLength}. */
        TEXT,
        /** An integer between {@code min} and {@code max}. */
        NUMBER,
        /** A calendar date {@code YYYY-MM-DD}, within {@code dates}. */
        DATE,
        /** One of {@code choices}' values. */
        CHOICE,
        /** A citizen identity card number (CCCD): 12 digits, the first three a province code. */
        CCCD,
        /** A Vietnamese phone number, stored as {@code 84…}. */
        PHONE,
        /** {@code {"street": "…", "areaCode": "<a commune of the province>"}}. */
        ADDRESS
    }

    /** Which dates a {@code DATE} field allows, against today in Vietnam. */
    public enum DateRange { ANY, PAST_OR_TODAY, TODAY_OR_FUTURE }

    /** One option of a {@code CHOICE} field. */
    public record Choice(String value, String label) {
    }

    public FormField {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
