package vn.smartprovince.dossiers.citizen;

import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.DossierErrors;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code GET /v1/dossiers/{id}} (signed in): the dossier with its full timeline (public comments,
 * never internal notes), what is asked of the applicant and the clock; for the applicant, the
 * officers of an agency that handles or handled it and admins (CCCD and phone unmasked only for
 * the applicant and the current agency). Anyone else: 404.
 */
public final class GetDossierHandler extends AuthenticatedFunction {
    private final CitizenDossiers dossiers;
    private final Supplier<ProvinceConfig> config;

    public GetDossierHandler() {
        this(Wiring.of(Env.current()));
    }

    GetDossierHandler(Wiring wiring) {
        this(CitizenDossiers.of(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    GetDossierHandler(CitizenDossiers dossiers, Supplier<ProvinceConfig> config) {
        this.dossiers = dossiers;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = request.pathParameter("id").orElseThrow(DossierErrors::notFound);
        CitizenDossiers.Viewed viewed = dossiers.get(caller, id, config.get());
        return HttpResponse.privateJson(200, viewed.view()).withHeader("etag", "\"" + viewed.dossier().version() + "\"");
    }
}
