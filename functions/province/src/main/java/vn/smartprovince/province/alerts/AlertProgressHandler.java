package vn.smartprovince.province.alerts;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/alerts/{alertId}/progress} (senders): queued, sent, delivered, undeliverable and failed by reason. */
public final class AlertProgressHandler extends AuthenticatedFunction {
    private final Alerts alerts;

    public AlertProgressHandler() {
        this(Env.current());
    }

    AlertProgressHandler(Env env) {
        this(AlertWiring.alerts(env));
    }

    AlertProgressHandler(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, alerts.progress(caller, request.pathParameter("alertId").orElse(null)));
    }
}
