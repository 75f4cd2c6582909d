package vn.smartprovince.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * What the end-to-end tests of reports do over HTTP (the test kit's {@link ApiClient}: sign-in,
 * officers, requests, notifications) plus the report requests: photo uploads and submissions.
 */
public final class ReportsApiClient extends ApiClient {

    public ReportsApiClient(LocalApiExtension api) {
        super(api);
    }

    /** A photo uploaded as the mini app does: ask for a presigned URL, PUT the bytes there; answers its key. */
    public String uploadPhoto(Person who, byte[] photo) throws Exception {
        JsonNode upload = ok(send("POST", "/v1/report-photos/uploads", who,
                "{\"contentType\": \"image/jpeg\", \"sizeBytes\": " + photo.length + "}"));
        put(upload.path("uploadUrl").asText(), upload.path("headers"), photo);
        return upload.path("key").asText();
    }

    /** A submission body at the demo ward DEMO-P02 (Tân Ninh), with {@code changes} applied. */
    public static ObjectNode submission(String category, String description, Map<String, Object> changes) {
        ObjectNode body = Json.object().put("category", category).put("description", description);
        body.putObject("location").put("lat", 11.3101).put("lng", 106.0985).put("address", "12 Đường 30/4")
                .put("areaCode", "DEMO-P02");
        changes.forEach((name, value) -> body.set(name, Json.MAPPER.valueToTree(value)));
        return body;
    }

    /** Submits and answers the 201's body. */
    public JsonNode submit(Person citizen, ObjectNode body) throws Exception {
        HttpResponse<String> created = send("POST", "/v1/reports", citizen, Json.write(body));
        assertEquals(201, created.statusCode(), created.body());
        return Json.read(created.body());
    }

    /** {@link ApiClient#dispatched} for report jobs, whose deduplication key is {@code REPORT#<jobId>}. */
    @Override
    public Set<String> dispatched(Set<String> jobIds, int seconds) throws InterruptedException {
        Set<String> keys = jobIds.stream().map(id -> "REPORT#" + id).collect(Collectors.toSet());
        return super.dispatched(keys, seconds).stream().map(key -> key.substring("REPORT#".length()))
                .collect(Collectors.toSet());
    }
}
