package vn.smartprovince.province.alerts;

import java.util.function.Supplier;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/** {@code GET /v1/me/alert-areas}: the caller's alert communes; {@code chosen: false} when they never chose (no alerts). */
public final class GetAlertAreasHandler extends AuthenticatedFunction {
    private final AlertAreas areas;
    private final Supplier<ProvinceConfig> config;

    public GetAlertAreasHandler() {
        this(Env.current());
    }

    GetAlertAreasHandler(Env env) {
        this(AlertWiring.areas(env), Wiring.provinceConfig(env));
    }

    GetAlertAreasHandler(AlertAreas areas, Supplier<ProvinceConfig> config) {
        this.areas = areas;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, areas.show(caller, config.get()));
    }
}
