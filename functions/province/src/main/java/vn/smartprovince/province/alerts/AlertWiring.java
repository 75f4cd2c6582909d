package vn.smartprovince.province.alerts;

import java.time.Clock;
import vn.smartprovince.province.Wiring;
import vn.smartprovince.shared.config.Env;

/** The alert use cases from the function's environment (adapters from {@link Wiring}). */
final class AlertWiring {
    private AlertWiring() {
    }

    static Alerts alerts(Env env) {
        return new Alerts(Wiring.alertStore(env), Wiring.alertQueues(env), Clock.systemUTC());
    }

    static AlertAreas areas(Env env) {
        return new AlertAreas(Wiring.alertSubscriptions(env), Clock.systemUTC());
    }

    static AlertFanOut fanOut(Env env) {
        return new AlertFanOut(Wiring.alertStore(env), Wiring.alertSubscriptions(env), Wiring.alertQueues(env),
                Wiring.provinceConfig(env), Clock.systemUTC(),
                (int) env.number("ALERT_FANOUT_PAGE_SIZE", AlertFanOut.DEFAULT_PAGE_SIZE, 10, 1000));
    }
}
