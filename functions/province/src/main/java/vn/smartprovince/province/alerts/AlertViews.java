package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.smartprovince.province.core.Alert;
import vn.smartprovince.province.core.AlertPrefs;
import vn.smartprovince.province.core.AlertProgress;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.ProvinceConfig;

/** The JSON shapes of the alert routes (functions/openapi.yaml, "alerts"). */
final class AlertViews {
    private AlertViews() {
    }

    /** What anyone may read: the alert, never who sent it. */
    static ObjectNode alert(Alert alert, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("id", alert.id());
        node.put("kind", alert.kind().name());
        node.put("severity", alert.severity().name());
        node.put("title", alert.title());
        node.put("message", alert.message());
        node.put("provinceWide", alert.provinceWide());
        ArrayNode areas = node.putArray("areas");
        for (String code : alert.areaCodes()) {
            areas.addObject().put("code", code).put("name", config == null ? code
                    : config.area(code).map(Area::name).orElse(code));
        }
        node.put("validFrom", alert.validFrom().toString());
        node.put("validUntil", alert.validUntil().toString());
        node.put("status", alert.status().name());
        return node;
    }

    static ObjectNode progress(Alert alert, AlertProgress progress) {
        ObjectNode node = Json.object();
        node.put("alertId", alert.id());
        node.put("status", alert.status().name());
        node.put("queued", progress.queued());
        node.put("sent", progress.sent());
        node.put("delivered", progress.delivered());
        node.put("pending", progress.pending());
        ObjectNode undeliverable = node.putObject("undeliverable");
        progress.undeliverable().forEach(undeliverable::put);
        ObjectNode failed = node.putObject("failed");
        progress.failed().forEach(failed::put);
        node.put("partitions", progress.partitions());
        node.put("partitionsDone", progress.partitionsDone());
        return node;
    }

    static ObjectNode prefs(AlertPrefs prefs, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("chosen", prefs != null);
        node.put("enabled", prefs != null && prefs.enabled());
        if (prefs == null) {
            node.putNull("homeAreaCode");
            node.putArray("areaCodes");
            node.putArray("areas");
            return node;
        }
        node.put("homeAreaCode", prefs.homeAreaCode());
        ArrayNode codes = node.putArray("areaCodes");
        prefs.areaCodes().forEach(codes::add);
        ArrayNode areas = node.putArray("areas");
        for (String code : prefs.subscribedAreas().isEmpty() ? java.util.List.of(prefs.homeAreaCode())
                : prefs.subscribedAreas()) {
            areas.addObject().put("code", code).put("name", config.area(code).map(Area::name).orElse(code));
        }
        node.put("version", prefs.version());
        node.put("updatedAt", prefs.updatedAt().toString());
        return node;
    }
}
