package vn.smartprovince.shared.province;

import java.util.Map;

/**
 * How dossiers are synchronised with the province's one-stop system (hệ thống thông tin giải quyết
 * thủ tục hành chính): the {@code oneStop} object of the file. Where the system is (base URL) and its
 * credentials (a secret's name) are deployment parameters, not province data.
 *
 * @param enabled    false: nothing is sent (a province without a connected system yet)
 * @param fieldNames the vendor's JSON field name for each of our canonical names, where it differs
 *                   from the national default (see {@code functions/dossiers/README.md}, "One-stop sync")
 */
public record OneStopSettings(boolean enabled, Map<String, String> fieldNames) {
    public static final OneStopSettings DISABLED = new OneStopSettings(false, Map.of());

    public OneStopSettings {
        fieldNames = fieldNames == null ? Map.of() : Map.copyOf(fieldNames);
    }
}
