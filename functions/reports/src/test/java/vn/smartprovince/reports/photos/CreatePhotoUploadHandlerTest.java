package vn.smartprovince.reports.photos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Tag;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.PhotoType;
import vn.smartprovince.reports.store.S3PhotoStore;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * {@code POST /v1/report-photos/uploads} and the S3 photo store against the emulator's S3 (the
 * template's PhotoBucket), driven by events/reports-photo-upload.json: the answer's URL and
 * headers really upload; verification, citing and downloads on what was uploaded.
 */
class CreatePhotoUploadHandlerTest {
    static final String AN = "9000000000000000001";   // the event's signed-in citizen
    static final String BINH = "9000000000000000002";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static Env env() {
        return aws.env("CreatePhotoUploadFunction");
    }

    static ObjectNode event(Object body) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("reports-photo-upload.json"));
        if (body != null) {
            event.put("body", body instanceof String text ? text : Json.write(body));
        }
        return event;
    }


    static byte[] photo(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;   // a JPEG's start-of-image marker, for the look of it
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    /** What the mini app does with the answer: PUT the bytes to the URL with exactly the headers given. */
    static HttpResponse<String> put(JsonNode upload, byte[] bytes) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        upload.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String tagOf(String key) {
        List<Tag> tags = aws.s3().getObjectTagging(b -> b.bucket(aws.bucketName("PhotoBucket")).key(key)).tagSet();
        return tags.stream().filter(t -> t.key().equals(PhotoKeys.STATE_TAG)).map(Tag::value).findFirst().orElse(null);
    }

    static List<String> codes(ApiException e) {
        return e.details().stream().map(d -> d.field() + ":" + d.code()).toList();
    }

    @Test
    void theEventsUploadIsSignedThenUploadedVerifiedAttachedAndShown() throws Exception {
        byte[] bytes = photo(2_483_211);
        JsonNode result = invokeHttp(new CreatePhotoUploadHandler(env()), event(null));
        assertEquals(200, result.path("statusCode").asInt(), result.toString());
        assertEquals("no-store", result.path("headers").path("cache-control").asText());
        JsonNode upload = result.path("json");
        String key = upload.path("key").asText();
        assertTrue(key.startsWith("report-photos/pending/" + AN + "/") && key.endsWith(".jpg"), key);
        assertTrue(upload.path("uploadUrl").asText().startsWith(aws.endpoint() + "/" + aws.bucketName("PhotoBucket") + "/" + key + "?"),
                "path style on the emulator: " + upload.path("uploadUrl").asText());
        assertEquals("image/jpeg", upload.path("headers").path("Content-Type").asText());
        assertEquals("photo-state=pending", upload.path("headers").path("x-amz-tagging").asText());
        assertTrue(upload.path("expiresAt").asText().endsWith("Z"));

        HttpResponse<String> stored = put(upload, bytes);
        assertEquals(200, stored.statusCode(), stored.body());
        var head = aws.s3().headObject(b -> b.bucket(aws.bucketName("PhotoBucket")).key(key));
        assertEquals(bytes.length, head.contentLength());
        assertEquals("image/jpeg", head.contentType());
        assertEquals("pending", tagOf(key), "uploads are pending until a report cites them");

        S3PhotoStore store = S3PhotoStore.fromEnv(env());
        store.verifyUploadedBy(AN, List.of(key));
        ApiException notYours = assertThrows(ApiException.class, () -> store.verifyUploadedBy(BINH, List.of(key)));
        assertEquals(List.of("photoKeys[0]:NOT_YOURS"), codes(notYours));

        String reportId = "rattachedonceaaaaaaaaaaaa";
        List<String> kept = store.attach(reportId, List.of(key));
        assertEquals(kept, store.attach(reportId, List.of(key)), "a retried request makes the same copy");
        String copy = kept.get(0);
        assertTrue(copy.startsWith("report-photos/reports/" + reportId + "/") && copy.endsWith(".jpg"), copy);
        assertFalse(copy.contains(AN), "the report's copy does not name the uploader: " + copy);
        assertEquals("cited", tagOf(copy), "out of the lifecycle rule's reach");
        assertEquals("pending", tagOf(key), "the upload itself expires like any other");
        var copied = aws.s3().headObject(b -> b.bucket(aws.bucketName("PhotoBucket")).key(copy));
        assertEquals("image/jpeg", copied.contentType());
        assertEquals(1, aws.s3().listObjectsV2(b -> b.bucket(aws.bucketName("PhotoBucket"))
                .prefix("report-photos/reports/" + reportId + "/")).keyCount(), "one copy, however often retried");

        URI download = store.presignDownload(copy, Duration.ofMinutes(5));
        HttpResponse<byte[]> shown = HTTP.send(HttpRequest.newBuilder(download).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, shown.statusCode());
        assertArrayEquals(bytes, shown.body());
    }

    @Test
    void keysNotUploadedOrOutsideTheLimitsAreNamedByIndex() throws Exception {
        String bucket = aws.bucketName("PhotoBucket");
        Env small = aws.env("CreatePhotoUploadFunction", Map.of("PHOTO_MAX_BYTES", "2048"));
        S3PhotoStore store = S3PhotoStore.fromEnv(small);

        // uploaded through a URL from this store
        JsonNode upload = invokeHttp(new CreatePhotoUploadHandler(small), event(Map.of("contentType", "image/png", "sizeBytes", 2048))).path("json");
        assertEquals(200, put(upload, photo(2048)).statusCode());
        String good = upload.path("key").asText();
        // never uploaded
        String missing = PhotoKeys.pending(AN, PhotoType.JPEG, UUID.randomUUID());
        // written around the signer (or before the limit was lowered): too big, wrong type for its name
        String tooBig = PhotoKeys.pending(AN, PhotoType.JPEG, UUID.randomUUID());
        aws.s3().putObject(b -> b.bucket(bucket).key(tooBig).contentType("image/jpeg"), RequestBody.fromBytes(photo(4096)));
        String wrongType = PhotoKeys.pending(AN, PhotoType.JPEG, UUID.randomUUID());
        aws.s3().putObject(b -> b.bucket(bucket).key(wrongType).contentType("text/html"), RequestBody.fromBytes(photo(100)));
        String binhs = PhotoKeys.pending(BINH, PhotoType.JPEG, UUID.randomUUID());
        aws.s3().putObject(b -> b.bucket(bucket).key(binhs).contentType("image/jpeg"), RequestBody.fromBytes(photo(100)));

        ApiException e = assertThrows(ApiException.class,
                () -> store.verifyUploadedBy(AN, List.of(good, missing, tooBig, wrongType, binhs)));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of("photoKeys[1]:NOT_UPLOADED", "photoKeys[2]:NOT_UPLOADED", "photoKeys[3]:NOT_UPLOADED",
                "photoKeys[4]:NOT_YOURS"), codes(e));
        store.verifyUploadedBy(AN, List.of(good));

        ApiException attachMissing = assertThrows(ApiException.class,
                () -> store.attach("rdemoreportsampleaaaaaaaa", List.of(good, missing)));
        assertEquals(List.of("photoKeys[1]:NOT_UPLOADED"), codes(attachMissing));
    }

    @Test
    void badRequestsNameTheirFieldsInTheCallersLanguage() throws IOException {
        CreatePhotoUploadHandler handler = new CreatePhotoUploadHandler(env());
        Map<Object, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put(Map.of("contentType", "image/gif", "sizeBytes", 1000), List.of("contentType:UNSUPPORTED_TYPE"));
        cases.put(Map.of("contentType", "image/jpeg", "sizeBytes", 10_485_761), List.of("sizeBytes:TOO_LARGE"));
        cases.put(Map.of("contentType", "image/jpeg", "sizeBytes", 0), List.of("sizeBytes:OUT_OF_RANGE"));
        cases.put(Map.of("contentType", "image/jpeg", "sizeBytes", 12.5), List.of("sizeBytes:INVALID_TYPE"));
        cases.put(Map.of("contentType", "image/jpeg", "sizeBytes", "1000"), List.of("sizeBytes:INVALID_TYPE"));
        cases.put(Map.of("contentType", 7, "sizeBytes", 1000), List.of("contentType:INVALID_TYPE"));
        cases.put(Map.of(), List.of("contentType:REQUIRED", "sizeBytes:REQUIRED"));
        cases.put(Map.of("contentType", "image/jpeg", "sizeBytes", 1000, "reportId", "x"), List.of("reportId:UNKNOWN_FIELD"));
        for (var c : cases.entrySet()) {
            JsonNode result = invokeHttp(handler, event(c.getKey()));
            assertEquals(400, result.path("statusCode").asInt(), c.getKey() + " -> " + result);
            List<String> found = new ArrayList<>();
            result.path("json").path("error").path("details").forEach(d -> found.add(d.path("field").asText() + ":" + d.path("code").asText()));
            assertEquals(c.getValue(), found, String.valueOf(c.getKey()));
        }
        assertEquals("MALFORMED_JSON", invokeHttp(handler, event("{\"contentType\": ")).path("json").path("error").path("code").asText());

        ObjectNode english = event(Map.of("contentType", "image/jpeg", "sizeBytes", 20_000_000));
        ((ObjectNode) english.path("headers")).put("accept-language", "en");
        JsonNode detail = invokeHttp(handler, english).path("json").path("error").path("details").get(0);
        assertTrue(detail.path("message").asText().contains("10485760 bytes (10 MB)"), detail.toString());
        ObjectNode vietnamese = event(Map.of("contentType", "image/jpeg", "sizeBytes", 20_000_000));
        assertTrue(invokeHttp(handler, vietnamese).path("json").path("error").path("details").get(0).path("message").asText()
                .startsWith("Ảnh quá lớn"));
    }

    /** The template's bucket and the signer's policy say what the code assumes (prefix, tag, headers). */
    @Test
    @SuppressWarnings("unchecked")
    void theTemplatesBucketAndPolicyMatchTheKeyScheme() throws IOException {
        var template = aws.stack().template();
        Map<String, Object> bucket = (Map<String, Object>) aws.intrinsics().resolve(
                template.resource("PhotoBucket").orElseThrow().properties());
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), bucket.get("PublicAccessBlockConfiguration"));
        assertEquals("BucketOwnerEnforced", ((List<Map<String, Object>>) ((Map<String, Object>)
                bucket.get("OwnershipControls")).get("Rules")).get(0).get("ObjectOwnership"));
        assertTrue(bucket.containsKey("BucketEncryption"));

        Map<String, Object> expiry = ((List<Map<String, Object>>) ((Map<String, Object>)
                bucket.get("LifecycleConfiguration")).get("Rules")).get(0);
        assertEquals(PhotoKeys.PENDING_PREFIX, expiry.get("Prefix"));
        assertEquals(List.of(Map.of("Key", PhotoKeys.STATE_TAG, "Value", PhotoKeys.PENDING)), expiry.get("TagFilters"));
        assertEquals(1, expiry.get("ExpirationInDays"));

        Map<String, Object> cors = ((List<Map<String, Object>>) ((Map<String, Object>)
                bucket.get("CorsConfiguration")).get("CorsRules")).get(0);
        assertEquals(List.of("PUT"), cors.get("AllowedMethods"));
        assertEquals(List.of("https://h5.zdn.vn", "zbrowser://h5.zdn.vn"), cors.get("AllowedOrigins"));
        JsonNode upload = invokeHttp(new CreatePhotoUploadHandler(env()), event(null)).path("json");
        List<String> sent = new ArrayList<>();
        upload.path("headers").fieldNames().forEachRemaining(name -> sent.add(name.toLowerCase(java.util.Locale.ROOT)));
        assertTrue(((List<String>) cors.get("AllowedHeaders")).containsAll(sent), "CORS allows " + sent);

        Map<String, Object> signer = (Map<String, Object>) aws.intrinsics().resolve(
                template.resource("CreatePhotoUploadFunction").orElseThrow().properties());
        Map<String, Object> statement = ((List<Map<String, Object>>) ((List<Map<String, Object>>)
                signer.get("Policies")).get(0).get("Statement")).get(0);
        assertEquals(List.of("s3:PutObject", "s3:PutObjectTagging"), statement.get("Action"));
        assertEquals("arn:aws:s3:::" + aws.bucketName("PhotoBucket") + "/" + PhotoKeys.PENDING_PREFIX + "*",
                statement.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("s3:RequestObjectTag/" + PhotoKeys.STATE_TAG, PhotoKeys.PENDING)),
                statement.get("Condition"));
    }

    @Test
    void aSignedOutCallerIsRefusedBeforeAnythingIsSigned() throws IOException {
        ObjectNode event = event(null);
        ObjectNode lambda = (ObjectNode) event.path("requestContext").path("authorizer").path("lambda");
        lambda.removeAll();
        lambda.put("authenticated", "false").put("reason", "TOKEN_EXPIRED");
        JsonNode result = invokeHttp(new CreatePhotoUploadHandler(env()), event);
        assertEquals(401, result.path("statusCode").asInt(), result.toString());
        assertEquals("TOKEN_EXPIRED", result.path("json").path("error").path("details").get(0).path("code").asText());
    }
}
