package vn.smartprovince.province.alerts;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code POST /v1/alerts/{alertId}/cancel} (senders): nothing more is sent; 200 with the progress
 * (status CANCELLED). Idempotent: cancelling a cancelled alert answers the same.
 */
public final class CancelAlertHandler extends AuthenticatedFunction {
    private final Alerts alerts;

    public CancelAlertHandler() {
        this(Env.current());
    }

    CancelAlertHandler(Env env) {
        this(AlertWiring.alerts(env));
    }

    CancelAlertHandler(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        return HttpResponse.privateJson(200, alerts.cancel(caller, request.pathParameter("alertId").orElse(null)));
    }
}
