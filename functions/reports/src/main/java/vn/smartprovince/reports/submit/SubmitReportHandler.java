package vn.smartprovince.reports.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
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
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Area;
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

    /**
     * SnapStart: a report the configuration in force accepts (its first category, in its first area
     * with a centroid inside the province), so priming goes through validation, routing, the
     * idempotency read and the transaction's marshalling; the guard refuses the transaction itself.
     * Without a configuration, the default request.
     */
    @Override
    protected byte[] primingEvent() {
        ProvinceConfig config;
        try {
            config = province.config();
        } catch (RuntimeException e) {
            return super.primingEvent();
        }
        Area area = config.areas().stream()
                .filter(a -> a.centroid() != null && config.province().contains(a.centroid().lat(), a.centroid().lng()))
                .findFirst().orElse(null);
        if (area == null || config.categories().isEmpty()) {
            return super.primingEvent();
        }
        ObjectNode body = Json.object();
        body.put("category", config.categories().get(0).code());
        body.put("description", "SnapStart priming");
        body.putObject("location").put("lat", area.centroid().lat()).put("lng", area.centroid().lng())
                .put("areaCode", area.code());
        body.putArray("photoKeys");
        body.put("hideIdentity", false);
        return primingEvent("POST /v1/reports", Map.of(), Json.write(body));
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
