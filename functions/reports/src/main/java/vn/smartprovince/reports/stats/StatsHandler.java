package vn.smartprovince.reports.stats;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.reports.StoredProvince;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * {@code GET /v1/stats?agencyId=|categoryCode=|areaCode=&month=YYYY-MM}: the dashboard's counters
 * for a province admin; an officer for their own agency only.
 */
public final class StatsHandler extends AuthenticatedFunction {
    private final ReportStats stats;

    public StatsHandler() {
        this(Env.current());
    }

    StatsHandler(Env env) {
        this(stats(env));
    }

    StatsHandler(ReportStats stats) {
        this.stats = stats;
    }

    private static ReportStats stats(Env env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required("MAIN_TABLE");
        return new ReportStats(dynamo, table, new StoredProvince(new ProvinceConfigStore(dynamo, table),
                env.optional("PROVINCE_CODE").orElse(null), Duration.ofMinutes(5), Clock.systemUTC()), Clock.systemUTC());
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        ReportStats.Stats result = stats.read(caller, request.queryParameter("agencyId").orElse(null),
                request.queryParameter("categoryCode").orElse(null), request.queryParameter("areaCode").orElse(null),
                request.queryParameter("month").orElse(null));
        return HttpResponse.json(200, result).withHeader("cache-control", "no-store");
    }
}
