package vn.smartprovince.dossiers.citizen;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.DossierErrors;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * What the applicant does to their dossier, one method per function ({@code Handler:
 * vn.smartprovince.dossiers.citizen.CitizenActionHandler::<method>}); each function keeps its own
 * Lambda, route and policy. Both answer the dossier as it now is (200, {@code ETag}).
 */
public final class CitizenActionHandler {
    private final HttpFunction withdraw;
    private final HttpFunction supplement;

    public CitizenActionHandler() {
        this(Wiring.of(Env.current()));
    }

    CitizenActionHandler(Wiring wiring) {
        this(CitizenDossiers.of(wiring), () -> wiring.provinceConfigs().snapshot().config());
    }

    CitizenActionHandler(CitizenDossiers dossiers, Supplier<ProvinceConfig> config) {
        withdraw = action((caller, id, body) -> dossiers.withdraw(caller, id, body, config.get()));
        supplement = action((caller, id, body) -> dossiers.supplement(caller, id, body, config.get()));
    }

    /** {@code POST /v1/dossiers/{id}/withdraw} {@code {expectedVersion, reason?}}: status 7 while allowed. */
    public void withdraw(InputStream input, OutputStream output, Context context) throws IOException {
        withdraw.handleRequest(input, output, context);
    }

    /** {@code POST /v1/dossiers/{id}/supplement} {@code {expectedVersion, comment, documents?}}: answers form 02. */
    public void supplement(InputStream input, OutputStream output, Context context) throws IOException {
        supplement.handleRequest(input, output, context);
    }

    interface Action {
        CitizenDossiers.Viewed apply(Caller caller, String id, Supplier<JsonNode> body);
    }

    /** The body is handed over unread: the use case checks the caller's right to the dossier first. */
    static HttpFunction action(Action action) {
        return new AuthenticatedFunction() {
            @Override
            protected HttpResponse handle(HttpRequest request, Caller caller) {
                String id = request.pathParameter("id").orElseThrow(DossierErrors::notFound);
                CitizenDossiers.Viewed viewed = action.apply(caller, id, request::jsonBody);
                return HttpResponse.privateJson(200, viewed.view())
                        .withHeader("etag", "\"" + viewed.dossier().version() + "\"");
            }
        };
    }
}
