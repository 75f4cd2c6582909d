package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.province.ProvinceConfig;

/** The one reading of an {@code areaCodes} list (an alert's targets, a citizen's other communes). */
final class AlertAreaCodes {
    private AlertAreaCodes() {
    }

    /** Distinct codes of the configuration's communes, in order; absent = empty; each bad one an error naming it. */
    static List<String> read(JsonNode body, ProvinceConfig config, BodyFields fields, int max) {
        JsonNode node = body.get("areaCodes");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > max) {
            fields.error("areaCodes", "INVALID_TYPE", "Danh sách tối đa " + max + " mã xã/phường.",
                    "A list of at most " + max + " area codes.");
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
