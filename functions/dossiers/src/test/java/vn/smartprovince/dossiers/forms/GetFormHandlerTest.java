package vn.smartprovince.dossiers.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.Events;
import vn.smartprovince.testkit.Handlers;

/** The forms route as API Gateway calls it (events/dossiers-form-get.json, the applicant's session). */
class GetFormHandlerTest {
    final MapDossierStore store = new MapDossierStore().put(FormFixtures.dossier().toBuilder().id("dsampledossieraaaaaaaaaaa")
            .build(), FormFixtures.timeline());
    final GetFormHandler handler = new GetFormHandler(new DossierForms(store, FormFixtures::config));

    ObjectNode call(Consumer<ObjectNode> change) {
        ObjectNode event = (ObjectNode) Json.read(Events.load("dossiers-form-get.json"));
        change.accept(event);
        return Handlers.invokeHttp(handler, event);
    }

    static Consumer<ObjectNode> form(String form) {
        return e -> ((ObjectNode) e.path("pathParameters")).put("form", form);
    }

    static Consumer<ObjectNode> json() {
        return e -> {
            e.remove("queryStringParameters");
            ((ObjectNode) e.path("headers")).put("accept", "application/json");
        };
    }

    static Consumer<ObjectNode> as(String userId) {
        return e -> ((ObjectNode) e.path("requestContext").path("authorizer").path("lambda")).put("userId", userId);
    }

    @Test
    void theApplicantPrintsTheSlipAsHtml() {
        JsonNode answer = call(as(FormFixtures.APPLICANT));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("text/html; charset=utf-8", answer.path("headers").path("content-type").asText());
        assertEquals("no-store", answer.path("headers").path("cache-control").asText());
        String html = answer.path("body").asText();
        assertTrue(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertTrue(html.contains(FormFixtures.CODE));
        assertTrue(html.contains("<svg"));
    }

    @Test
    void jsonByDefault() {
        JsonNode answer = call(as(FormFixtures.APPLICANT).andThen(json()).andThen(form("06")));
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        assertEquals("06", answer.path("json").path("form").asText());
        assertEquals(4, answer.path("json").path("processControl").path("handovers").size());
    }

    @Test
    void strangersAndFormsNotIssuedAre404() {
        JsonNode stranger = call(as("9000000000000000002"));
        assertEquals(404, stranger.path("statusCode").asInt());
        assertEquals("NOT_FOUND", stranger.path("json").path("error").path("code").asText());
        assertEquals(0, stranger.path("json").path("error").path("details").size());
        JsonNode notIssued = call(as(FormFixtures.APPLICANT).andThen(form("05")));
        assertEquals(404, notIssued.path("statusCode").asInt());
        assertEquals("FORM_NOT_ISSUED", notIssued.path("json").path("error").path("details").path(0).path("code").asText());
    }
}
