package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
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
        List<String> others = AlertAreaCodes.read(body, config, fields, AlertPrefs.MAX_OTHER_AREAS);
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
}
