package vn.smartprovince.dossiers.submit;

import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierViews;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code POST /v1/dossiers} (signed in, {@code Idempotency-Key}): submits a dossier
 * ({@link SubmitDossier}); 201 with {@code id, reference, status {code, name}, procedure, agency,
 * submittedAt, version} and {@code location}. A retry with the same key and body answers the same
 * ({@code idempotent-replayed: true}); with another body, 422 {@code IDEMPOTENCY_KEY_REUSED}.
 */
public final class SubmitDossierHandler extends AuthenticatedFunction {
    private final SubmitDossier submit;
    private final Supplier<ProvinceConfig> config;

    public SubmitDossierHandler() {
        this(Wiring.of(Env.current()));
    }

    SubmitDossierHandler(Wiring wiring) {
        this(new SubmitDossier(wiring.dossiers(), wiring.documents(), wiring.profiles(), wiring.clock()),
                () -> wiring.provinceConfigs().snapshot().config());
    }

    SubmitDossierHandler(SubmitDossier submit, Supplier<ProvinceConfig> config) {
        this.submit = submit;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String key = Idempotency.key(request);
        ProvinceConfig snapshot = config.get();   // one version of the configuration for the whole request
        SubmitDossier.Submitted submitted = submit.submit(caller, snapshot, request.jsonBody(), key);
        Dossier dossier = submitted.dossier();
        HttpResponse response = HttpResponse.privateJson(201, DossierViews.summary(dossier, snapshot))
                .withHeader("location", "/v1/dossiers/" + dossier.id())
                .withHeader("etag", "\"" + dossier.version() + "\"");
        return Idempotency.answer(response, submitted.replayed());
    }
}
