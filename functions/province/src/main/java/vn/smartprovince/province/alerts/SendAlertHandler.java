package vn.smartprovince.province.alerts;

import java.util.function.Supplier;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code POST /v1/alerts} (PROVINCE_ADMIN or ALERT_SENDER; {@code Idempotency-Key}): sends an urgent
 * alert; 202 with the alert (status SENDING) and {@code location}; the fan-out goes on in the background.
 */
public final class SendAlertHandler extends AuthenticatedFunction {
    private final Alerts alerts;
    private final Supplier<ProvinceConfig> config;

    public SendAlertHandler() {
        this(Env.current());
    }

    SendAlertHandler(Env env) {
        this(AlertWiring.alerts(env), Wiring.provinceConfig(env));
    }

    SendAlertHandler(Alerts alerts, Supplier<ProvinceConfig> config) {
        this.alerts = alerts;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        Alerts.requireSender(caller);
        String key = Idempotency.key(request);
        ProvinceConfig snapshot = config.get();
        Alerts.Sent sent = alerts.send(caller, snapshot, request.jsonBody(), key);
        HttpResponse response = HttpResponse.privateJson(202, AlertViews.alert(sent.alert(), snapshot))
                .withHeader("location", "/v1/alerts/" + sent.alert().id());
        return Idempotency.answer(response, sent.replayed());
    }
}
