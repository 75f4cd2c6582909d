package vn.smartprovince.dossiers.catalogue;

import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/procedures?q=&field=&agencyId=&limit=&cursor=} (public): the procedures found,
 * by name, with the fields to filter by. See {@link ProcedureCatalogue#list} and {@link CatalogueHandler}.
 */
public final class ListProceduresHandler extends CatalogueHandler {
    public ListProceduresHandler() {
        this(Env.current());
    }

    ListProceduresHandler(Env env) {
        super(env);
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        ProcedureCatalogue.Query query = new ProcedureCatalogue.Query(request.queryParameter("q").orElse(null),
                request.queryParameter("field").orElse(null), request.queryParameter("agencyId").orElse(null),
                request.queryParameter("cursor").orElse(null), request.pageLimit());
        return cacheable(catalogue.list(query, request.header("if-none-match").orElse(null)));
    }
}
