package vn.smartprovince.dossiers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * What the end-to-end tests of dossiers do over HTTP (the test kit's {@link ApiClient}: sign-in,
 * officers, requests, notifications) plus the dossier requests: document uploads, submissions,
 * officer actions with the version they saw.
 */
final class DossiersApiClient extends ApiClient {
    static final String BIRTH_REGISTRATION = "1.001193.000.00.00.H56";
    static final String HOUSE_PERMIT = "1.009994.000.00.00.H56";
    static final String CERTIFIED_COPY = "2.000815.000.00.00.H56";

    DossiersApiClient(LocalApiExtension api) {
        super(api);
    }

    /** A file uploaded as the mini app does: ask for a presigned URL, PUT the bytes there; answers its key. */
    String upload(Person who, String contentType, byte[] bytes) throws Exception {
        JsonNode upload = ok(send("POST", "/v1/dossier-documents/uploads", who,
                Json.write(Json.object().put("contentType", contentType).put("bytes", bytes.length))));
        put(upload.path("uploadUrl").asText(), upload.path("headers"), bytes);
        return upload.path("fileKey").asText();
    }

    /** Submits with an Idempotency-Key and answers the 201's body. */
    JsonNode submit(Person applicant, ObjectNode body, String idempotencyKey) throws Exception {
        HttpResponse<String> created = send("POST", "/v1/dossiers", applicant, Json.write(body),
                "idempotency-key", idempotencyKey);
        assertEquals(201, created.statusCode(), created.body());
        return Json.read(created.body());
    }

    /** The applicant block of a submission, living in {@code areaCode}. */
    static ObjectNode applicant(String fullName, String cccd, String phone, String areaCode) {
        ObjectNode applicant = Json.object().put("fullName", fullName).put("cccd", cccd).put("phone", phone);
        applicant.putObject("address").put("street", "12 Đường 30/4").put("areaCode", areaCode);
        return applicant;
    }

    static ObjectNode address(String street, String areaCode) {
        return Json.object().put("street", street).put("areaCode", areaCode);
    }

    /** An officer's action on the dossier at the version they saw; answers the dossier as it now is. */
    JsonNode act(Person officer, String id, String action, int expectedVersion, Map<String, Object> fields)
            throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(fields);
        body.put("expectedVersion", expectedVersion);
        return ok(send("POST", "/v1/dossiers/" + id + "/" + action, officer, Json.write(body)));
    }

    JsonNode dossier(Person who, String id) throws Exception {
        return ok(send("GET", "/v1/dossiers/" + id, who, null));
    }

    /**
     * Sets attributes of the stored dossier, the queue's sort key following a new {@code dueDate}:
     * the test's way of letting days pass on a wall-clock runtime.
     */
    void rewrite(String id, Map<String, String> changes) {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("DOSSIER#" + id), "sk", AttributeValue.fromS("DOSSIER"));
        Map<String, String> attributes = new java.util.HashMap<>(changes);
        if (changes.containsKey("dueDate")) {
            String queued = api.aws().dynamoDb().getItem(b -> b.tableName(table()).key(key).consistentRead(true))
                    .item().get("gsi2sk").s();
            attributes.put("gsi2sk", changes.get("dueDate") + queued.substring(queued.indexOf('#')));
        }
        StringBuilder set = new StringBuilder();
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            set.append(i == 0 ? "SET " : ", ").append("#a").append(i).append(" = :v").append(i);
            names.put("#a" + i, attribute.getKey());
            values.put(":v" + i, AttributeValue.fromS(attribute.getValue()));
            i++;
        }
        api.aws().dynamoDb().updateItem(b -> b.tableName(table()).key(key)
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
    }
}
