package vn.smartprovince.reports.stats;

import com.fasterxml.jackson.databind.JsonNode;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.testkit.Handlers;

/** Runs the stats handler with a function's environment, for tests in other packages. */
public final class StatsHandlerAccess {
    private StatsHandlerAccess() {
    }

    public static JsonNode invoke(Env env, JsonNode event) {
        return Handlers.invoke(new StatsHandler(env), event);
    }
}
