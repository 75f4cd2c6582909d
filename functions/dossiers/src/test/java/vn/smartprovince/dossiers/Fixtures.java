package vn.smartprovince.dossiers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.Fee;
import vn.smartprovince.shared.province.FormField;
import vn.smartprovince.shared.province.OnlineLevel;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * The dossier tests' province: the demo configuration with unit codes on the commune agencies and
 * two procedures built here (until the catalogue's loader reads them): a birth registration routed
 * by the applicant's commune and a fixed-agency one. Events are events/dossiers-*.json (citizen
 * 9000000000000000001).
 */
public final class Fixtures {
    public static final String CITIZEN = "9000000000000000001";
    public static final String OTHER = "9000000000000000002";
    public static final String BIRTH = "1.001193.000.00.00.H56";
    public static final String PERMIT = "1.009994.000.00.00.H56";
    public static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");   // Monday 09:00 in Vietnam
    public static final ProvinceConfig CONFIG = config();

    private Fixtures() {
    }

    static ProvinceConfig config() {
        ProvinceConfig demo = ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        List<Agency> agencies = new ArrayList<>();
        for (Agency a : demo.agencies()) {
            String unit = switch (a.id()) {
                case "ubnd-tan-ninh" -> "000.21.30.H56";
                case "ubnd-tan-an" -> "000.22.30.H56";
                case "so-xay-dung" -> "000.00.15.H56";
                default -> null;
            };
            agencies.add(new Agency(a.id(), a.name(), a.kind(), a.contactPhone(), a.allAreas(), a.areaCodes(), unit));
        }
        List<DocumentType> any = List.of(DocumentType.JPEG, DocumentType.PNG, DocumentType.PDF);
        Procedure birth = new Procedure(BIRTH, "Đăng ký khai sinh", "Hộ tịch",
                new Competence(Competence.Basis.APPLICANT_AREA, List.of("ubnd-tan-ninh", "ubnd-tan-an"), null),
                OnlineLevel.FULL, 3, new Fee(Fee.Kind.NONE, null, List.of(), null),
                List.of(new DocumentRequirement("giay_chung_sinh", "Giấy chứng sinh", true, any, 2),
                        new DocumentRequirement("to_khai", "Tờ khai đăng ký khai sinh", false, List.of(DocumentType.PDF), 1)),
                List.of(new FormField("childName", "Họ tên trẻ", FormField.FieldType.TEXT, true, 50, null, null, null, null, null),
                        new FormField("birthDate", "Ngày sinh", FormField.FieldType.DATE, true, null, null, null,
                                FormField.DateRange.PAST_OR_TODAY, null, null),
                        new FormField("gender", "Giới tính", FormField.FieldType.CHOICE, true, null, null, null, null,
                                List.of(new FormField.Choice("NAM", "Nam"), new FormField.Choice("NU", "Nữ")), null),
                        new FormField("weightGrams", "Cân nặng (gam)", FormField.FieldType.NUMBER, false, null, 300L, 7000L,
                                null, null, null),
                        new FormField("fatherCccd", "CCCD của cha", FormField.FieldType.CCCD, false, null, null, null, null, null, null),
                        new FormField("contactPhone", "Điện thoại liên hệ", FormField.FieldType.PHONE, false, null, null, null,
                                null, null, null),
                        new FormField("birthPlace", "Nơi sinh", FormField.FieldType.ADDRESS, true, 200, null, null, null, null, null)),
                List.of(ResultDelivery.DESK, ResultDelivery.POST, ResultDelivery.ONLINE), null);
        Procedure permit = new Procedure(PERMIT, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng",
                new Competence(Competence.Basis.FIXED, List.of("so-xay-dung"), null), OnlineLevel.PARTIAL, 15,
                new Fee(Fee.Kind.FIXED, 75_000L, List.of(), null),
                List.of(new DocumentRequirement("ban_ve", "Bản vẽ thiết kế", false, List.of(DocumentType.PDF), 5)),
                List.of(new FormField("floors", "Số tầng", FormField.FieldType.NUMBER, true, null, 1L, 7L, null, null, null)),
                List.of(ResultDelivery.DESK), null);
        return new ProvinceConfig(demo.schemaVersion(), demo.demo(), demo.province(), demo.zalo(), demo.areas(), agencies,
                demo.categories(), demo.routing(), demo.holidayCalendar(), demo.notificationTemplates(),
                List.of(birth, permit));
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
