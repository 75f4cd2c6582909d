package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvinceConfigLoaderTest {

    static String valid() {
        try (InputStream in = ProvinceConfigLoaderTest.class.getResourceAsStream("/province/valid.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProvinceConfig validConfig() {
        return ProvinceConfigLoader.parse(valid(), "valid.json");
    }

    /** The valid file with one text replaced (the replaced text must occur exactly once). */
    static String replace(String json, String from, String to) {
        int at = json.indexOf(from);
        if (at < 0 || json.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the fixture: " + from);
        }
        return json.substring(0, at) + to + json.substring(at + from.length());
    }

    static List<ConfigProblem> problems(String json) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ProvinceConfigLoader.parse(json, "test.json"));
        return e.problems();
    }

    /** 1-based line of the first occurrence of {@code marker}. */
    static int lineOf(String json, String marker) {
        int at = json.indexOf(marker);
        assertTrue(at >= 0, "marker not found: " + marker);
        return (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static int columnOf(String json, String marker) {
        int at = json.indexOf(marker);
        return at - json.lastIndexOf('\n', at - 1);
    }

    static String describe(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------------ a valid file

    @Test
    void readsAValidFile() {
        ProvinceConfig config = validConfig();
        assertTrue(config.demo());
        assertEquals("TEST", config.province().code());
        assertEquals(3, config.areas().size());
        assertEquals(List.of("OLD-1", "OLD-SPLIT"), config.areas().get(0).formerCodes());
        assertEquals(AgencyKind.TRIAGE, config.triageAgency().kind());
        assertEquals("842763822123", config.agency("roads").orElseThrow().contactPhone());
        assertEquals("113", config.agency("police").orElseThrow().contactPhone());
        assertEquals("Mặt đường hư hỏng.\nGhi rõ vị trí.", config.category("POTHOLE").orElseThrow().description());
        assertEquals(List.of("report_code", "category_name"),
                config.notificationTemplate("REPORT_RECEIVED").orElseThrow().params());
    }

    @Test
    void routesTheMostSpecificRuleFirstAndFallsBackToTriage() {
        ProvinceConfig config = validConfig();
        assertEquals(new Route(config.agency("ubnd-w1").orElseThrow(), Route.Basis.AREA_RULE), config.route("POTHOLE", "W1"));
        assertEquals(new Route(config.agency("roads").orElseThrow(), Route.Basis.CATEGORY_RULE), config.route("POTHOLE", "C1"));
        assertEquals(Route.Basis.CATEGORY_RULE, config.route("POTHOLE", null).basis());
        assertEquals(new Route(config.triageAgency(), Route.Basis.TRIAGE_FALLBACK), config.route("OTHER", "W1"));
        assertEquals(Route.Basis.TRIAGE_FALLBACK, config.route("NO_SUCH_CATEGORY", "W1").basis());
        // A former code routes as its successor.
        assertEquals("ubnd-w1", config.route("POTHOLE", "OLD-1").agency().id());
    }

    @Test
    void mapsFormerCodesToTheCurrentUnit() {
        ProvinceConfig config = validConfig();
        assertEquals("W1", config.resolveArea("OLD-1").orElseThrow().code());
        assertEquals("C1", config.resolveArea("C1").orElseThrow().code());
        // Split between two successors: no single answer, both listed.
        assertTrue(config.resolveArea("OLD-SPLIT").isEmpty());
        assertEquals(List.of("W1", "W2"), config.areasFormerlyCoded("OLD-SPLIT").stream().map(Area::code).toList());
    }

    @Test
    void aTemplateMaySayItIsSentByUserIdAndTheFlagRoundTrips() {
        assertFalse(validConfig().notificationTemplates().get(0).sendByUserId(), "by phone only unless it says so");
        ProvinceConfig config = ProvinceConfigLoader.parse(replace(valid(), "\"znsTemplateId\": \"300001\",",
                "\"znsTemplateId\": \"300001\", \"sendByUserId\": true,"), "by-user-id");
        assertTrue(config.notificationTemplates().get(0).sendByUserId());
        assertEquals(config, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(config), "round-trip"));
    }

    @Test
    void writesJsonThatReadsBackToAnEqualConfig() {
        ProvinceConfig config = validConfig();
        String json = ProvinceConfigLoader.toJson(config);
        assertEquals(config, ProvinceConfigLoader.parse(json, "round-trip"));
        assertFalse(json.contains("\"centroid\":null"), json);
    }

    @Test
    void normalisesTextToNfcAndTrimsIt() {
        String decomposed = Normalizer.normalize("Phường Hai", Normalizer.Form.NFD);
        assertFalse(decomposed.equals("Phường Hai"));
        ProvinceConfig config = ProvinceConfigLoader.parse(
                replace(valid(), "\"Phường Hai\"", "\"  " + decomposed + "\\t \""), "nfd.json");
        assertEquals("Phường Hai", config.area("W2").orElseThrow().name());
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("province.json");
        Files.writeString(file, valid());
        assertEquals(validConfig(), ProvinceConfigLoader.load(file));
        Files.writeString(file, "{");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ProvinceConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": 1 problem"), e.getMessage());
    }

    // ------------------------------------------------------------------ malformed JSON

    @Test
    void malformedJsonIsOneProblemWithLineAndColumn() {
        String json = "{\n  \"schemaVersion\": 1,\n  \"demo\": tru\n}";
        List<ConfigProblem> problems = problems(json);
        assertEquals(1, problems.size(), describe(problems));
        ConfigProblem problem = problems.get(0);
        assertEquals(MALFORMED_JSON, problem.kind());
        assertEquals(3, problem.line());
        assertNotNull(problem.column());
    }

    @Test
    void malformedJsonVariants() {
        assertEquals(MALFORMED_JSON, problems("").get(0).kind());
        assertEquals(MALFORMED_JSON, problems("{} {}").get(0).kind());
        // Trailing commas and comments are not JSON.
        assertEquals(MALFORMED_JSON, problems("{\"a\": 1,}").get(0).kind());
        assertEquals(MALFORMED_JSON, problems("// c\n{}").get(0).kind());
        // Invalid UTF-8.
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ProvinceConfigLoader.parse(
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "bytes"));
        assertEquals(MALFORMED_JSON, e.problems().get(0).kind());
    }

    @Test
    void aDocumentThatIsNotAnObject() {
        ConfigProblem problem = problems("[]").get(0);
        assertEquals(WRONG_TYPE, problem.kind());
        assertEquals("", problem.path());
    }

    // ------------------------------------------------------------------ one problem of each kind

    /** One broken rule: replace {@code from} by {@code to}; expect {@code kind} at {@code path}, on the line of {@code lineMarker}. */
    record Case(String name, String from, String to, String path, ConfigProblem.Kind kind, String lineMarker) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String longName = "\"" + "a".repeat(151) + "\"";
        return Stream.of(
                new Case("missing key", "\"name\": \"Xã Ba\", ", "", "areas[2].name", MISSING, "\"code\": \"C1\""),
                new Case("null for a required key", "\"name\": \"Xã Ba\"", "\"name\": null", "areas[2].name", MISSING, "null"),
                new Case("wrong type", "\"answerDeadlineWorkingDays\": 2", "\"answerDeadlineWorkingDays\": \"2\"",
                        "categories[1].answerDeadlineWorkingDays", WRONG_TYPE, "\"2\""),
                new Case("out of range", "\"answerDeadlineWorkingDays\": 10", "\"answerDeadlineWorkingDays\": 0",
                        "categories[2].answerDeadlineWorkingDays", OUT_OF_RANGE, "\"answerDeadlineWorkingDays\": 0"),
                new Case("not an integer", "\"duplicateRadiusMeters\": 100", "\"duplicateRadiusMeters\": 100.5",
                        "categories[1].duplicateRadiusMeters", WRONG_TYPE, "100.5"),
                new Case("duplicate key", "\"iconKey\": \"other\",", "\"iconKey\": \"other\", \"iconKey\": \"x\",",
                        "categories[2].iconKey", DUPLICATE_KEY, "\"iconKey\": \"x\""),
                new Case("empty text", "\"name\": \"Khác\"", "\"name\": \"   \"", "categories[2].name", EMPTY, "\"   \""),
                new Case("too long", "\"name\": \"Khác\"", "\"name\": " + longName, "categories[2].name", TOO_LONG, "aaaa"),
                new Case("control character", "\"name\": \"Khác\"", "\"name\": \"Kh\\u0007ác\"",
                        "categories[2].name", CONTROL_CHARACTER, "Kh\\u0007ác"),
                new Case("newline in a one-line text", "\"name\": \"Khác\"", "\"name\": \"Kh\\nác\"",
                        "categories[2].name", CONTROL_CHARACTER, "Kh\\nác"),
                new Case("invalid code", "\"code\": \"OTHER\"", "\"code\": \"other\"", "categories[2].code", INVALID_FORMAT, "\"other\""),
                new Case("invalid enum value", "\"type\": \"COMMUNE\"", "\"type\": \"VILLAGE\"", "areas[2].type", INVALID_VALUE, "VILLAGE"),
                new Case("invalid phone", "\"contactPhone\": \"113\"", "\"contactPhone\": \"call us\"",
                        "agencies[3].contactPhone", INVALID_FORMAT, "call us"),
                new Case("schema version", "\"schemaVersion\": 1", "\"schemaVersion\": 2", "schemaVersion", OUT_OF_RANGE, "\"schemaVersion\""),
                new Case("time zone", "\"Asia/Ho_Chi_Minh\"", "\"Asia/Bangkok\"", "province.timeZone", INVALID_VALUE, "Asia/Bangkok"),
                new Case("bounding box upside down", "\"minLat\": 10.0", "\"minLat\": 11.5", "province.boundingBox", INCONSISTENT, "\"minLat\""),
                new Case("lat/lng swapped", "\"lat\": 10.5, \"lng\": 106.5", "\"lat\": 106.5, \"lng\": 10.5",
                        "areas[0].centroid.lat", OUT_OF_RANGE, "\"lat\": 106.5"),
                new Case("centroid outside the province", "\"lat\": 10.5, \"lng\": 106.5", "\"lat\": 10.5, \"lng\": 107.5",
                        "areas[0].centroid", INCONSISTENT, "{ \"lat\": 10.5"),
                new Case("duplicate area code", "\"code\": \"C1\"", "\"code\": \"W2\"", "areas[2].code", DUPLICATE_ID, "\"code\": \"W2\", \"name\": \"Xã Ba\""),
                new Case("former code still in use", "\"formerCodes\": [\"OLD-SPLIT\"] }", "\"formerCodes\": [\"C1\"] }",
                        "areas[1].formerCodes[0]", INCONSISTENT, "[\"C1\"]"),
                new Case("agency covers an unknown area", "\"areaCodes\": [\"W1\"]", "\"areaCodes\": [\"W1\", \"X9\"]",
                        "agencies[2].areaCodes[1]", UNKNOWN_REFERENCE, "\"X9\""),
                new Case("agency covers no area", ", \"areaCodes\": [\"W1\"]", "", "agencies[2]", INCONSISTENT, "{ \"id\": \"ubnd-w1\""),
                new Case("agency covers all and some", "\"areaCodes\": [\"W1\"]", "\"allAreas\": true, \"areaCodes\": [\"W1\"]",
                        "agencies[2]", INCONSISTENT, "{ \"id\": \"ubnd-w1\""),
                new Case("duplicate agency id", "{ \"id\": \"police\"", "{ \"id\": \"roads\"", "agencies[3].id", DUPLICATE_ID, "{ \"id\": \"roads\", \"name\": \"Công an"),
                new Case("rule for an unknown category", "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }",
                        "{ \"categoryCode\": \"NOIZE\", \"agencyId\": \"police\" }", "routing.rules[2].categoryCode", UNKNOWN_REFERENCE, "NOIZE"),
                new Case("rule for an unknown area", "\"areaCode\": \"W1\"", "\"areaCode\": \"W9\"",
                        "routing.rules[1].areaCode", UNKNOWN_REFERENCE, "\"W9\""),
                new Case("rule to an unknown agency", "\"agencyId\": \"police\" }", "\"agencyId\": \"polise\" }",
                        "routing.rules[2].agencyId", UNKNOWN_REFERENCE, "polise"),
                new Case("rule to an agency that does not cover the area", "\"agencyId\": \"police\" }", "\"agencyId\": \"ubnd-w1\" }",
                        "routing.rules[2].agencyId", INCONSISTENT, "{ \"categoryCode\": \"NOISE\""),
                new Case("two rules for one pair", "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }",
                        "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" },\n      { \"categoryCode\": \"NOISE\", \"agencyId\": \"roads\" }",
                        "routing.rules[3]", DUPLICATE_ID, "\"NOISE\", \"agencyId\": \"roads\""),
                new Case("no triage agency", "\"triageAgencyId\": \"triage\",", "", "routing.triageAgencyId", MISSING, "\"routing\""),
                new Case("unknown triage agency", "\"triageAgencyId\": \"triage\"", "\"triageAgencyId\": \"nobody\"",
                        "routing.triageAgencyId", UNKNOWN_REFERENCE, "nobody"),
                new Case("triage agency covering one area", "\"triageAgencyId\": \"triage\"", "\"triageAgencyId\": \"ubnd-w1\"",
                        "routing.triageAgencyId", INCONSISTENT, "\"triageAgencyId\""),
                new Case("holiday in another year", "\"2026-01-01\"", "\"2027-01-01\"",
                        "holidayCalendar[0].holidays[0].date", INCONSISTENT, "2027-01-01"),
                new Case("impossible date", "\"2026-01-01\"", "\"2026-02-30\"",
                        "holidayCalendar[0].holidays[0].date", INVALID_FORMAT, "2026-02-30"),
                new Case("working day that is not a weekend day", "\"2026-01-10\"", "\"2026-01-09\"",
                        "holidayCalendar[0].compensatoryWorkingDays[0]", INCONSISTENT, "{ \"date\": \"2026-01-09\""),
                new Case("working day that is also a holiday", "{ \"date\": \"2026-01-01\", \"name\": \"Tết Dương lịch\" }",
                        "{ \"date\": \"2026-01-01\", \"name\": \"Tết Dương lịch\" }, { \"date\": \"2026-01-10\", \"name\": \"Nghỉ\" }",
                        "holidayCalendar[0].compensatoryWorkingDays[0]", INCONSISTENT, "{ \"date\": \"2026-01-10\", \"name\": \"Làm bù\""),
                new Case("unknown placeholder", "({category_name})", "({categoryName})",
                        "notificationTemplates[0].oaText", UNKNOWN_REFERENCE, "\"oaText\""),
                new Case("stray brace", "({category_name})", "({category_name}})", "notificationTemplates[0].oaText", INVALID_FORMAT, "\"oaText\""),
                new Case("sent by user id without a template id", ", \"znsTemplateId\": \"300001\",",
                        ", \"sendByUserId\": true,", "notificationTemplates[0]", INCONSISTENT, "{ \"key\": \"REPORT_RECEIVED\""),
                new Case("an OTP template by user id", "\"key\": \"REPORT_RECEIVED\", \"params\"",
                        "\"key\": \"LOGIN_OTP\", \"sendByUserId\": true, \"params\"", "notificationTemplates[0]", INVALID_VALUE,
                        "{ \"key\": \"LOGIN_OTP\""),
                new Case("template with no channel", ", \"znsTemplateId\": \"300001\",\n      \"oaText\": \"Đã nhận phản ánh {report_code} ({category_name}).\"",
                        "", "notificationTemplates[0]", MISSING, "{ \"key\": \"REPORT_RECEIVED\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachKindOfProblemWithPathAndLine(Case c) {
        assertReported(valid(), c);
    }

    /** {@code c}'s change applied to {@code json} is reported at its path, on its line, in both languages. */
    static void assertReported(String json, Case c) {
        String changed = replace(json, c.from(), c.to());
        List<ConfigProblem> problems = problems(changed);
        ConfigProblem found = problems.stream()
                .filter(p -> p.path().equals(c.path()) && p.kind() == c.kind())
                .findFirst()
                .orElseThrow(() -> new AssertionError("expected " + c.kind() + " at " + c.path() + ", got:\n" + describe(problems)));
        assertEquals(lineOf(changed, c.lineMarker()), found.line(), found.describe());
        assertNotNull(found.column());
        assertFalse(found.messageEn().isBlank());
        assertFalse(found.messageVi().isBlank());
    }

    @Test
    void unknownKeyIsAnErrorWithASuggestionAtTheKeysPosition() {
        String json = replace(valid(), "\"urgent\": true", "\"urgnet\": true");
        List<ConfigProblem> problems = problems(json);
        ConfigProblem unknown = problems.stream().filter(p -> p.kind() == UNKNOWN_KEY).findFirst().orElseThrow();
        assertEquals("categories[1].urgnet", unknown.path());
        assertEquals(lineOf(json, "\"urgnet\""), unknown.line());
        assertEquals(columnOf(json, "\"urgnet\""), unknown.column());
        assertTrue(unknown.messageEn().contains("did you mean 'urgent'"), unknown.messageEn());
        // The real key is then missing: both are reported.
        assertTrue(problems.stream().anyMatch(p -> p.kind() == MISSING && p.path().equals("categories[1].urgent")));
    }

    @Test
    void secretsHaveNoPlaceToGo() {
        String json = replace(valid(), "\"oaId\": \"987654321\"", "\"oaId\": \"987654321\", \"appSecret\": \"s3cr3t\"");
        ConfigProblem problem = problems(json).get(0);
        assertEquals(UNKNOWN_KEY, problem.kind());
        assertEquals("zalo.appSecret", problem.path());
    }

    @Test
    void aFormerCodeInAReferenceNamesItsSuccessor() {
        String json = replace(valid(), "\"areaCode\": \"W1\"", "\"areaCode\": \"OLD-1\"");
        ConfigProblem problem = problems(json).get(0);
        assertEquals(UNKNOWN_REFERENCE, problem.kind());
        assertTrue(problem.messageEn().contains("now W1"), problem.messageEn());
    }

    @Test
    void reportsAllProblemsTogetherInFileOrder() {
        String json = valid();
        json = replace(json, "\"oaId\": \"987654321\"", "\"oaId\": \"987 654\"");
        json = replace(json, "\"type\": \"COMMUNE\"", "\"type\": \"commune\"");
        json = replace(json, "\"answerDeadlineWorkingDays\": 10", "\"answerDeadlineWorkingDays\": 1000");
        json = replace(json, "\"agencyId\": \"police\" }", "\"agencyId\": \"polise\" }");
        json = replace(json, "\"2026-01-10\"", "\"2026-01-09\"");
        json = replace(json, "\"demo\": true", "\"demo\": true, \"extra\": 1");
        String invalid = json;
        List<ConfigProblem> problems = problems(invalid);
        assertEquals(List.of("extra", "zalo.oaId", "areas[2].type", "categories[2].answerDeadlineWorkingDays",
                        "routing.rules[2].agencyId", "holidayCalendar[0].compensatoryWorkingDays[0]"),
                problems.stream().map(ConfigProblem::path).toList(), describe(problems));
        for (int i = 1; i < problems.size(); i++) {
            assertTrue(problems.get(i - 1).line() <= problems.get(i).line(), describe(problems));
        }
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ProvinceConfigLoader.parse(invalid, "t.json"));
        assertTrue(e.getMessage().startsWith("t.json: 6 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("t.json: line " + lineOf(invalid, "polise")), e.getMessage());
    }

    @Test
    void problemsConvertToApiFieldErrors() {
        ConfigProblem problem = problems(replace(valid(), "\"schemaVersion\": 1", "\"schemaVersion\": \"1\"")).get(0);
        var error = problem.toFieldError();
        assertEquals("schemaVersion", error.field());
        assertEquals("WRONG_TYPE", error.code());
        assertTrue(error.messageVi().startsWith("phải là"), error.messageVi());
    }

    // ------------------------------------------------------------------ geography

    @Test
    void checksCoordinatesAgainstTheBoundaryPolygon() {
        // A triangle in the bounding box: (10.0,106.0) (10.0,107.0) (11.0,106.0).
        String json = replace(valid(), "\"maxLng\": 107.0 }", "\"maxLng\": 107.0 },\n    \"boundary\": ["
                + "{\"lat\": 10.0, \"lng\": 106.0}, {\"lat\": 10.0, \"lng\": 107.0}, {\"lat\": 11.0, \"lng\": 106.0}]");
        Province province = ProvinceConfigLoader.parse(json, "polygon").province();
        assertTrue(province.contains(10.2, 106.2));
        assertFalse(province.contains(10.9, 106.9));  // in the box, outside the triangle
        assertFalse(province.contains(12.0, 106.2));  // outside the box
        assertTrue(validConfig().province().contains(10.9, 106.9));  // no polygon: the box decides

        String tooFew = replace(valid(), "\"maxLng\": 107.0 }", "\"maxLng\": 107.0 },\n    \"boundary\": [{\"lat\": 10.0, \"lng\": 106.0}]");
        assertEquals("province.boundary", problems(tooFew).get(0).path());
        assertEquals(EMPTY, problems(tooFew).get(0).kind());
    }
}
