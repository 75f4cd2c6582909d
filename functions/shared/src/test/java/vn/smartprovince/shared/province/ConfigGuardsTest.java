package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.replace;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.valid;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes that would break live data are refused with the reason; the same changes without open reports pass. */
class ConfigGuardsTest {
    static final ProvinceConfig BEFORE = ProvinceConfigLoader.parse(valid(), "before.json");
    static final OpenReports.Counts OPEN = new OpenReports.Counts(Map.of("police", 2, "roads", 1),
            Map.of("NOISE", 2, "POTHOLE", 1), Map.of("C1", 1, "W1", 2));

    static List<String> refusals(String after, OpenReports.Counts open) {
        return ConfigGuards.refusals(BEFORE, ProvinceConfigLoader.parse(after, "after.json"), open);
    }

    static String withoutPolice() {
        String json = replace(valid(), ",\n    { \"id\": \"police\", \"name\": \"Công an tỉnh\", \"kind\": \"POLICE\", \"allAreas\": true, \"contactPhone\": \"113\" }", "");
        return replace(json, "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }", "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"roads\" }");
    }

    @Test
    void removingAnAgencyThatHoldsOpenReportsIsRefused() {
        assertEquals(List.of("Agency \"Công an tỉnh\" (police) cannot be removed: it still holds 2 open reports."
                + " Have them transferred or answered first, or keep the agency."), refusals(withoutPolice(), OPEN));
        assertEquals(List.of(), refusals(withoutPolice(), OpenReports.Counts.NONE));
    }

    @Test
    void removingACategoryThatOpenReportsUseIsRefused() {
        String json = replace(valid(), ",\n    { \"code\": \"NOISE\", \"name\": \"Tiếng ồn\", \"iconKey\": \"noise\",\n"
                + "      \"anonymousAllowed\": true, \"answerDeadlineWorkingDays\": 2, \"urgent\": true, \"duplicateRadiusMeters\": 100 }", "");
        json = replace(json, ",\n      { \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }", "");
        assertEquals(List.of("Report category \"Tiếng ồn\" (NOISE) cannot be removed: 2 open reports use it."
                + " Keep it until they are closed (citizens can no longer choose it only when it is gone)."), refusals(json, OPEN));
    }

    @Test
    void removingAUnitWithOpenReportsIsRefusedUnlessItWasMerged() {
        String removed = replace(valid(), ",\n    { \"code\": \"C1\", \"name\": \"Xã Ba\", \"type\": \"COMMUNE\" }", "");
        assertEquals(List.of("Unit \"Xã Ba\" (C1) cannot be removed: 1 open report are in it. If it was merged,"
                + " list C1 in formerCodes of the unit that took it over."), refusals(removed, OPEN));
        String merged = replace(removed, "\"formerCodes\": [\"OLD-SPLIT\"]", "\"formerCodes\": [\"OLD-SPLIT\", \"C1\"]");
        assertEquals(List.of(), refusals(merged, OPEN));
    }

    @Test
    void changingTheProvinceCodeIsRefusedWhateverTheReports() {
        String json = replace(valid(), "\"code\": \"TEST\"", "\"code\": \"TEST2\"");
        List<String> refused = refusals(json, OpenReports.Counts.NONE);
        assertEquals(1, refused.size());
        assertEquals(true, refused.get(0).startsWith("The province code cannot change (the table holds TEST, the file says TEST2)"));
    }

    @Test
    void renamingAndReroutingAreNeverRefused() {
        String json = replace(valid(), "\"name\": \"Công an tỉnh\"", "\"name\": \"Công an tỉnh Tây Ninh\"");
        json = replace(json, "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"police\" }", "{ \"categoryCode\": \"NOISE\", \"agencyId\": \"roads\" }");
        assertEquals(List.of(), refusals(json, OPEN));
    }
}
