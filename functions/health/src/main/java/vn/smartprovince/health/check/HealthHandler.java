package vn.smartprovince.health.check;

import java.time.Clock;
import vn.smartprovince.health.Wiring;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/health}: 200 when the deployment can serve, 503 when DynamoDB is not reachable.
 * The province configuration version in force is reported, and does not change the status.
 */
public final class HealthHandler extends HttpFunction {
    private final HealthCheck check;

    public HealthHandler() {
        this(Env.current());
    }

    HealthHandler(Env env) {
        this(env, Wiring.of(env));
    }

    private HealthHandler(Env env, Wiring wiring) {
        this(new HealthCheck(
                wiring.heartbeats(),
                wiring.provinceVersions(),
                Clock.systemUTC(),
                env.get("APP_VERSION", versionOfThisBuild()),
                env.get("STAGE", "local")));
    }

    HealthHandler(HealthCheck check) {
        this.check = check;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        HealthCheck.Report report = check.run();
        int status = report.status() == HealthCheck.Status.OK ? 200 : 503;
        return HttpResponse.json(status, report).withHeader("cache-control", "no-store");
    }

    private static String versionOfThisBuild() {
        String version = HealthHandler.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
