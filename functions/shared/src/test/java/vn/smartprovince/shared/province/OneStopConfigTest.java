package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.*;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.replace;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.valid;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.smartprovince.shared.province.ProvinceConfigLoaderTest.Case;

/** The {@code oneStop} object of a province file: read, checked at its paths, written back. */
class OneStopConfigTest {
    private static final String ZALO = "\"zalo\": { \"miniAppId\": \"1234567890\", \"oaId\": \"987654321\" },";

    /** The valid file with {@code oneStop} (a JSON value) right after {@code zalo}. */
    static String withOneStop(String oneStop) {
        return replace(valid(), ZALO, ZALO + "\n  \"oneStop\": " + oneStop + ",");
    }

    @Test
    void absentMeansNotConnected() {
        assertSame(OneStopSettings.DISABLED, ProvinceConfigLoaderTest.validConfig().oneStop());
    }

    @Test
    void readsEnabledAndRenamedFields() {
        ProvinceConfig config = ProvinceConfigLoader.parse(withOneStop(
                "{ \"enabled\": true,\n    \"fieldNames\": { \"dossierCode\": \"SoHoSo\", \"eventAt\": \"NgayCapNhat\" } }"),
                "one-stop.json");
        assertTrue(config.oneStop().enabled());
        assertEquals(Map.of("dossierCode", "SoHoSo", "eventAt", "NgayCapNhat"), config.oneStop().fieldNames());
        assertFalse(ProvinceConfigLoader.parse(withOneStop("{ \"enabled\": false }"), "off.json").oneStop().enabled());
    }

    @Test
    void writesJsonThatReadsBackToAnEqualConfig() {
        for (String oneStop : List.of("{ \"enabled\": true, \"fieldNames\": { \"status\": \"TrangThai\" } }",
                "{ \"enabled\": false }")) {
            ProvinceConfig config = ProvinceConfigLoader.parse(withOneStop(oneStop), "one-stop.json");
            String json = ProvinceConfigLoader.toJson(config);
            assertEquals(config, ProvinceConfigLoader.parse(json, "round-trip"));
        }
        ProvinceConfig absent = ProvinceConfigLoaderTest.validConfig();
        assertEquals(absent, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(absent), "round-trip"));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("enabled missing", "\"enabled\": true", "\"fieldNames\": {}", "oneStop.enabled", MISSING,
                        "\"oneStop\""),
                new Case("enabled not a boolean", "\"enabled\": true", "\"enabled\": \"yes\"", "oneStop.enabled",
                        WRONG_TYPE, "\"yes\""),
                new Case("unknown key", "\"enabled\": true", "\"enabled\": true, \"baseUrl\": \"https://x\"",
                        "oneStop.baseUrl", UNKNOWN_KEY, "\"baseUrl\""),
                new Case("unknown canonical name", "\"SoHoSo\"", "\"SoHoSo\", \"dossierNumber\": \"X\"",
                        "oneStop.fieldNames.dossierNumber", UNKNOWN_KEY, "\"dossierNumber\""),
                new Case("not an identifier", "\"SoHoSo\"", "\"Số hồ sơ\"", "oneStop.fieldNames.dossierCode",
                        INVALID_FORMAT, "\"Số hồ sơ\""),
                new Case("two renamed fields share a name", "\"SoHoSo\"", "\"SoHoSo\", \"eventAt\": \"SoHoSo\"",
                        "oneStop.fieldNames.eventAt", DUPLICATE_ID, "\"eventAt\""),
                new Case("a new name is another field's default", "\"SoHoSo\"", "\"TrangThaiHoSo\"",
                        "oneStop.fieldNames.dossierCode", DUPLICATE_ID, "\"TrangThaiHoSo\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachProblemAtItsPath(Case c) {
        ProvinceConfigLoaderTest.assertReported(withOneStop(
                "{ \"enabled\": true,\n    \"fieldNames\": { \"dossierCode\": \"SoHoSo\" } }"), c);
    }

    @Test
    void anUnknownCanonicalNameSuggestsTheKnownOne() {
        List<ConfigProblem> problems = ProvinceConfigLoaderTest.problems(withOneStop(
                "{ \"enabled\": true, \"fieldNames\": { \"dosierCode\": \"SoHoSo\" } }"));
        ConfigProblem unknown = problems.stream().filter(p -> p.kind() == UNKNOWN_KEY).findFirst().orElseThrow();
        assertEquals("oneStop.fieldNames.dosierCode", unknown.path());
        assertTrue(unknown.messageEn().contains("did you mean 'dossierCode'"), unknown.messageEn());
    }
}
