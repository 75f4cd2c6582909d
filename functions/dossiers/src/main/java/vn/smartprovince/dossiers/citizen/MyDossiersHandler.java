package vn.smartprovince.dossiers.citizen;

import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/me/dossiers?limit&cursor} (signed in): the caller's dossiers, newest first, each
 * with its status, procedure, reference, due date and {@code askedOfYou}.
 */
public final class MyDossiersHandler extends AuthenticatedFunction {
    private final CitizenDossiers dossiers;
    private final Supplier<ProvinceConfig> config;

    public MyDossiersHandler() {
        this(Wiring.of(Env.current()));
    }

    MyDossiersHandler(Wiring wiring) {
        this(CitizenDossiers.of(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    MyDossiersHandler(CitizenDossiers dossiers, Supplier<ProvinceConfig> config) {
        this.dossiers = dossiers;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        int limit = request.pageLimit();
        String cursor = request.queryParameter("cursor").orElse(null);
        return HttpResponse.privateJson(200, dossiers.mine(caller, cursor, limit, config.get()));
    }
}
