package vn.smartprovince.dossiers.catalogue;

import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/procedures/{code}} (public): one procedure with its form, documents, fee and
 * competence, for the mini app to render; 404 when no procedure has that code. See
 * {@link ProcedureCatalogue#get} and {@link CatalogueHandler}.
 */
public final class GetProcedureHandler extends CatalogueHandler {
    public GetProcedureHandler() {
        this(Env.current());
    }

    GetProcedureHandler(Env env) {
        super(env);
    }

    GetProcedureHandler(ProcedureCatalogue catalogue, long maxAgeSeconds) {
        super(catalogue, maxAgeSeconds);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        return cacheable(catalogue.get(request.pathParameter("code").orElse(null),
                request.header("if-none-match").orElse(null)));
    }
}
