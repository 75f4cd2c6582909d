package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.DUPLICATE_ID;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.shared.onestop.OneStopFields;

/**
 * Reads the optional {@code oneStop} object of a province file for {@link ProvinceConfigLoader}:
 * {@code {"enabled": true, "fieldNames": {"dossierCode": "SoHoSo"}}}. Absent:
 * {@link OneStopSettings#DISABLED}. {@code fieldNames} renames fields of the wire format
 * ({@link OneStopFields}, the one list of canonical names): an unknown canonical name, a name that
 * is not a JSON identifier, or two fields that would share a name (also with an unrenamed
 * field's default) is a problem at its path.
 */
final class OneStopReader {
    /** A vendor's JSON field name: letters, digits and '_', starting with a letter or '_'. */
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final String FIELD_NAME_EN = "a field name of letters (no diacritics), digits and '_', starting with "
            + "a letter or '_', at most 64 characters";
    private static final String FIELD_NAME_VI = "tên trường gồm chữ cái không dấu, chữ số và '_', bắt đầu bằng chữ cái "
            + "hoặc '_', tối đa 64 ký tự";

    private final StrictJson json;

    OneStopReader(StrictJson json) {
        this.json = json;
    }

    OneStopSettings oneStop(JsonAt at) {
        if (at == null) {
            return OneStopSettings.DISABLED;
        }
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        Boolean enabled = fields.bool("enabled", REQUIRED);
        Map<String, String> names = fieldNames(fields.object("fieldNames", OPTIONAL));
        fields.end();
        if (enabled == null || names == null) {
            return null;
        }
        return new OneStopSettings(enabled, names);
    }

    /** Canonical name -> vendor name, in file order; null when any is wrong. */
    private Map<String, String> fieldNames(Fields fields) {
        if (fields == null) {
            return Map.of();
        }
        Problems problems = json.problems();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, JsonAt> claimed = new HashMap<>();
        boolean valid = true;
        for (String canonical : OneStopFields.DEFAULTS.keySet()) {
            JsonAt value = fields.value(canonical, OPTIONAL);
            if (value == null) {
                continue;
            }
            String name = json.code(value, FIELD_NAME, FIELD_NAME_EN, FIELD_NAME_VI);
            if (name == null || !problems.claim(name, value, claimed)) {
                valid = false;
                continue;
            }
            names.put(canonical, name);
        }
        // An unknown canonical name (with a suggestion when it is a typo of a known one).
        int before = problems.all().size();
        fields.end();
        valid &= problems.all().size() == before;
        // A new name must not be the default of a field left unrenamed.
        for (Map.Entry<String, String> entry : OneStopFields.DEFAULTS.entrySet()) {
            String canonical = entry.getKey();
            JsonAt renamedAt = claimed.get(entry.getValue());
            if (!names.containsKey(canonical) && renamedAt != null) {
                problems.add(DUPLICATE_ID, renamedAt,
                        "'" + entry.getValue() + "' is the name of '" + canonical + "': rename '" + canonical
                                + "' too, or choose another name",
                        "'" + entry.getValue() + "' là tên của trường '" + canonical + "': hãy đổi tên cả '"
                                + canonical + "' hoặc chọn tên khác");
                valid = false;
            }
        }
        return valid ? names : null;
    }
}
