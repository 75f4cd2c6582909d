package vn.smartprovince.reports.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Category;

class ReportCategoriesTest {
    static final String SHA = "5f2c0a9be1d47a6011223344556677889900aabbccddeeff0011223344556677";
    static final Category POTHOLE = new Category("POTHOLE", "Ổ gà", "Mặt đường hư hỏng.\nGhi rõ vị trí.", "pothole",
            true, 5, false, 50);
    static final Category NOISE = new Category("NOISE", "Tiếng ồn", null, "noise", false, 2, true, 100);
    static final PublishedCategories V3 = new PublishedCategories("DEMO-TNH", 3, SHA, List.of(POTHOLE, NOISE));

    @Test
    void theListShowsWhatTheMiniAppNeedsInTheProvincesOrder() {
        var answer = assertInstanceOf(ReportCategories.Listing.class, new ReportCategories(() -> Optional.of(V3)).list(null));
        assertEquals("\"v3-5f2c0a9be1d47a60-r1\"", answer.etag());
        JsonNode body = Json.read(Json.write(answer.body()));
        assertEquals("DEMO-TNH", body.path("provinceCode").asText());
        assertEquals(3, body.path("configVersion").asInt());
        JsonNode first = body.path("items").get(0);
        assertEquals("POTHOLE", first.path("code").asText());
        assertEquals("Ổ gà", first.path("name").asText());
        assertEquals("Mặt đường hư hỏng.\nGhi rõ vị trí.", first.path("description").asText());
        assertEquals("pothole", first.path("iconKey").asText());
        assertTrue(first.path("anonymousAllowed").asBoolean());
        assertEquals(5, first.path("answerDeadlineWorkingDays").asInt());
        assertFalse(first.path("urgent").asBoolean());
        assertFalse(first.has("duplicateRadiusMeters"), "routing detail, not for the mini app");
        JsonNode second = body.path("items").get(1);
        assertEquals("NOISE", second.path("code").asText());
        assertFalse(second.has("description"), "no description: left out");
        assertTrue(second.path("urgent").asBoolean());
    }

    @Test
    void theEntityTagFollowsTheConfiguration() {
        String v3 = ReportCategories.etag(V3);
        assertNotEquals(v3, ReportCategories.etag(new PublishedCategories("DEMO-TNH", 4, SHA, List.of(POTHOLE))));
        assertNotEquals(v3, ReportCategories.etag(new PublishedCategories("DEMO-TNH", 3,
                "0" + SHA.substring(1), List.of(POTHOLE, NOISE))));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIsNotModified() {
        ReportCategories categories = new ReportCategories(() -> Optional.of(V3));
        String etag = ReportCategories.etag(V3);
        for (String header : List.of(etag, "W/" + etag, "\"other\", " + etag, "*", "v3-5f2c0a9be1d47a60-r1",
                "  " + etag + "  ")) {
            assertInstanceOf(ReportCategories.NotModified.class, categories.list(header), header);
        }
        for (String header : List.of("\"v2-5f2c0a9be1d47a60-r1\"", "\"v3-5f2c0a9be1d47a60-r0\"", "", "\"\"", "W/")) {
            assertInstanceOf(ReportCategories.Listing.class, categories.list(header), header);
        }
    }

    @Test
    void noPublishedConfigurationIsA503NamingIt() {
        ApiException e = assertThrows(ApiException.class, () -> new ReportCategories(Optional::empty).list(null));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals("province configuration not published", e.getMessage());
    }
}
