package vn.smartprovince.reports;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.reports.photos.PhotoLinks;
import vn.smartprovince.reports.photos.PhotoStore;
import vn.smartprovince.reports.photos.S3PhotoStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * Builds the report functions' collaborators from a function's {@link Env}, by hand, once per
 * function instance (in the handler's constructor, so SnapStart snapshots them).
 *
 * <table>
 *   <caption>Variables read here (besides MAIN_TABLE)</caption>
 *   <tr><td>{@code PROVINCE_CODE}</td><td>the province whose configuration applies; optional when the table holds one</td></tr>
 *   <tr><td>{@code REPORT_REOPEN_DAYS}</td><td>days after the answer a citizen may reopen, 1–365, default 30</td></tr>
 * </table>
 */
final class Wiring {
    static final String PROVINCE_CODE = "PROVINCE_CODE";
    static final String REOPEN_DAYS = "REPORT_REOPEN_DAYS";

    private Wiring() {
    }

    static DynamoDbClient dynamoDb(Env env) {
        return AwsClients.dynamoDb(env);
    }

    static ReportStore store(Env env, DynamoDbClient dynamo) {
        return new DynamoDbReportStore(dynamo, env.required("MAIN_TABLE"));
    }

    static ProvinceSource province(Env env, DynamoDbClient dynamo) {
        return new StoredProvince(new ProvinceConfigStore(dynamo, env.required("MAIN_TABLE")),
                env.optional(PROVINCE_CODE).orElse(null), Duration.ofMinutes(5), Clock.systemUTC());
    }

    static OfficerDirectory officers(Env env, DynamoDbClient dynamo) {
        return new DynamoDbOfficerDirectory(dynamo, env.required("MAIN_TABLE"));
    }

    static CitizenReports citizenReports(Env env) {
        DynamoDbClient dynamo = dynamoDb(env);
        return new CitizenReports(store(env, dynamo), province(env, dynamo), officers(env, dynamo),
                Duration.ofDays(reopenDays(env)), Clock.systemUTC());
    }

    /** For reading a report: also signs links to its photos (no S3 client: signing needs none). */
    static CitizenReports citizenReportsWithPhotoLinks(Env env) {
        DynamoDbClient dynamo = dynamoDb(env);
        return new CitizenReports(store(env, dynamo), province(env, dynamo), officers(env, dynamo),
                Duration.ofDays(reopenDays(env)), Clock.systemUTC(),
                new PhotoLinks(S3PhotoStore.signerFromEnv(env), Clock.systemUTC()));
    }

    static SubmitReport submitReport(Env env, PhotoStore photos) {
        DynamoDbClient dynamo = dynamoDb(env);
        return new SubmitReport(store(env, dynamo), province(env, dynamo), photos, officers(env, dynamo),
                new TrackingCodes(), Clock.systemUTC());
    }

    static int reopenDays(Env env) {
        String text = env.get(REOPEN_DAYS, "30").strip();
        try {
            int days = Integer.parseInt(text);
            if (days >= 1 && days <= 365) {
                return days;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(REOPEN_DAYS + " must be a number of days from 1 to 365, got \"" + text + "\"");
    }

    /** The private photo bucket ({@code PHOTO_BUCKET}): verifies cited keys and marks them cited. */
    static PhotoStore photoStore(Env env) {
        return S3PhotoStore.fromEnv(env);
    }
}
