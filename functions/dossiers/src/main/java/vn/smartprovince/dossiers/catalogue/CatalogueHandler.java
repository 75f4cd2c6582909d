package vn.smartprovince.dossiers.catalogue;

import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * What the two catalogue handlers share: the use case on the module's configuration source, and
 * the cacheable answer ({@code ETag}, {@code Cache-Control: public}, 304 on {@code If-None-Match}).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code PROVINCE_CODE}, {@code MAIN_TABLE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td>
 *       <td>the configuration in force (see {@code ProvinceConfigSource})</td></tr>
 *   <tr><td>{@code PROCEDURES_MAX_AGE_SECONDS}</td><td>{@code Cache-Control: public, max-age}, default 300; 0 to 86400</td></tr>
 * </table>
 *
 * A newly published configuration reaches every client within the sum of the refresh interval
 * and the max-age (6 minutes by default).
 */
abstract class CatalogueHandler extends HttpFunction {
    static final String MAX_AGE_SECONDS = "PROCEDURES_MAX_AGE_SECONDS";

    final ProcedureCatalogue catalogue;
    private final String cacheControl;

    CatalogueHandler(Env env) {
        this(Wiring.of(env));
    }

    private CatalogueHandler(Wiring wiring) {
        this(new ProcedureCatalogue(wiring.provinceConfigs()::snapshot), wiring.env().number(MAX_AGE_SECONDS, 300, 0, 86_400));
    }

    /** With another catalogue (the warm-overhead benchmark: the configuration from memory). */
    CatalogueHandler(ProcedureCatalogue catalogue, long maxAgeSeconds) {
        this.catalogue = catalogue;
        this.cacheControl = "public, max-age=" + maxAgeSeconds;
    }

    HttpResponse cacheable(ProcedureCatalogue.Answer answer) {
        return HttpResponse.cacheable(answer.notModified() ? null : answer.body(), answer.etag(), cacheControl);
    }
}
