package vn.smartprovince.health.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import vn.smartprovince.health.Wiring;
import vn.smartprovince.health.core.ProvinceVersion;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

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
        return HttpResponse.json(status, json(report)).withHeader("cache-control", "no-store");
    }

    /**
     * The report as Jackson would write the record (its components in order, nulls left out),
     * written by hand: mapping records by reflection is a large part of a cold start's first request.
     */
    static ObjectNode json(HealthCheck.Report report) {
        ObjectNode node = Json.object();
        Json.putIfPresent(node, "status", report.status() == null ? null : report.status().name());
        Json.putIfPresent(node, "version", report.version());
        Json.putIfPresent(node, "stage", report.stage());
        Json.putIfPresent(node, "checkedAt", report.checkedAt());
        HealthCheck.Probe probe = report.dynamodb();
        if (probe != null) {
            ObjectNode dynamodb = node.putObject("dynamodb");
            Json.putIfPresent(dynamodb, "name", probe.name());
            Json.putIfPresent(dynamodb, "status", probe.status() == null ? null : probe.status().name());
            dynamodb.put("latencyMs", probe.latencyMs());
            Json.putIfPresent(dynamodb, "cause", probe.cause());
        }
        ProvinceVersion province = report.provinceConfig();
        if (province != null) {
            ObjectNode config = node.putObject("provinceConfig");
            Json.putIfPresent(config, "code", province.code());
            if (province.version() != null) {
                config.put("version", province.version().intValue());
            }
            Json.putIfPresent(config, "publishedAt", province.publishedAt());
            Json.putIfPresent(config, "reason", province.reason());
        }
        return node;
    }

    private static String versionOfThisBuild() {
        String version = HealthHandler.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
