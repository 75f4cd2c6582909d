package vn.smartprovince.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.testkit.ApiClient.ok;
import static vn.smartprovince.testkit.ApiClient.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.testkit.ApiClient;
import vn.smartprovince.testkit.ApiClient.Person;
import vn.smartprovince.testkit.LocalApiExtension;

/**
 * The directory (danh bạ) and the role grants of issue 14 over HTTP through the local runtime
 * (the template's routes, authorizer and zips, the demo province): the nearest ward office from a
 * position near it, a search without diacritics, caching; an admin grants EDITOR, which the
 * user's next request shows; a citizen cannot grant.
 */
class DirectoryApiIT {
    static final String FIRST_ADMIN = "8100000000000000141";

    @RegisterExtension
    static LocalApiExtension api = ApiClient.localApi(FIRST_ADMIN);
    static final ApiClient client = new ApiClient(api);
    static Person admin;

    @BeforeAll
    static void publishTheDemoProvinceAndSignInTheAdmin() throws Exception {
        admin = client.demoProvinceWithAdmin(FIRST_ADMIN);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theDirectoryFindsTheNearestWardOffice() throws Exception {
        // A citizen standing on Phạm Văn Đồng street in Long Hoa ward, without signing in.
        JsonNode page = ok(client.send("GET", "/v1/directory?kind=PEOPLES_COMMITTEE&near=11.2915,106.1405&limit=3", null, null));
        JsonNode nearest = page.path("items").get(0);
        assertEquals("Ủy ban nhân dân phường Long Hoa", nearest.path("name").asText(), page.toString());
        assertTrue(nearest.path("distanceMeters").asLong() < 300, nearest.toString());
        assertTrue(page.path("items").get(1).path("distanceMeters").asLong() > nearest.path("distanceMeters").asLong());
        assertFalse(nearest.path("phones").isEmpty());
        assertTrue(nearest.path("openNow").isBoolean());

        HttpResponse<String> police = client.send("GET", "/v1/directory?kind=POLICE&near=11.2915,106.1405&limit=1", null, null);
        assertEquals("ca-phuong-long-hoa", ids(ok(police)).get(0), "and the nearest police station");

        JsonNode refused = status(400, client.send("GET", "/v1/directory?near=" + q("Long Hoa"), null, null));
        assertEquals("near", refused.path("error").path("details").get(0).path("field").asText());
    }

    @Test
    void aSearchWithoutDiacriticsFindsWhatIsWrittenWithThem() throws Exception {
        JsonNode plain = ok(client.send("GET", "/v1/directory?q=" + q("tram y te long hoa"), null, null));
        assertEquals(List.of("tyt-long-hoa"), ids(plain));
        assertEquals("Trạm y tế phường Long Hoa", plain.path("items").get(0).path("name").asText());
        assertEquals(ids(plain), ids(ok(client.send("GET", "/v1/directory?q=" + q("Trạm Y Tế Long Hoa"), null, null))));

        HttpResponse<String> first = client.send("GET", "/v1/directory?q=" + q("uy ban"), null, null);
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertTrue(first.headers().firstValue("cache-control").orElse("").startsWith("public, max-age="));
        HttpResponse<String> again = client.send("GET", "/v1/directory?q=" + q("uy ban"), null, null, "if-none-match", etag);
        assertEquals(304, again.statusCode());

        JsonNode place = ok(client.send("GET", "/v1/directory/ubnd-demo-p04", null, null));
        assertEquals("Phường Long Hoa", place.path("areaName").asText());
        status(404, client.send("GET", "/v1/directory/khong-co", null, null));

        JsonNode hotlines = ok(client.send("GET", "/v1/hotlines", null, null));
        List<String> numbers = new ArrayList<>();
        hotlines.path("items").forEach(item -> numbers.add(item.path("number").asText()));
        assertEquals(List.of("113", "114", "115", "1022"), numbers);
    }

    @Test
    void anAdminGrantsEditorWhichTheUsersNextRequestShowsAndACitizenCannotGrant() throws Exception {
        Person writer = client.citizen("Nguyễn Thị Biên Tập");
        client.withRole(writer, "EDITOR", admin);
        List<String> roles = new ArrayList<>();
        ok(client.send("GET", "/v1/me", writer, null)).path("roles").forEach(r -> roles.add(r.path("role").asText()));
        assertTrue(roles.contains("EDITOR"), roles.toString());

        Person citizen = client.citizen("Trần Văn Dân");
        JsonNode forbidden = status(403, client.send("PUT", "/v1/users/" + citizen.id() + "/roles/ALERT_SENDER", citizen, null));
        assertEquals("FORBIDDEN", forbidden.path("error").path("code").asText());
        JsonNode badRole = status(400, client.send("PUT", "/v1/users/" + citizen.id() + "/roles/PROVINCE_ADMIN", admin, null));
        assertEquals("role", badRole.path("error").path("details").get(0).path("field").asText());

        JsonNode revoked = ok(client.send("DELETE", "/v1/users/" + writer.id() + "/roles/EDITOR", admin, null));
        assertFalse(revoked.path("roles").toString().contains("EDITOR"));
    }
}
