package vn.smartprovince.dossiers;

import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.dossiers.store.DynamoDbOneStopCursors;
import vn.smartprovince.dossiers.store.HttpOneStopGateway;
import vn.smartprovince.dossiers.store.S3DocumentStore;
import vn.smartprovince.shared.auth.AgencyOfficers;
import vn.smartprovince.shared.aws.DynamoDbCalls;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.RateLimiter;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.notify.Outbox;
import vn.smartprovince.shared.onestop.OneStopFields;
import vn.smartprovince.shared.province.ProvinceConfigSource;
import vn.smartprovince.shared.secrets.SecretsManagerSecrets;
import vn.smartprovince.shared.wiring.DomainWiring;

/**
 * Builds the dossier functions' adapters from a function's {@link Env}, by hand, once per function
 * instance: a handler's no-arg constructor calls {@code Wiring.of(Env.current())} and builds its
 * use case from what it needs here (in the constructor, so SnapStart snapshots them). Each adapter
 * is built on first use and then reused.
 *
 * <table>
 *   <caption>Variables read here</caption>
 *   <tr><td>{@code MAIN_TABLE}</td><td>the main table (dossiers, counters, the province configuration)</td></tr>
 *   <tr><td>{@code DOCUMENT_BUCKET}, {@code DOCUMENT_MAX_BYTES}</td><td>see {@link S3DocumentStore}</td></tr>
 *   <tr><td>{@code ONE_STOP_BASE_URL}, {@code ONE_STOP_SECRET_NAME}, {@code ONE_STOP_TIMEOUT_MILLIS}</td><td>see {@link HttpOneStopGateway}</td></tr>
 *   <tr><td>{@code PROVINCE_CODE}, {@code PROVINCE_CONFIG_REFRESH_SECONDS}</td><td>see {@link ProvinceConfigSource}</td></tr>
 * </table>
 */
public final class Wiring extends DomainWiring {
    private DossierStore dossiers;
    private DocumentStore documents;
    private DocumentStore documentSigner;
    private RateLimiter rateLimiter;
    private AgencyOfficers agencyOfficers;
    private vn.smartprovince.dossiers.core.OneStopCursors oneStopCursors;
    private java.util.Optional<vn.smartprovince.dossiers.core.OneStopGateway> oneStopGateway;

    private Wiring(Env env, Clock clock) {
        super(env, clock);
    }

    public static Wiring of(Env env) {
        return new Wiring(env, Clock.systemUTC());
    }

    /** THE dossier store (main table). */
    public synchronized DossierStore dossiers() {
        if (dossiers == null) {
            dossiers = new DynamoDbDossierStore(dynamoDb(), table());
        }
        return dossiers;
    }

    /** Desk updates of the one-stop system waiting for the one before them (main table, DESK#). */
    public vn.smartprovince.dossiers.core.ParkedDeskUpdates parkedDeskUpdates() {
        return new vn.smartprovince.dossiers.store.DynamoDbParkedDeskUpdates(dynamoDb(), table());
    }

    /** The document bucket: signs, verifies and copies (an S3 client). */
    public synchronized DocumentStore documents() {
        if (documents == null) {
            documents = S3DocumentStore.fromEnv(env());
        }
        return documents;
    }

    /** The document bucket for signing URLs only (no S3 client: a short cold start). */
    public synchronized DocumentStore documentSigner() {
        if (documentSigner == null) {
            documentSigner = S3DocumentStore.signerFromEnv(env());
        }
        return documentSigner;
    }

    /** What a document may be (DOCUMENT_MAX_BYTES). */
    public vn.smartprovince.dossiers.core.DocumentLimits documentLimits() {
        return vn.smartprovince.dossiers.core.DocumentLimits.fromEnv(env());
    }

    /** The caller's profile, to prefill an applicant. */
    public vn.smartprovince.dossiers.core.Profiles profiles() {
        return new vn.smartprovince.dossiers.store.DynamoDbProfiles(dynamoDb(), table());
    }

    /** Fixed-window rate limits in the main table (the public lookup). */
    public synchronized RateLimiter rateLimiter() {
        if (rateLimiter == null) {
            rateLimiter = new RateLimiter(dynamoDb(), table(), clock());
        }
        return rateLimiter;
    }

    /** Who works for an agency (the identity design's GSI1). */
    public synchronized AgencyOfficers agencyOfficers() {
        if (agencyOfficers == null) {
            agencyOfficers = new AgencyOfficers(dynamoDb(), table());
        }
        return agencyOfficers;
    }

    /**
     * Writes one notification job that no dossier change carries (the scheduler's reminders) unless
     * a job with its id exists already: false then, so a job id derived from the fact is sent once.
     */
    public boolean putJobOnce(NotificationJob job) {
        Put put = new Outbox(table()).putRequest(job);
        try {
            DynamoDbCalls.call(() -> dynamoDb().putItem(b -> b.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression())));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Each dossier's outbound cursor and its timeline from a version (main table). */
    public synchronized vn.smartprovince.dossiers.core.OneStopCursors oneStopCursors() {
        if (oneStopCursors == null) {
            oneStopCursors = new DynamoDbOneStopCursors(dynamoDb(), table());
        }
        return oneStopCursors;
    }

    /**
     * The one-stop system (empty when ONE_STOP_BASE_URL is empty: not connected), speaking the field
     * names of the province configuration in force.
     */
    public synchronized java.util.Optional<vn.smartprovince.dossiers.core.OneStopGateway> oneStopGateway() {
        if (oneStopGateway == null) {
            oneStopGateway = HttpOneStopGateway.fromEnv(env(), SecretsManagerSecrets.cached(env()),
                    () -> OneStopFields.of(provinceConfigs().snapshot().config().oneStop().fieldNames()));
        }
        return oneStopGateway;
    }
}
