package vn.smartprovince.province.alerts;

import java.util.function.Supplier;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/** {@code GET /v1/alerts/{alertId}} (public): one alert, also once expired or cancelled (its status says so). */
public final class GetAlertHandler extends HttpFunction {
    private final Alerts alerts;
    private final Supplier<ProvinceConfig> config;

    public GetAlertHandler() {
        this(Env.current());
    }

    GetAlertHandler(Env env) {
        this(AlertWiring.alerts(env), Wiring.provinceConfig(env));
    }

    GetAlertHandler(Alerts alerts, Supplier<ProvinceConfig> config) {
        this.alerts = alerts;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return HttpResponse.ok(AlertViews.alert(alerts.find(request.pathParameter("alertId").orElse(null)), config.get()))
                .withHeader("cache-control", ListAlertsHandler.CACHE_CONTROL);
    }
}
