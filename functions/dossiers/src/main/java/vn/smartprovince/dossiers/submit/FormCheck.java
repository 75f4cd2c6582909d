package vn.smartprovince.dossiers.submit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.smartprovince.dossiers.core.Cccd;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.FormField;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.TextRules;

/**
 * Checks a dossier's form against its procedure's fields. Every problem names {@code form.<key>}
 * with a code: REQUIRED, TOO_LONG, NOT_A_NUMBER, OUT_OF_RANGE, INVALID_DATE, DATE_IN_FUTURE,
 * DATE_IN_PAST, UNKNOWN_CHOICE, INVALID_CCCD, INVALID_PHONE, UNKNOWN_AREA, UNKNOWN_FIELD, INVALID_TYPE.
 * Values come back normalised: text NFC, numbers as Long, phones as {@code 84…}, an address as
 * {@code {street, areaCode}} with the current commune code.
 */
final class FormCheck {
    static final int DEFAULT_MAX_TEXT = 500;

    private FormCheck() {
    }

    static Map<String, Object> check(JsonNode form, Procedure procedure, ProvinceConfig config, LocalDate today,
                                     BodyFields problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (form != null && !form.isNull() && !form.isObject()) {
            problems.error("form", "INVALID_TYPE", "Phải là một đối tượng.", "Must be an object.");
            return values;
        }
        if (form != null && form.isObject()) {
            form.fieldNames().forEachRemaining(key -> {
                if (procedure.formField(key).isEmpty()) {
                    problems.error("form." + key, "UNKNOWN_FIELD", "Tờ khai không có trường này.",
                            "The procedure's form has no such field.");
                }
            });
        }
        for (FormField field : procedure.form()) {
            String name = "form." + field.key();
            JsonNode node = form == null || form.isNull() ? null : form.get(field.key());
            if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                if (field.required()) {
                    problems.error(name, "REQUIRED", "Vui lòng điền " + field.label() + ".", field.label() + " is required.");
                }
                continue;
            }
            Object value = value(field, node, name, config, today, problems);
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    private static Object value(FormField field, JsonNode node, String name, ProvinceConfig config, LocalDate today,
                                BodyFields problems) {
        switch (field.type()) {
            case NUMBER -> {
                long number;
                if (node.isIntegralNumber() && node.canConvertToLong()) {
                    number = node.asLong();
                } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,18}")) {
                    number = Long.parseLong(node.asText().strip());
                } else {
                    problems.error(name, "NOT_A_NUMBER", "Phải là một số nguyên.", "Must be a whole number.");
                    return null;
                }
                if ((field.min() != null && number < field.min()) || (field.max() != null && number > field.max())) {
                    problems.error(name, "OUT_OF_RANGE", "Giá trị phải từ " + (field.min() == null ? "…" : field.min())
                            + " đến " + (field.max() == null ? "…" : field.max()) + ".", "The value is out of range.");
                    return null;
                }
                return number;
            }
            case ADDRESS -> {
                return address(field, node, name, config, problems);
            }
            default -> {
            }
        }
        if (!node.isTextual()) {
            problems.error(name, "INVALID_TYPE", "Phải là một chuỗi.", "Must be a string.");
            return null;
        }
        String text = TextRules.normalise(node.asText());
        switch (field.type()) {
            case TEXT -> {
                int max = field.maxLength() == null ? DEFAULT_MAX_TEXT : field.maxLength();
                if (TextRules.firstControlCharacter(text, false) >= 0) {
                    problems.error(name, "INVALID_CHARACTERS", "Có ký tự không hợp lệ.", "Contains control characters.");
                    return null;
                }
                if (TextRules.length(text) > max) {
                    problems.error(name, "TOO_LONG", "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
                    return null;
                }
                return text;
            }
            case DATE -> {
                LocalDate date = date(text);
                if (date == null) {
                    problems.error(name, "INVALID_DATE", "Ngày không hợp lệ (YYYY-MM-DD).", "Not a date (YYYY-MM-DD).");
                    return null;
                }
                FormField.DateRange range = field.dates() == null ? FormField.DateRange.ANY : field.dates();
                if (range == FormField.DateRange.PAST_OR_TODAY && date.isAfter(today)) {
                    problems.error(name, "DATE_IN_FUTURE", "Ngày không được sau hôm nay.", "The date is in the future.");
                    return null;
                }
                if (range == FormField.DateRange.TODAY_OR_FUTURE && date.isBefore(today)) {
                    problems.error(name, "DATE_IN_PAST", "Ngày không được trước hôm nay.", "The date is in the past.");
                    return null;
                }
                return date.toString();
            }
            case CHOICE -> {
                if (field.choices().stream().noneMatch(c -> c.value().equals(text))) {
                    problems.error(name, "UNKNOWN_CHOICE", "Lựa chọn không hợp lệ.", "Not one of the choices.");
                    return null;
                }
                return text;
            }
            case CCCD -> {
                if (!Cccd.valid(text)) {
                    problems.error(Cccd.invalid(name));
                    return null;
                }
                return text;
            }
            case PHONE -> {
                Optional<String> phone = PhoneNumbers.contact(text);
                if (phone.isEmpty()) {
                    problems.error(name, "INVALID_PHONE", "Số điện thoại không hợp lệ.", "Not a phone number.");
                    return null;
                }
                return phone.get();
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
    }

    private static Map<String, String> address(FormField field, JsonNode node, String name, ProvinceConfig config,
                                               BodyFields problems) {
        if (!node.isObject()) {
            problems.error(name, "INVALID_TYPE", "Phải là một địa chỉ {street, areaCode}.", "Must be {street, areaCode}.");
            return null;
        }
        JsonNode street = node.get("street");
        JsonNode areaCode = node.get("areaCode");
        String streetText = street == null || street.isNull() || !street.isTextual() ? null
                : TextRules.normalise(street.asText()).strip();
        int max = field.maxLength() == null ? DEFAULT_MAX_TEXT : field.maxLength();
        if (streetText == null || streetText.isEmpty()) {
            problems.error(name, "REQUIRED", "Vui lòng điền số nhà, đường.", "The street part is required.");
            return null;
        }
        if (TextRules.length(streetText) > max || TextRules.firstControlCharacter(streetText, false) >= 0) {
            problems.error(name, "TOO_LONG", "Tối đa " + max + " ký tự.", "At most " + max + " characters.");
            return null;
        }
        Optional<Area> area = areaCode == null || !areaCode.isTextual() ? Optional.empty() : commune(config, areaCode.asText());
        if (area.isEmpty()) {
            problems.error(name, "UNKNOWN_AREA", "Không có xã, phường này trong tỉnh.", "No such commune or ward in the province.");
            return null;
        }
        Map<String, String> value = new LinkedHashMap<>();
        value.put("street", streetText);
        value.put("areaCode", area.get().code());
        return value;
    }

    /** The current commune-level unit for a code (a former code that maps to exactly one is accepted). */
    static Optional<Area> commune(ProvinceConfig config, String code) {
        return config.resolveArea(code);
    }

    static LocalDate date(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
