package vn.smartprovince.province.alerts;

import java.util.function.Supplier;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code PUT /v1/me/alert-areas} {@code {homeAreaCode, areaCodes?, enabled?, expectedVersion?}}: the
 * caller's alert communes, replacing the previous choice (409 with the current one when
 * {@code expectedVersion} is stale or another request won).
 */
public final class PutAlertAreasHandler extends AuthenticatedFunction {
    private final AlertAreas areas;
    private final Supplier<ProvinceConfig> config;

    public PutAlertAreasHandler() {
        this(Env.current());
    }

    PutAlertAreasHandler(Env env) {
        this(AlertWiring.areas(env), Wiring.provinceConfig(env));
    }

    PutAlertAreasHandler(AlertAreas areas, Supplier<ProvinceConfig> config) {
        this.areas = areas;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, areas.choose(caller, config.get(), request.jsonBody()));
    }
}
