package vn.smartprovince.dossiers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.DocumentLimits;
import vn.smartprovince.dossiers.store.DynamoDbDossierStore;
import vn.smartprovince.dossiers.store.S3DocumentStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * The dossier tests' province: the demo configuration (infra/demo/tay-ninh.json) as loaded, with
 * its procedures, so the tests and the sample events (events/dossiers-*.json, citizen
 * 9000000000000000001) stay what start-local answers: the birth registration (routed by the
 * child's residence commune, form field {@code residence}), the certified copy (routed by the
 * applicant's commune) and the road-works permit (fixed: Sở Xây dựng).
 */
public final class Fixtures {
    public static final String CITIZEN = "9000000000000000001";
    public static final String OTHER = "9000000000000000002";
    public static final String BIRTH = "1.001193.000.00.00.H56";
    public static final String CERTIFIED_COPY = "2.000815.000.00.00.H56";
    public static final String ROAD_WORKS = "1.009817.000.00.00.H56";
    public static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");   // Monday 09:00 in Vietnam
    public static final ProvinceConfig CONFIG = config();

    private Fixtures() {
    }

    static ProvinceConfig config() {
        return ProvinceConfigLoader.load(AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    }

    public static DynamoDbDossierStore store(AwsEmulatorExtension aws) {
        return new DynamoDbDossierStore(aws.dynamoDb(), aws.tableName("MainTable"));
    }

    public static S3DocumentStore documents(AwsEmulatorExtension aws) {
        return new S3DocumentStore(aws.s3(), AwsClients.s3Presigner(aws.env("DossierSubmitFunction")),
                aws.bucketName("DocumentBucket"), new DocumentLimits(DocumentLimits.DEFAULT_MAX_BYTES), UUID::randomUUID);
    }

    /** A file the user "uploaded" (put where the presigned PUT would have put it). */
    public static String upload(AwsEmulatorExtension aws, String userId, DocumentType type, int bytes) {
        String key = "dossier-documents/pending/" + userId + "/" + UUID.randomUUID() + "." + type.extension();
        aws.s3().putObject(b -> b.bucket(aws.bucketName("DocumentBucket")).key(key).contentType(type.contentType()),
                RequestBody.fromBytes(new byte[bytes]));
        return key;
    }

    public static void profile(AwsEmulatorExtension aws, String userId, String displayName, String phone) {
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("MainTable")).item(Map.of(
                "pk", AttributeValue.fromS("USER#" + userId), "sk", AttributeValue.fromS("PROFILE"),
                "itemType", AttributeValue.fromS("USER"), "zaloId", AttributeValue.fromS(userId),
                "zaloName", AttributeValue.fromS("Zalo " + displayName), "displayName", AttributeValue.fromS(displayName),
                "phone", AttributeValue.fromS(phone))));
    }

    // ------------------------------------------------------------------ events

    @SafeVarargs
    public static ObjectNode event(String name, Consumer<ObjectNode>... changes) {
        ObjectNode event = (ObjectNode) Json.read(Events.load(name));
        for (Consumer<ObjectNode> change : changes) {
            change.accept(event);
        }
        return event;
    }

    public static Consumer<ObjectNode> on(String id) {
        return e -> {
            ((ObjectNode) e.path("pathParameters")).put("id", id);
            e.put("rawPath", e.path("rawPath").asText().replace("ddemodossiersampleaaaaaaa", id));
        };
    }

    public static Consumer<ObjectNode> path(String name, String value) {
        return e -> ((ObjectNode) e.path("pathParameters")).put(name, value);
    }

    public static Consumer<ObjectNode> as(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId);
    }

    public static Consumer<ObjectNode> officerOf(String userId, String agencyId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId)
                .put("roles", "CITIZEN,OFFICER").put("agencyId", agencyId);
    }

    public static Consumer<ObjectNode> admin(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId)
                .put("roles", "CITIZEN,PROVINCE_ADMIN").put("agencyId", "");
    }

    public static Consumer<ObjectNode> body(Object body) {
        return e -> e.put("body", body instanceof String s ? s : Json.write(body));
    }

    public static Consumer<ObjectNode> header(String name, String value) {
        return e -> ((ObjectNode) e.path("headers")).put(name, value);
    }

    public static Consumer<ObjectNode> query(String name, String value) {
        return e -> {
            ObjectNode q = e.has("queryStringParameters") && e.get("queryStringParameters").isObject()
                    ? (ObjectNode) e.get("queryStringParameters") : e.putObject("queryStringParameters");
            q.put(name, value);
        };
    }
}
