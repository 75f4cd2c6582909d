package vn.smartprovince.reports.citizen;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/reports/nearby?category=&lat=&lng=}: open reports of the category within its duplicate radius, to offer me-too before submitting. */
public final class NearbyReportsHandler extends AuthenticatedFunction {
    private final CitizenReports reports;

    public NearbyReportsHandler() {
        this(Env.current());
    }

    NearbyReportsHandler(Env env) {
        this(CitizenReports.of(Wiring.of(env)));
    }

    NearbyReportsHandler(CitizenReports reports) {
        this.reports = reports;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        BodyFields fields = new BodyFields();
        com.fasterxml.jackson.databind.node.ObjectNode query = vn.smartprovince.shared.json.Json.object();
        for (String name : java.util.List.of("lat", "lng")) {
            String text = request.queryParameter(name).orElse(null);
            if (text != null) {
                try {
                    query.put(name, Double.parseDouble(text.strip()));
                } catch (NumberFormatException e) {
                    query.put(name, text);
                }
            }
        }
        Double lat = fields.number(query, "lat", "lat", -90, 90);
        Double lng = fields.number(query, "lng", "lng", -180, 180);
        String category = request.queryParameter("category").orElse(null);
        if (category == null || category.isBlank()) {
            fields.error("category", "REQUIRED", "Thiếu loại phản ánh.", "category is missing.");
        }
        fields.done();
        var items = reports.nearby(category.strip(), lat, lng);
        return HttpResponse.privateJson(200, new Views.NearbyList(items, reports.radiusOf(category.strip())));
    }
}
