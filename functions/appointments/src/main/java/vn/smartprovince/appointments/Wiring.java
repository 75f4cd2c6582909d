package vn.smartprovince.appointments;

import java.time.Clock;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.wiring.DomainWiring;

/**
 * Builds the appointment functions' adapters from a function's {@link Env}, by hand, once per
 * function instance (in the handler's constructor, so SnapStart snapshots them).
 */
public final class Wiring extends DomainWiring {
    private Wiring(Env env, Clock clock) {
        super(env, clock);
    }

    public static Wiring of(Env env) {
        return new Wiring(env, Clock.systemUTC());
    }
}
