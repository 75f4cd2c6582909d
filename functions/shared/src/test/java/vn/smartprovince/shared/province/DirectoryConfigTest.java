package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.smartprovince.shared.province.ProvinceConfigLoaderTest.Case;

/** The {@code directory} (danh bạ) of a province file: read, checked, written back. */
class DirectoryConfigTest {

    static String withDirectory() {
        try (InputStream in = DirectoryConfigTest.class.getResourceAsStream("/province/directory.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProvinceConfig config() {
        return ProvinceConfigLoader.parse(withDirectory(), "directory.json");
    }

    @Test
    void readsHotlinesAndEntriesWithNumbersInStoredForm() {
        Directory directory = config().directory();
        assertEquals(List.of("113", "114", "115", "1022"), directory.hotlines().stream().map(Hotline::number).toList());
        DirectoryEntry office = directory.entry("ubnd-w1-office").orElseThrow();
        assertEquals(DirectoryKind.PEOPLES_COMMITTEE, office.kind());
        assertEquals(new GeoPoint(10.5, 106.5), office.position());
        assertEquals(List.of("842763822101"), office.phones());
        assertEquals(2, office.openingHours().get(DayOfWeek.MONDAY).size());
        assertEquals(List.of("POTHOLE"), office.categories());
        assertEquals(List.of("842763822113"), directory.entry("police-w2").orElseThrow().phones());
        DirectoryEntry clinic = directory.entry("clinic").orElseThrow();
        assertEquals(null, clinic.position());
        assertTrue(clinic.openingHours().isEmpty() && clinic.phones().isEmpty());
    }

    @Test
    void writesJsonThatReadsBackToAnEqualConfig() {
        ProvinceConfig config = config();
        assertEquals(config, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(config), "round-trip"));
        ProvinceConfig without = ServiceCentreConfigTest.config();
        assertEquals(Directory.EMPTY, without.directory());
        assertEquals(without, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(without), "round-trip"));
    }

    @Test
    void theDemoProvinceHasWardOfficesPoliceHealthStationsAndTheHotlines() {
        ProvinceConfig demo = ProvinceConfigLoader.load(java.nio.file.Path.of("..", "..", "infra", "demo", "tay-ninh.json"));
        Directory directory = demo.directory();
        assertEquals(List.of("113", "114", "115", "1022"), directory.hotlines().stream().map(Hotline::number).toList());
        for (DirectoryKind kind : List.of(DirectoryKind.PEOPLES_COMMITTEE, DirectoryKind.POLICE,
                DirectoryKind.HEALTH_STATION, DirectoryKind.AGENCY)) {
            assertTrue(directory.entries().stream().filter(e -> e.kind() == kind).count() >= 2, kind.name());
        }
        assertTrue(directory.entries().stream().filter(e -> e.kind() == DirectoryKind.PEOPLES_COMMITTEE)
                .allMatch(e -> e.position() != null && e.areaCode() != null));
        assertEquals(demo, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(demo), "round-trip"));
    }

    @Test
    void theConfigurationDiffNamesDirectoryChanges() {
        ProvinceConfig before = config();
        ProvinceConfig after = ProvinceConfigLoader.parse(ProvinceConfigLoaderTest.replace(
                ProvinceConfigLoaderTest.replace(withDirectory(), "\"name\": \"Trạm y tế\"", "\"name\": \"Trạm y tế xã Ba\""),
                "{ \"number\": \"1022\", \"name\": \"Đường dây nóng của tỉnh\" }", "{ \"number\": \"1900123\", \"name\": \"Tổng đài\" }"),
                "after.json");
        List<String> changes = ConfigDiff.between(before, after).stream()
                .filter(c -> c.topic() == ConfigDiff.Topic.DIRECTORY).map(ConfigDiff.Change::text).toList();
        assertEquals(List.of("Hotlines: added 1900123; removed 1022",
                "Directory entry clinic \"Trạm y tế xã Ba\": renamed from \"Trạm y tế\""), changes);
        assertTrue(ConfigDiff.summary(before).endsWith(", 3 directory entries"), ConfigDiff.summary(before));
    }

    @Test
    void problemsSayWhatIsWrongInBothLanguages() {
        String json = ProvinceConfigLoaderTest.replace(withDirectory(), "\"lat\": 10.6", "\"lat\": 12.6");
        ConfigProblem problem = ProvinceConfigLoaderTest.problems(json).get(0);
        assertEquals("directory.entries[1].position", problem.path());
        assertTrue(problem.messageEn().contains("bounding box"), problem.messageEn());
        assertTrue(problem.messageVi().contains("khung bao"), problem.messageVi());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("entry id twice", "\"id\": \"police-w2\"", "\"id\": \"ubnd-w1-office\"",
                        "directory.entries[1].id", DUPLICATE_ID, "\"Công an phường Hai\""),
                new Case("a service centre's id", "\"id\": \"clinic\"", "\"id\": \"centre-1\"",
                        "directory.entries[2].id", DUPLICATE_ID, "\"Trạm y tế\""),
                new Case("unknown kind", "\"kind\": \"HEALTH_STATION\"", "\"kind\": \"HOSPITAL\"",
                        "directory.entries[2].kind", INVALID_VALUE, "\"HOSPITAL\""),
                new Case("no name", "\"name\": \"Trạm y tế\", ", "",
                        "directory.entries[2].name", MISSING, "\"clinic\""),
                new Case("no address", ", \"address\": \"Ấp Ba\"", "",
                        "directory.entries[2].address", MISSING, "\"clinic\""),
                new Case("unknown agency", "\"agencyId\": \"police\",\n", "\"agencyId\": \"police-9\",\n",
                        "directory.entries[1].agencyId", UNKNOWN_REFERENCE, "\"police-9\""),
                new Case("unknown area", "\"areaCode\": \"W2\"", "\"areaCode\": \"W9\"",
                        "directory.entries[1].areaCode", UNKNOWN_REFERENCE, "\"W9\""),
                new Case("latitude out of Vietnam", "\"position\": { \"lat\": 10.5,", "\"position\": { \"lat\": 40.5,",
                        "directory.entries[0].position.lat", OUT_OF_RANGE, "\"lat\": 40.5"),
                new Case("hours overlap", "{ \"from\": \"13:00\", \"to\": \"17:00\" }", "{ \"from\": \"11:00\", \"to\": \"17:00\" }",
                        "directory.entries[0].openingHours.MONDAY[1]", INCONSISTENT, "\"11:00\", \"to\": \"17:00\""),
                new Case("hours shape", "{ \"from\": \"07:00\", \"to\": \"11:30\" }", "{ \"from\": \"7h\", \"to\": \"11:30\" }",
                        "directory.entries[0].openingHours.MONDAY[0].from", INVALID_FORMAT, "\"7h\""),
                new Case("bad phone", "\"phones\": [\"0276 3822 101\"]", "\"phones\": [\"call us\"]",
                        "directory.entries[0].phones[0]", INVALID_FORMAT, "\"call us\""),
                new Case("bad hotline", "\"hotlines\": [\"113\"]", "\"hotlines\": [\"11a\"]",
                        "directory.entries[1].hotlines[0]", INVALID_FORMAT, "\"11a\""),
                new Case("unknown category", "\"categories\": [\"NOISE\"]", "\"categories\": [\"NOISY\"]",
                        "directory.entries[1].categories[0]", UNKNOWN_REFERENCE, "\"NOISY\""),
                new Case("unknown procedure", "\"procedures\": [\"1.001193.000.00.00.H56\"]",
                        "\"procedures\": [\"1.999999.000.00.00.H56\"]",
                        "directory.entries[0].procedures[0]", UNKNOWN_REFERENCE, "1.999999"),
                new Case("hotline number twice", "{ \"number\": \"114\"", "{ \"number\": \"113\"",
                        "directory.hotlines[1].number", DUPLICATE_ID, "\"Cứu hỏa\""),
                new Case("hotline without name", "{ \"number\": \"115\", \"name\": \"Cấp cứu\" }", "{ \"number\": \"115\" }",
                        "directory.hotlines[2].name", MISSING, "\"115\""),
                new Case("unknown key", "\"kind\": \"POLICE\", \"name\"", "\"kind\": \"POLICE\", \"fax\": \"1\", \"name\"",
                        "directory.entries[1].fax", UNKNOWN_KEY, "\"fax\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachRuleWithPathAndLine(Case c) {
        ProvinceConfigLoaderTest.assertReported(withDirectory(), c);
    }
}
