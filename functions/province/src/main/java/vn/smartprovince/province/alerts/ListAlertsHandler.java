package vn.smartprovince.province.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/alerts?areaCode=} (public): the alerts in force now, for one commune (with the
 * province-wide ones) or all, most severe first: the mini app's banner. Cacheable for a minute.
 */
public final class ListAlertsHandler extends HttpFunction {
    static final String CACHE_CONTROL = "public, max-age=60";
    private final Alerts alerts;
    private final Supplier<ProvinceConfig> config;

    public ListAlertsHandler() {
        this(Env.current());
    }

    ListAlertsHandler(Env env) {
        this(AlertWiring.alerts(env), Wiring.provinceConfig(env));
    }

    ListAlertsHandler(Alerts alerts, Supplier<ProvinceConfig> config) {
        this.alerts = alerts;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ProvinceConfig snapshot = config.get();
        String areaCode = request.queryParameter("areaCode").filter(s -> !s.isBlank()).orElse(null);
        if (areaCode != null && (!Alerts.AREA.matcher(areaCode).matches() || snapshot.area(areaCode).isEmpty())) {
            throw ApiException.invalid(new FieldError("areaCode", "UNKNOWN_AREA", "Không có xã/phường này trong tỉnh.",
                    "No such commune or ward in the province."));
        }
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        alerts.inForce(areaCode).forEach(alert -> items.add(AlertViews.alert(alert, snapshot)));
        return HttpResponse.ok(body).withHeader("cache-control", CACHE_CONTROL);
    }
}
