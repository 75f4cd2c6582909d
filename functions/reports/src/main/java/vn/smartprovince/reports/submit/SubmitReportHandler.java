package vn.smartprovince.reports.submit;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code POST /v1/reports}: a citizen sends a field report; answers 201 with the id, the tracking
 * code, the agency it was routed to and the expected answer date. With an {@code Idempotency-Key}
 * a retry answers the same (201, {@code idempotent-replayed: true}) and never creates a second report.
 */
public final class SubmitReportHandler extends AuthenticatedFunction {
    private final SubmitReport submit;
    private final ProvinceSource province;

    public SubmitReportHandler() {
        this(Env.current());
    }

    SubmitReportHandler(Env env) {
        this(Wiring.of(env));
    }

    private SubmitReportHandler(Wiring wiring) {
        // The S3 client and presigner only when a report cites photos: one without costs no S3 set-up.
        this(wiring, wiring.photosOnFirstUse());
    }

    /** With another photo store (tests: photos that need no bucket). */
    public SubmitReportHandler(Env env, PhotoStore photos) {
        this(Wiring.of(env), photos);
    }

    private SubmitReportHandler(Wiring wiring, PhotoStore photos) {
        this(new SubmitReport(wiring.reports(), wiring.province(), photos, wiring.officers(), new TrackingCodes(),
                wiring.clock()), wiring.province());
    }

    SubmitReportHandler(SubmitReport submit, ProvinceSource province) {
        this.submit = submit;
        this.province = province;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String key = Idempotency.key(request);
        ProvinceConfig config = province.config();   // one version of the configuration for the whole request
        SubmitReport.Submitted submitted = submit.submit(caller, config, request.jsonBody(), key);
        Report report = submitted.report();
        String agencyName = config.agency(report.agencyId()).map(a -> a.name()).orElse(report.agencyId());
        HttpResponse response = HttpResponse.privateJson(201, new Views.Submitted(report.id(), report.trackingCode(),
                        report.status(), report.version(), new Views.Submitted.Agency(report.agencyId(), agencyName),
                        report.deadline().toString(), report.createdAt().toString(), report.urgent()).toJson())
                .withHeader("location", "/v1/reports/" + report.id())
                .withHeader("etag", "\"" + report.version() + "\"");
        return Idempotency.answer(response, submitted.replayed());
    }
}
