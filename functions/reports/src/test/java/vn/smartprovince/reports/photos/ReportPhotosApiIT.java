package vn.smartprovince.reports.photos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.reports.store.S3PhotoStore;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.testkit.LocalApiExtension;
import vn.smartprovince.zalostub.ZaloStubClient.NewUser;
import vn.smartprovince.zalostub.ZaloStubClient.StubUser;

/**
 * Categories and photo uploads end to end: HTTP through the local runtime (the template's routes,
 * authorizer and the reports zip), the emulator's DynamoDB and S3, the Zalo stub for sign-in. The
 * photo's bytes really travel to the presigned URL; the store then accepts the key from its
 * uploader only.
 */
class ReportPhotosApiIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static LocalApiExtension api = new LocalApiExtension();

    @BeforeAll
    static void publishASmallProvince() throws IOException {
        try (InputStream in = ReportPhotosApiIT.class.getResourceAsStream("/categories/province.json")) {
            new ProvinceConfigStore(api.aws().dynamoDb(), api.aws().tableName("MainTable"))
                    .publish(ProvinceConfigLoader.parse(in.readAllBytes(), "categories/province.json"));
        }
    }

    static String sessionOf(StubUser user) throws Exception {
        HttpResponse<String> signedIn = api.post("/v1/auth/zalo",
                Json.write(Json.object().put("accessToken", user.accessToken())));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        return Json.read(signedIn.body()).path("sessionToken").asText();
    }

    static HttpResponse<String> askForUpload(String session, String json) throws Exception {
        return api.post("/v1/report-photos/uploads", json, "authorization", "Bearer " + session);
    }

    @Test
    void categoriesArePublicAndRevalidateWithTheirEntityTag() throws Exception {
        HttpResponse<String> first = api.get("/v1/report-categories");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode body = Json.read(first.body());
        assertEquals("DEMO-TNH", body.path("provinceCode").asText());
        assertEquals(List.of("POTHOLE", "NOISE", "OTHER"),
                List.of(body.path("items").get(0).path("code").asText(), body.path("items").get(1).path("code").asText(),
                        body.path("items").get(2).path("code").asText()));
        assertEquals("public, max-age=300", first.headers().firstValue("cache-control").orElse(""));
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<String> again = api.get("/v1/report-categories", "if-none-match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("etag").orElse(""));
    }

    @Test
    void aSignedInCitizenUploadsAPhotoThatOnlyTheyCanCite() throws Exception {
        StubUser an = api.zaloStub().createUser(NewUser.named("Nguyễn Thị An"));
        StubUser binh = api.zaloStub().createUser(NewUser.named("Trần Văn Bình"));
        String session = sessionOf(an);

        byte[] photo = new byte[150_000];
        new Random(7).nextBytes(photo);
        HttpResponse<String> asked = askForUpload(session,
                "{\"contentType\": \"image/heic\", \"sizeBytes\": " + photo.length + "}");
        assertEquals(200, asked.statusCode(), asked.body());
        assertEquals("no-store", asked.headers().firstValue("cache-control").orElse(""));
        JsonNode upload = Json.read(asked.body());
        String key = upload.path("key").asText();
        assertTrue(key.startsWith("report-photos/pending/" + an.id() + "/") && key.endsWith(".heic"), key);

        // The mini app's PUT, straight to storage with the headers it was given.
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("uploadUrl").asText()))
                .timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stored.statusCode(), stored.body());

        // What report submission does with the key (the functions' own environment).
        S3PhotoStore store = S3PhotoStore.fromEnv(api.aws().env("CreatePhotoUploadFunction"));
        store.verifyUploadedBy(an.id(), List.of(key));
        ApiException other = assertThrows(ApiException.class, () -> store.verifyUploadedBy(binh.id(), List.of(key)));
        assertEquals("photoKeys[0]", other.details().get(0).field());
        assertEquals("NOT_YOURS", other.details().get(0).code());

        HttpResponse<byte[]> shown = HTTP.send(HttpRequest.newBuilder(store.presignDownload(key, Duration.ofMinutes(1)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, shown.statusCode());
        assertArrayEquals(photo, shown.body());
    }

    @Test
    void uploadsNeedASessionAndStayWithinTheLimits() throws Exception {
        HttpResponse<String> anonymous = api.post("/v1/report-photos/uploads", "{\"contentType\": \"image/jpeg\", \"sizeBytes\": 10}");
        assertEquals(401, anonymous.statusCode());

        String session = sessionOf(api.zaloStub().createUser(NewUser.named("Lê Thị Cúc")));
        HttpResponse<String> tooLarge = askForUpload(session, "{\"contentType\": \"image/jpeg\", \"sizeBytes\": 10485761}");
        assertEquals(400, tooLarge.statusCode());
        JsonNode detail = Json.read(tooLarge.body()).path("error").path("details").get(0);
        assertEquals("sizeBytes", detail.path("field").asText());
        assertEquals("TOO_LARGE", detail.path("code").asText());
        HttpResponse<String> gif = askForUpload(session, "{\"contentType\": \"image/gif\", \"sizeBytes\": 1000}");
        assertEquals("UNSUPPORTED_TYPE", Json.read(gif.body()).path("error").path("details").get(0).path("code").asText());
    }
}
