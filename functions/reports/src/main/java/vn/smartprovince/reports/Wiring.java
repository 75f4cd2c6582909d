package vn.smartprovince.reports;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.smartprovince.reports.core.AgencyMembers;
import vn.smartprovince.reports.core.OfficerDirectory;
import vn.smartprovince.reports.core.PhotoLinks;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.ProvinceSource;
import vn.smartprovince.reports.core.ReportStore;
import vn.smartprovince.reports.store.DynamoDbOfficerDirectory;
import vn.smartprovince.reports.store.DynamoDbReportStore;
import vn.smartprovince.reports.store.S3PhotoStore;
import vn.smartprovince.reports.store.StoredProvince;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.priming.Priming;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.wiring.DomainWiring;

/**
 * Builds the report functions' adapters from a function's {@link Env}, by hand, once per
 * function instance: a handler's no-arg constructor calls {@code Wiring.of(Env.current())} and
 * builds its use case from what it needs here (in the constructor, so SnapStart snapshots them).
 * Each adapter is built on first use and then reused, so a handler that asks twice (the store and
 * the province, say) still has one DynamoDB client and one province configuration source.
 *
 * <table>
 *   <caption>Variables read here</caption>
 *   <tr><td>{@code MAIN_TABLE}</td><td>the main table (reports, users, the province configuration)</td></tr>
 *   <tr><td>{@code PROVINCE_CODE}</td><td>the province whose configuration applies; optional when the table holds one</td></tr>
 *   <tr><td>{@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>see {@link ProvinceConfigSource}</td></tr>
 *   <tr><td>{@code REPORT_REOPEN_DAYS}</td><td>days after the answer a citizen may reopen, 1–365, default 30</td></tr>
 *   <tr><td>{@code PHOTO_BUCKET} and the photo limits</td><td>see {@link S3PhotoStore} (only the functions that touch photos)</td></tr>
 * </table>
 */
public final class Wiring extends DomainWiring {
    public static final String PROVINCE_CODE = "PROVINCE_CODE";
    public static final String REOPEN_DAYS = "REPORT_REOPEN_DAYS";

    private ReportStore reports;
    private ProvinceSource province;
    private DynamoDbOfficerDirectory officers;

    private Wiring(Env env, Clock clock) {
        super(env, clock);
    }

    public static Wiring of(Env env) {
        return new Wiring(env, Clock.systemUTC());
    }

    /** Reports, their history, jobs and counters in the main table. */
    public synchronized ReportStore reports() {
        if (reports == null) {
            reports = new DynamoDbReportStore(dynamoDb(), table());
        }
        return reports;
    }

    /** {@code PROVINCE_CODE}, when the function's environment names one. */
    public Optional<String> provinceCode() {
        return env().optional(PROVINCE_CODE);
    }

    /** The configuration in force as the use cases' port ({@link StoredProvince} on {@link #provinceConfigs}). */
    public synchronized ProvinceSource province() {
        if (province == null) {
            province = new StoredProvince(provinceConfigs());
        }
        return province;
    }

    private synchronized DynamoDbOfficerDirectory directory() {
        if (officers == null) {
            officers = new DynamoDbOfficerDirectory(dynamoDb(), table());
        }
        return officers;
    }

    /** An agency's officers (to notify them). */
    public OfficerDirectory officers() {
        return directory();
    }

    /** Whether a user is an officer of an agency (the assignee of a report must be). */
    public AgencyMembers members() {
        return directory();
    }

    public Duration reopenWindow() {
        return Duration.ofDays(reopenDays(env()));
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

    /** The private photo bucket ({@code PHOTO_BUCKET}) with an S3 client: verifies cited keys and attaches them. */
    public PhotoStore photos() {
        return S3PhotoStore.fromEnv(env());
    }

    /** Signing only (upload and download links): no S3 client, no call to S3. */
    public S3PhotoStore photoSigner() {
        return S3PhotoStore.signerFromEnv(env());
    }

    /** Short-lived links to photos, signed without an S3 client. */
    public PhotoLinks photoLinks() {
        return new PhotoLinks(photoSigner(), clock());
    }

    /**
     * The photo bucket built on first use, so that functions which rarely or never see photos
     * (every officer action but the answer; a submission without photos) neither build an S3
     * client at cold start nor need S3 permissions until they do.
     */
    public PhotoStore photosOnFirstUse() {
        PhotoStoreOnFirstUse lazy = new PhotoStoreOnFirstUse(this);
        // On Lambda the first use would fall after a SnapStart restore: the checkpoint builds it.
        Priming.register("reports photo store (S3 client)", lazy, store -> {
            store.store();
            return "built";
        });
        return lazy;
    }

    /** The photo bucket's store, built on its first use (or by the SnapStart hook). */
    private static final class PhotoStoreOnFirstUse implements PhotoStore {
        private final Wiring wiring;
        private volatile PhotoStore store;

        PhotoStoreOnFirstUse(Wiring wiring) {
            this.wiring = wiring;
        }

        private PhotoStore store() {
            PhotoStore current = store;
            if (current == null) {
                current = wiring.photos();
                store = current;
            }
            return current;
        }

        @Override
        public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
            return store().presignUpload(userId, contentType, sizeBytes);
        }

        @Override
        public void verifyUploadedBy(String userId, List<String> keys) {
            store().verifyUploadedBy(userId, keys);
        }

        @Override
        public URI presignDownload(String key, Duration validFor) {
            return store().presignDownload(key, validFor);
        }

        @Override
        public List<String> attach(String reportId, List<String> uploadKeys) {
            return store().attach(reportId, uploadKeys);
        }
    }
}
