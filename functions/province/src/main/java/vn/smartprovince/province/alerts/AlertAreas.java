package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.province.core.AlertPrefs;
import vn.smartprovince.province.core.AlertSubscriptions;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * A citizen's alert communes ({@code GET/PUT /v1/me/alert-areas}). A citizen who never chose gets
 * no alerts (the mini app asks on first open and suggests their home commune); the choice is their
 * home commune plus up to {@link AlertPrefs#MAX_OTHER_AREAS} others, or alerts disabled.
 */
final class AlertAreas {
    static final Set<String> FIELDS = Set.of("homeAreaCode", "areaCodes", "enabled", "expectedVersion");

    private final AlertSubscriptions subscriptions;
    private final Clock clock;

    AlertAreas(AlertSubscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    ObjectNode show(Caller caller, ProvinceConfig config) {
        return AlertViews.prefs(subscriptions.prefs(caller.userId()).orElse(null), config);
    }

    ObjectNode choose(Caller caller, ProvinceConfig config, JsonNode body) {
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, FIELDS);
        String home = fields.text(body, "homeAreaCode", "homeAreaCode", true, 40, false);
        if (home != null && config.area(home).isEmpty()) {
            fields.error("homeAreaCode", "UNKNOWN_AREA", "Không có xã/phường này trong tỉnh.",
                    "No such commune or ward in the province.");
        }
        List<String> others = areaCodes(body, config, fields);
        boolean enabled = !body.hasNonNull("enabled") || fields.bool(body, "enabled", "enabled");
        Long expected = fields.version(body);
        fields.done();
        AlertPrefs previous = subscriptions.prefs(caller.userId()).orElse(null);
        if (expected != null && (previous == null ? 0 : previous.version()) != expected) {
            throw conflict(previous, config);
        }
        List<String> withoutHome = others.stream().filter(code -> !code.equals(home)).toList();
        AlertPrefs next = new AlertPrefs(caller.userId(), home, withoutHome, enabled,
                previous == null ? 1 : previous.version() + 1, clock.instant());
        if (!subscriptions.save(next, previous)) {
            throw conflict(subscriptions.prefs(caller.userId()).orElse(null), config);
        }
        return AlertViews.prefs(next, config);
    }

    private static ApiException conflict(AlertPrefs current, ProvinceConfig config) {
        return new ApiException(ErrorCode.CONFLICT, "alert areas changed", List.of(), java.util.Map.of(),
                AlertViews.prefs(current, config));
    }

    private static List<String> areaCodes(JsonNode body, ProvinceConfig config, BodyFields fields) {
        JsonNode node = body.get("areaCodes");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            fields.error("areaCodes", "INVALID_TYPE", "Phải là danh sách mã xã/phường.", "Must be a list of area codes.");
            return List.of();
        }
        if (node.size() > AlertPrefs.MAX_OTHER_AREAS) {
            fields.error("areaCodes", "TOO_MANY", "Tối đa " + AlertPrefs.MAX_OTHER_AREAS + " xã/phường.",
                    "At most " + AlertPrefs.MAX_OTHER_AREAS + " areas.");
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode code = node.get(i);
            if (!code.isTextual() || config.area(code.textValue()).isEmpty()) {
                fields.error("areaCodes[" + i + "]", "UNKNOWN_AREA", "Không có xã/phường này trong tỉnh.",
                        "No such commune or ward in the province.");
            } else {
                codes.add(code.textValue());
            }
        }
        return new ArrayList<>(codes);
    }
}
