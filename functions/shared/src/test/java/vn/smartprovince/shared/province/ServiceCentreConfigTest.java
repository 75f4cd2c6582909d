package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.smartprovince.shared.province.ProvinceConfigLoaderTest.Case;

/** The {@code appointments} rules and {@code serviceCentres} of a province file: read, checked, written back. */
class ServiceCentreConfigTest {

    static String withCentres() {
        try (InputStream in = ServiceCentreConfigTest.class.getResourceAsStream("/province/centres.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProvinceConfig config() {
        return ProvinceConfigLoader.parse(withCentres(), "centres.json");
    }

    @Test
    void readsRulesCentresHoursAndCounters() {
        ProvinceConfig config = config();
        assertEquals(new AppointmentRules(2, 60, 14), config.appointments());
        assertEquals(2, config.serviceCentres().size());
        ServiceCentre centre = config.serviceCentre("centre-1").orElseThrow();
        assertEquals("roads", centre.agencyId());
        assertEquals("W1", centre.communeCode());
        assertEquals(15, centre.slotMinutes());
        assertEquals(List.of(new OpeningPeriod(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                new OpeningPeriod(LocalTime.of(13, 30), LocalTime.of(17, 0))), centre.periods(DayOfWeek.MONDAY));
        assertTrue(centre.periods(DayOfWeek.SUNDAY).isEmpty());
        assertEquals(List.of("quay-1"), centre.countersServing("2.000815.000.00.00.H56").stream()
                .map(ServiceCounter::id).toList());
        assertEquals(2, centre.counter("quay-1").orElseThrow().capacity());
        assertEquals(null, config.serviceCentre("desk-c1").orElseThrow().communeCode());
    }

    @Test
    void writesJsonThatReadsBackToAnEqualConfig() {
        ProvinceConfig config = config();
        String json = ProvinceConfigLoader.toJson(config);
        assertEquals(config, ProvinceConfigLoader.parse(json, "round-trip"));
        assertTrue(json.contains("\"from\":\"07:30\""), json);
    }

    @Test
    void theDemoProvinceHasAProvincialCentreAndACommuneDesk() {
        ProvinceConfig demo = ProvinceConfigLoader.load(java.nio.file.Path.of("..", "..", "infra", "demo", "tay-ninh.json"));
        ServiceCentre centre = demo.serviceCentre("ttphvhcc-tinh").orElseThrow();
        assertEquals("so-xay-dung", centre.agencyId());
        assertEquals(2, centre.countersServing("2.000815.000.00.00.H56").size());
        assertEquals("ubnd-tan-ninh", demo.serviceCentre("mot-cua-tan-ninh").orElseThrow().agencyId());
        demo.procedures().forEach(p -> assertTrue(!centre.countersServing(p.code()).isEmpty(), p.code()));
        assertEquals(demo, ProvinceConfigLoader.parse(ProvinceConfigLoader.toJson(demo), "round-trip"));
    }

    @Test
    void withoutTheObjectsTheDefaultsHold() {
        ProvinceConfig config = ProcedureConfigTest.config();
        assertEquals(AppointmentRules.DEFAULT, config.appointments());
        assertTrue(config.serviceCentres().isEmpty());
    }

    @Test
    void problemsSayWhatIsWrongInBothLanguages() {
        String json = ProvinceConfigLoaderTest.replace(withCentres(), "\"capacity\": 2", "\"capacity\": 0");
        ConfigProblem problem = ProvinceConfigLoaderTest.problems(json).get(0);
        assertEquals("serviceCentres[0].counters[0].capacity", problem.path());
        assertTrue(problem.messageEn().contains("between 1 and 50"), problem.messageEn());
        assertTrue(problem.messageVi().contains("1 đến 50"), problem.messageVi());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("max open out of range", "\"maxOpenPerCitizen\": 2", "\"maxOpenPerCitizen\": 0",
                        "appointments.maxOpenPerCitizen", OUT_OF_RANGE, "\"maxOpenPerCitizen\""),
                new Case("unknown rule", "\"bookingHorizonDays\": 14", "\"bookingHorizonDays\": 14, \"horizon\": 3",
                        "appointments.horizon", UNKNOWN_KEY, "\"horizon\""),
                new Case("centre id twice", "\"id\": \"desk-c1\"", "\"id\": \"centre-1\"",
                        "serviceCentres[1].id", DUPLICATE_ID, "\"Bộ phận một cửa xã Ba\""),
                new Case("unknown agency", "\"agencyId\": \"ubnd-c1\"", "\"agencyId\": \"ubnd-c9\"",
                        "serviceCentres[1].agencyId", UNKNOWN_REFERENCE, "\"ubnd-c9\""),
                new Case("unknown commune", "\"communeCode\": \"W1\"", "\"communeCode\": \"W9\"",
                        "serviceCentres[0].communeCode", UNKNOWN_REFERENCE, "\"W9\""),
                new Case("no address", "\"address\": \"Xã Ba\", ", "",
                        "serviceCentres[1].address", MISSING, "\"desk-c1\""),
                new Case("slot too short", "\"slotMinutes\": 30", "\"slotMinutes\": 3",
                        "serviceCentres[1].slotMinutes", OUT_OF_RANGE, "\"slotMinutes\": 3"),
                new Case("unknown weekday", "\"TUESDAY\"", "\"TUESDAYS\"",
                        "serviceCentres[1].openingHours.TUESDAYS", UNKNOWN_KEY, "\"TUESDAYS\""),
                new Case("time shape", "{ \"from\": \"08:00\", \"to\": \"11:00\" }", "{ \"from\": \"8h\", \"to\": \"11:00\" }",
                        "serviceCentres[1].openingHours.TUESDAY[0].from", INVALID_FORMAT, "\"8h\""),
                new Case("from after to", "{ \"from\": \"08:00\", \"to\": \"11:00\" }", "{ \"from\": \"11:00\", \"to\": \"08:00\" }",
                        "serviceCentres[1].openingHours.TUESDAY[0]", INCONSISTENT, "\"11:00\", \"to\": \"08:00\""),
                new Case("period not a whole number of slots", "{ \"from\": \"08:00\", \"to\": \"11:00\" }",
                        "{ \"from\": \"08:00\", \"to\": \"11:10\" }",
                        "serviceCentres[1].openingHours.TUESDAY[0]", INCONSISTENT, "\"11:10\""),
                new Case("overlapping periods", "{ \"from\": \"13:30\", \"to\": \"17:00\" }",
                        "{ \"from\": \"11:00\", \"to\": \"17:00\" }",
                        "serviceCentres[0].openingHours.MONDAY[1]", INCONSISTENT, "\"11:00\", \"to\": \"17:00\""),
                new Case("never open", "\"openingHours\": { \"TUESDAY\": [ { \"from\": \"08:00\", \"to\": \"11:00\" } ] }",
                        "\"openingHours\": { \"TUESDAY\": [] }",
                        "serviceCentres[1].openingHours", EMPTY, "\"TUESDAY\": []"),
                new Case("no counters",
                        "\"counters\": [ { \"id\": \"quay-1\", \"name\": \"Quầy một cửa\", \"procedureCodes\": [\"2.000815.000.00.00.H56\"], \"capacity\": 1 } ]",
                        "\"counters\": []", "serviceCentres[1].counters", EMPTY, "\"counters\": []"),
                new Case("counter id twice", "\"id\": \"quay-2\"", "\"id\": \"quay-1\"",
                        "serviceCentres[0].counters[1].id", DUPLICATE_ID, "\"Quầy 2 - Xây dựng\""),
                new Case("unknown procedure", "\"procedureCodes\": [\"1.009972.000.00.00.H56\"]",
                        "\"procedureCodes\": [\"1.999999.000.00.00.H56\"]",
                        "serviceCentres[0].counters[1].procedureCodes[0]", UNKNOWN_REFERENCE, "1.999999"),
                new Case("capacity too large", "\"capacity\": 2", "\"capacity\": 51",
                        "serviceCentres[0].counters[0].capacity", OUT_OF_RANGE, "\"capacity\": 51"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachRuleWithPathAndLine(Case c) {
        ProvinceConfigLoaderTest.assertReported(withCentres(), c);
    }
}
