package vn.smartprovince.province.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.MutableClock;

/** The directory's search on the demo province's configuration: text, filters, nearest first, open now. */
class DirectorySearchTest {
    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    /** Monday 7 December 2026, 09:00 in Vietnam. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T02:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_MORNING);
    private final DirectorySearch search = new DirectorySearch(() -> Optional.of(new ConfigInForce(
            new ProvinceSnapshot("DEMO-TNH", 3, "0".repeat(64), "2026-12-01T00:00:00Z", DEMO), null, null)), clock);

    private DirectorySearch.Page page(String... parameters) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return (DirectorySearch.Page) search.search(map::get, null).body();
    }

    private static List<String> ids(DirectorySearch.Page page) {
        return page.items().stream().map(DirectorySearch.Item::id).toList();
    }

    @Test
    void textSearchIgnoresDiacriticsAndCase() {
        List<String> withMarks = ids(page("q", "Ủy ban nhân dân phường Long Hoa"));
        assertEquals(List.of("ubnd-demo-p04"), withMarks);
        assertEquals(withMarks, ids(page("q", "uy ban nhan dan phuong long hoa")));
        assertEquals(withMarks, ids(page("q", "UY BAN LONG HOA")));
        assertTrue(ids(page("q", "tram y te")).containsAll(List.of("tyt-tan-ninh", "tyt-long-hoa", "tyt-tan-an")));
        assertTrue(ids(page("q", "khai sinh")).contains("ubnd-demo-p01"), "what a place handles is searchable too");
        assertEquals(List.of("pccc-tinh"), ids(page("q", "phong chay chua chay")));
        assertEquals(List.of("pccc-tinh"), ids(page("q", "114")), "the hotlines a place answers are searchable");
        assertEquals(List.of(), ids(page("q", "zzz khong co")));
    }

    @Test
    void nearSortsByDistanceAndSaysHowFar() {
        DirectorySearch.Page page = page("near", "11.2915,106.1405", "kind", "PEOPLES_COMMITTEE", "limit", "3");
        assertEquals("ubnd-demo-p04", page.items().get(0).id(), "the Long Hoa ward office is the nearest");
        long first = page.items().get(0).distanceMeters();
        assertTrue(first < 300, "a few hundred meters at most: " + first);
        assertTrue(page.items().get(1).distanceMeters() >= first);
        assertEquals("ubnd-demo-p05", page.items().get(1).id(), "then Hòa Thành, 2-3 km away");
        assertNull(page("kind", "POLICE").items().get(0).distanceMeters(), "no position given: no distance");
    }

    @Test
    void filtersByKindAreaCategoryAndProcedure() {
        assertTrue(page("kind", "POLICE").items().stream().allMatch(item -> item.kind().equals("POLICE")));
        assertEquals(List.of("ca-phuong-long-hoa", "tyt-long-hoa", "ubnd-demo-p04"),
                ids(page("areaCode", "DEMO-P04")).stream().sorted().toList());
        assertTrue(ids(page("category", "POWER_HAZARD")).containsAll(List.of("dien-luc", "to-tiep-nhan-1022")));
        List<String> birth = ids(page("procedureCode", "1.001193.000.00.00.H56", "limit", "100"));
        assertTrue(birth.containsAll(List.of("ubnd-demo-p01", "ttphvhcc-tinh", "mot-cua-tan-ninh")), birth.toString());
        assertFalse(birth.contains("cong-an-tinh"));
        assertEquals(List.of("1022"), ((DirectorySearch.Hotlines) search.hotlines(null).body()).items().stream()
                .map(h -> h.number()).filter(n -> n.length() == 4).toList());
    }

    @Test
    void serviceCentresAreListedWithoutACopyInTheFile() {
        DirectorySearch.Item centre = (DirectorySearch.Item) search.place("ttphvhcc-tinh", null).body();
        assertEquals("SERVICE_CENTRE", centre.kind());
        assertNotNull(centre.position(), "the commune's centroid stands in for its position");
        assertTrue(centre.procedures().size() >= 5);
    }

    @Test
    void openNowFollowsTheHoursAndTheHolidayCalendar() {
        assertEquals(Boolean.TRUE, place("ubnd-demo-p04").openNow());
        assertEquals(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"),
                List.copyOf(place("ubnd-demo-p04").openingHours().keySet()));
        clock.set(Instant.parse("2026-12-07T05:00:00Z"));   // 12:00, lunch break
        assertEquals(Boolean.FALSE, place("ubnd-demo-p04").openNow());
        clock.set(Instant.parse("2026-12-06T02:00:00Z"));   // Sunday
        assertEquals(Boolean.FALSE, place("ubnd-demo-p04").openNow());
        clock.set(Instant.parse("2026-09-02T02:00:00Z"));   // Wednesday, National Day
        assertEquals(Boolean.FALSE, place("ubnd-demo-p04").openNow());
        assertNull(place("cong-an-tinh").openNow(), "hours not stated");
    }

    private DirectorySearch.Item place(String id) {
        return (DirectorySearch.Item) search.place(id, null).body();
    }

    @Test
    void pagesWithACursorBoundToTheQueryAndRevalidatesWithTheEtag() {
        DirectorySearch.Page first = page("limit", "5");
        assertEquals(5, first.items().size());
        assertNotNull(first.nextCursor());
        DirectorySearch.Page second = page("limit", "5", "cursor", first.nextCursor());
        assertTrue(java.util.Collections.disjoint(ids(first), ids(second)));
        ApiException foreign = assertThrows(ApiException.class, () -> page("limit", "5", "kind", "POLICE",
                "cursor", first.nextCursor()));
        assertEquals("cursor", foreign.details().get(0).field());

        DirectorySearch.Answer answer = search.search(Map.of("q", "tan ninh")::get, null);
        assertTrue(search.search(Map.of("q", "tan ninh")::get, answer.etag()).notModified());
        assertFalse(search.search(Map.of("q", "long hoa")::get, answer.etag()).notModified());
        assertThrows(ApiException.class, () -> search.place("no-such-place", null));
    }

    @Test
    void badParametersAre400NamingEachOne() {
        for (String[] bad : List.of(new String[] {"near", "11.3"}, new String[] {"near", "91,106"},
                new String[] {"near", "abc,def"}, new String[] {"kind", "HOSPITAL"}, new String[] {"limit", "0"},
                new String[] {"limit", "101"}, new String[] {"areaCode", "NOPE"}, new String[] {"category", "NOPE"},
                new String[] {"procedureCode", "9.9"}, new String[] {"q", "x".repeat(101)},
                new String[] {"cursor", "garbage"})) {
            ApiException e = assertThrows(ApiException.class, () -> page(bad[0], bad[1]), bad[0] + "=" + bad[1]);
            assertEquals(400, e.code().status());
            assertEquals(bad[0], e.details().get(0).field());
        }
    }
}
