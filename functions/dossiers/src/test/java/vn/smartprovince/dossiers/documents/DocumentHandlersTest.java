package vn.smartprovince.dossiers.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.dossiers.Fixtures.*;
import static vn.smartprovince.testkit.Handlers.invokeHttp;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.DocumentLimits;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** Uploads and downloads of dossier documents against the emulator. */
class DocumentHandlersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private CreateDocumentUploadHandler upload() {
        return new CreateDocumentUploadHandler(documents(aws), new DocumentLimits(DocumentLimits.DEFAULT_MAX_BYTES), () -> CONFIG);
    }

    @Test
    void anUploadUrlIsSignedForTheCallersPendingPrefixAndWorks() throws Exception {
        JsonNode answer = invokeHttp(upload(), event("dossiers-document-upload.json",
                body(Json.object().put("contentType", "application/pdf").put("bytes", 5))));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        String key = answer.path("json").path("fileKey").asText();
        assertTrue(key.matches("dossier-documents/pending/" + CITIZEN + "/[0-9a-f-]{36}\\.pdf"), key);
        assertEquals("application/pdf", answer.path("json").path("headers").path("Content-Type").asText());
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(answer.path("json").path("uploadUrl").asText()))
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofString("%PDF-")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(1, documents(aws).verify(CITIZEN, List.of(key), "documents").size());
    }

    @Test
    void badUploadsNameTheirField() {
        JsonNode type = invokeHttp(upload(), event("dossiers-document-upload.json",
                body(Json.object().put("contentType", "image/gif").put("bytes", 5))));
        assertEquals(400, type.path("statusCode").asInt());
        assertEquals("contentType", type.path("json").path("error").path("details").get(0).path("field").asText());
        JsonNode size = invokeHttp(upload(), event("dossiers-document-upload.json",
                body(Json.object().put("contentType", "image/png").put("bytes", 11L * 1024 * 1024))));
        assertEquals("bytes", size.path("json").path("error").path("details").get(0).path("field").asText());
        assertEquals("TOO_LARGE", size.path("json").path("error").path("details").get(0).path("code").asText());
        JsonNode pdfOnly = invokeHttp(upload(), event("dossiers-document-upload.json", body(Json.object()
                .put("contentType", "image/png").put("bytes", 5).put("procedureCode", ROAD_WORKS)
                .put("documentKey", "construction_design"))));
        assertEquals("UNSUPPORTED_TYPE", pdfOnly.path("json").path("error").path("details").get(0).path("code").asText());
        JsonNode unknown = invokeHttp(upload(), event("dossiers-document-upload.json", body(Json.object()
                .put("contentType", "image/png").put("bytes", 5).put("procedureCode", BIRTH).put("documentKey", "x"))));
        assertEquals("documentKey", unknown.path("json").path("error").path("details").get(0).path("field").asText());
    }

    @Test
    void aFileLinkOnlyForWhoeverMaySeeTheDossier() {
        String id = "dfiles000000000000000000001";
        Instant at = NOW;
        Dossier d = new Dossier.Builder().id(id).procedureCode(BIRTH).agencyId("ubnd-tan-ninh").status(DossierStatus.REGISTERED)
                .version(1).applicant(new Applicant(CITIZEN, "An", "072090001234", "84901234567", null,
                        new Address("1", "DEMO-P01"), Applicant.ApplicantType.CITIZEN))
                .documents(List.of(new AttachedDocument("birth_notice", "dossier-documents/dossiers/" + id + "/a.png",
                        DocumentType.PNG, 10, at, false)))
                .submittedAt(at).updatedAt(at).build();
        store(aws).create(d, new TimelineEntry(id, 1, at, CITIZEN, ActorRole.APPLICANT, DossierAction.SUBMIT, null,
                DossierStatus.REGISTERED, null, "ubnd-tan-ninh", null, null, null, Map.of()), List.of(), List.of());
        GetDossierFileHandler files = new GetDossierFileHandler(store(aws), documents(aws), new MutableClock(NOW));
        JsonNode mine = invokeHttp(files, event("dossiers-file-get.json", on(id)));
        assertEquals(200, mine.path("statusCode").asInt(), mine.toString());
        assertEquals("image/png", mine.path("json").path("contentType").asText());
        assertTrue(mine.path("json").path("url").asText().contains("dossier-documents/dossiers/" + id + "/a.png"));
        assertEquals(NOW.plusSeconds(300).toString(), mine.path("json").path("expiresAt").asText());
        assertEquals(200, invokeHttp(files, event("dossiers-file-get.json", on(id), officerOf("o1", "ubnd-tan-ninh")))
                .path("statusCode").asInt());
        assertEquals(404, invokeHttp(files, event("dossiers-file-get.json", on(id), as(OTHER))).path("statusCode").asInt());
        assertEquals(404, invokeHttp(files, event("dossiers-file-get.json", on(id), officerOf("o2", "ubnd-tan-an")))
                .path("statusCode").asInt());
        assertEquals(404, invokeHttp(files, event("dossiers-file-get.json", on(id), path("n", "3"))).path("statusCode").asInt());
        assertEquals(404, invokeHttp(files, event("dossiers-file-get.json", on(id), path("n", "result"))).path("statusCode").asInt());
    }
}
