package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.replace;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.valid;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a province officer reads for each kind of change. */
class ConfigDiffTest {
    static ProvinceConfig config(String json) {
        return ProvinceConfigLoader.parse(json, "test.json");
    }

    static List<String> diff(String after) {
        return ConfigDiff.between(config(valid()), config(after)).stream().map(ConfigDiff.Change::text).toList();
    }

    @Test
    void theSameFileChangesNothing() {
        assertEquals(List.of(), diff(valid()));
    }

    @Test
    void nothingInForceIsAFirstVersionWithItsContents() {
        assertEquals(List.of("First version for province TEST \"Tỉnh Thử Nghiệm\": 3 units, 4 agencies, 3 report categories,"
                + " 3 routing rules, holidays for 2026, 1 notification templates"),
                ConfigDiff.between(null, config(valid())).stream().map(ConfigDiff.Change::text).toList());
    }

    @Test
    void agenciesAddedRemovedAndRenamed() {
        String json = replace(valid(), "\"name\": \"Sở Xây dựng\"", "\"name\": \"Sở Xây dựng tỉnh\"");
        json = replace(json, "{ \"id\": \"police\", \"name\": \"Công an tỉnh\", \"kind\": \"POLICE\", \"allAreas\": true, \"contactPhone\": \"113\" }",
                "{ \"id\": \"power\", \"name\": \"Điện lực\", \"kind\": \"UTILITY\", \"allAreas\": true }");
        json = replace(json, "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }",
                "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"power\" }");
        assertEquals(List.of(
                "Agency renamed (roads): \"Sở Xây dựng\" -> \"Sở Xây dựng tỉnh\"",
                "Agency added: \"Điện lực\" (power), covering the whole province",
                "Agency removed: \"Công an tỉnh\" (police)",
                "Routing moved: \"Tiếng ồn\" (NOISE) in every unit: from \"Công an tỉnh\" (police) to \"Điện lực\" (power)"),
                diff(json));
    }

    @Test
    void routingMovedInOneUnitNamesTheUnitAndBothAgencies() {
        String json = replace(valid(), "{ \"categoryCode\": \"POTHOLE\", \"areaCode\": \"W1\", \"agencyId\": \"ubnd-w1\" }",
                "{ \"categoryCode\": \"POTHOLE\", \"areaCode\": \"W1\", \"agencyId\": \"police\" }");
        assertEquals(List.of("Routing moved: \"Ổ gà\" (POTHOLE) in \"Phường Một\" (W1): from \"UBND phường Một\" (ubnd-w1)"
                + " to \"Công an tỉnh\" (police)"), diff(json));
    }

    @Test
    void categoriesAddedRemovedRenamedAndTheirDeadlines() {
        String json = replace(valid(), "\"name\": \"Tiếng ồn\"", "\"name\": \"Ồn ào\"");
        json = replace(json, "\"answerDeadlineWorkingDays\": 5", "\"answerDeadlineWorkingDays\": 7");
        json = replace(json, "{ \"code\": \"OTHER\", \"name\": \"Khác\"", "{ \"code\": \"LIGHTS\", \"name\": \"Đèn đường\"");
        assertEquals(List.of(
                "Report category \"Ổ gà\" (POTHOLE): answer deadline 5 -> 7 working days (for new reports)",
                "Report category renamed (NOISE): \"Tiếng ồn\" -> \"Ồn ào\"",
                "Report category added: \"Đèn đường\" (LIGHTS), answer within 10 working days",
                "Report category removed: \"Khác\" (OTHER)"), diff(json));
    }

    @Test
    void unitsAddedRenamedAndMerged() {
        // C1 merged into a new unit C2 that lists it as a former code; W2 renamed.
        String json = replace(valid(), "{ \"code\": \"C1\", \"name\": \"Xã Ba\", \"type\": \"COMMUNE\" }",
                "{ \"code\": \"C2\", \"name\": \"Xã Bốn\", \"type\": \"COMMUNE\", \"formerCodes\": [\"C1\"] }");
        json = replace(json, "\"name\": \"Phường Hai\"", "\"name\": \"Phường Hai Mới\"");
        assertEquals(List.of(
                "Unit renamed (W2): \"Phường Hai\" -> \"Phường Hai Mới\"",
                "Unit added: \"Xã Bốn\" (C2), taking over \"Xã Ba\" (C1)",
                "Unit \"Xã Ba\" (C1) merged into \"Xã Bốn\" (C2)"), diff(json));
    }

    @Test
    void holidaysTemplatesAndZaloIds() {
        String json = replace(valid(), "{ \"date\": \"2026-01-01\", \"name\": \"Tết Dương lịch\" }",
                "{ \"date\": \"2026-01-01\", \"name\": \"Tết Dương lịch\" }, { \"date\": \"2026-04-30\", \"name\": \"Giải phóng miền Nam\" }");
        json = replace(json, "\"znsTemplateId\": \"300001\"", "\"znsTemplateId\": \"300009\"");
        json = replace(json, "\"oaId\": \"987654321\"", "\"oaId\": \"987654322\"");
        assertEquals(List.of(
                "Zalo Official Account id changed: 987654321 -> 987654322",
                "Holiday added: 2026-04-30 \"Giải phóng miền Nam\"",
                "Notification template REPORT_RECEIVED: ZNS template id 300001 -> 300009"), diff(json));
    }
}
