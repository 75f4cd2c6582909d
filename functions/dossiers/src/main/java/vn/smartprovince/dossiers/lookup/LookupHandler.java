package vn.smartprovince.dossiers.lookup;

import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/dossier-lookup/{code}} (public, no session): see {@link DossierLookup}. */
public final class LookupHandler extends HttpFunction {
    private final DossierLookup lookup;

    public LookupHandler() {
        this(Env.current());
    }

    LookupHandler(Env env) {
        this(lookup(Wiring.of(env)));
    }

    private static DossierLookup lookup(Wiring wiring) {
        return new DossierLookup(wiring.dossiers(), wiring.rateLimiter(),
                () -> wiring.provinceConfigs().snapshot().config());
    }

    LookupHandler(DossierLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        LookupView view = lookup.lookup(request.pathParameter("code").orElse(""),
                request.queryParameter("phoneLast4").orElse(null), request.sourceIp());
        return HttpResponse.privateJson(200, view);
    }
}
