package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.*;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.describe;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.problems;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.replace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.smartprovince.shared.province.ProvinceConfigLoaderTest.Case;

/** The {@code procedures} of a province file and agencies' {@code unitCode}: read, checked, written back, diffed. */
class ProcedureConfigTest {

    static String withProcedures() {
        try (InputStream in = ProcedureConfigTest.class.getResourceAsStream("/province/procedures.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProvinceConfig config() {
        return ProvinceConfigLoader.parse(withProcedures(), "procedures.json");
    }

    @Test
    void readsProceduresAndUnitCodes() {
        ProvinceConfig config = config();
        assertEquals(3, config.procedures().size());
        assertEquals("000.00.00.H56", config.agency("roads").orElseThrow().unitCode());
        assertNull(config.agency("police").orElseThrow().unitCode());

        Procedure birth = config.procedure("1.001193.000.00.00.H56").orElseThrow();
        assertEquals("Đăng ký khai sinh", birth.name());
        assertEquals(new Competence(Competence.Basis.SUBJECT_AREA, List.of("ubnd-w1", "ubnd-w2", "ubnd-c1"), "placeOfBirth"),
                birth.competence());
        assertEquals(OnlineLevel.FULL, birth.onlineLevel());
        assertEquals(0, birth.processingWorkingDays());
        assertEquals(Fee.Kind.NONE, birth.fee().kind());
        assertEquals("Miễn lệ phí.", birth.fee().note());
        assertEquals(List.of(DocumentType.JPEG, DocumentType.PNG, DocumentType.PDF),
                birth.document("birth_certificate").orElseThrow().acceptedTypes());
        FormField sex = birth.formField("sex").orElseThrow();
        assertEquals(List.of(new FormField.Choice("MALE", "Nam"), new FormField.Choice("FEMALE", "Nữ")), sex.choices());
        assertEquals(FormField.DateRange.PAST_OR_TODAY, birth.formField("dateOfBirth").orElseThrow().dates());
        assertEquals(200, birth.formField("placeOfBirth").orElseThrow().maxLength());
        assertEquals(List.of(ResultDelivery.DESK, ResultDelivery.POST, ResultDelivery.ONLINE), birth.resultDeliveries());

        Procedure permit = config.procedure("1.009972.000.00.00.H56").orElseThrow();
        assertEquals(75_000L, permit.fee().amountVnd());
        assertEquals(10_000L, permit.formField("floorArea").orElseThrow().max());
        Procedure copy = config.procedure("2.000815.000.00.00.H56").orElseThrow();
        assertEquals(List.of(new Fee.Row("Trang thứ nhất và thứ hai", 2000), new Fee.Row("Từ trang thứ ba", 1000)),
                copy.fee().rows());
        assertTrue(copy.form().isEmpty());
    }

    @Test
    void writesJsonThatReadsBackToAnEqualConfig() {
        ProvinceConfig config = config();
        String json = ProvinceConfigLoader.toJson(config);
        assertEquals(config, ProvinceConfigLoader.parse(json, "round-trip"));
        assertTrue(json.contains("\"unitCode\":\"000.00.00.H56\""), json);
    }

    @Test
    void aFileWithoutProceduresHasNone() {
        assertTrue(ProvinceConfigLoaderTest.validConfig().procedures().isEmpty());
    }

    // ------------------------------------------------------------------ one problem of each rule

    static final String BIRTH_AGENCIES = "\"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\", \"ubnd-c1\"], \"subjectAreaField\"";
    static final String COPY_AGENCIES = "\"basis\": \"APPLICANT_AREA\", \"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\", \"ubnd-c1\"]";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unit code shape", "\"unitCode\": \"H56.1.2\"", "\"unitCode\": \"h56 1\"",
                        "agencies[3].unitCode", INVALID_FORMAT, "h56 1"),
                new Case("unit code used twice", "\"unitCode\": \"H56.1.2\"", "\"unitCode\": \"H56.1.1\"",
                        "agencies[3].unitCode", DUPLICATE_ID, "\"ubnd-w2\""),
                new Case("procedure code shape", "\"code\": \"1.009972.000.00.00.H56\"", "\"code\": \"1-009972 h56\"",
                        "procedures[1].code", INVALID_FORMAT, "1-009972 h56"),
                new Case("procedure code used twice", "\"code\": \"1.009972.000.00.00.H56\"", "\"code\": \"1.001193.000.00.00.H56\"",
                        "procedures[1].code", DUPLICATE_ID, "\"Cấp giấy phép"),
                new Case("procedure without a name", "\"name\": \"Chứng thực bản sao từ bản chính\", ", "",
                        "procedures[2].name", MISSING, "\"2.000815.000.00.00.H56\""),
                new Case("processing time", "\"processingWorkingDays\": 15", "\"processingWorkingDays\": 400",
                        "procedures[1].processingWorkingDays", OUT_OF_RANGE, "400"),
                new Case("fixed competence with two agencies", "\"agencyIds\": [\"roads\"]", "\"agencyIds\": [\"roads\", \"triage\"]",
                        "procedures[1].competence.agencyIds", INCONSISTENT, "[\"roads\", \"triage\"]"),
                new Case("competent agency without a unit code", "\"agencyIds\": [\"roads\"]", "\"agencyIds\": [\"police\"]",
                        "procedures[1].competence.agencyIds[0]", INCONSISTENT, "[\"police\"]"),
                new Case("unknown competent agency", "\"agencyIds\": [\"roads\"]", "\"agencyIds\": [\"rods\"]",
                        "procedures[1].competence.agencyIds[0]", UNKNOWN_REFERENCE, "[\"rods\"]"),
                new Case("a commune no candidate covers", COPY_AGENCIES,
                        "\"basis\": \"APPLICANT_AREA\", \"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\"]",
                        "procedures[2].competence.agencyIds", INCONSISTENT, "\"APPLICANT_AREA\""),
                new Case("candidates that overlap", COPY_AGENCIES,
                        "\"basis\": \"APPLICANT_AREA\", \"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\", \"ubnd-c1\", \"roads\"]",
                        "procedures[2].competence.agencyIds", INCONSISTENT, "\"APPLICANT_AREA\""),
                new Case("subject area field missing", ", \"subjectAreaField\": \"placeOfBirth\"", "",
                        "procedures[0].competence.subjectAreaField", MISSING, "\"SUBJECT_AREA\""),
                new Case("subject area field not in the form", "\"subjectAreaField\": \"placeOfBirth\"", "\"subjectAreaField\": \"birthPlace\"",
                        "procedures[0].competence.subjectAreaField", UNKNOWN_REFERENCE, "\"birthPlace\""),
                new Case("subject area field not an address", "\"subjectAreaField\": \"placeOfBirth\"", "\"subjectAreaField\": \"childName\"",
                        "procedures[0].competence.subjectAreaField", INCONSISTENT, "\"subjectAreaField\": \"childName\""),
                new Case("subject area field on a fixed competence", "\"agencyIds\": [\"roads\"]",
                        "\"agencyIds\": [\"roads\"], \"subjectAreaField\": \"floorArea\"",
                        "procedures[1].competence.subjectAreaField", INCONSISTENT, "\"floorArea\" }"),
                new Case("fixed fee without amount", "\"fee\": { \"kind\": \"FIXED\", \"amountVnd\": 75000 }", "\"fee\": { \"kind\": \"FIXED\" }",
                        "procedures[1].fee.amountVnd", MISSING, "\"kind\": \"FIXED\""),
                new Case("fixed fee of nothing", "\"amountVnd\": 75000", "\"amountVnd\": 0",
                        "procedures[1].fee.amountVnd", OUT_OF_RANGE, "\"amountVnd\": 0"),
                new Case("amount on a free procedure", "\"kind\": \"NONE\",", "\"kind\": \"NONE\", \"amountVnd\": 5000,",
                        "procedures[0].fee.amountVnd", INCONSISTENT, "\"amountVnd\": 5000"),
                new Case("table with one row", ",\n                                          { \"label\": \"Từ trang thứ ba\", \"amountVnd\": 1000 }", "",
                        "procedures[2].fee.rows", EMPTY, "\"kind\": \"TABLE\""),
                new Case("table labels twice", "\"label\": \"Từ trang thứ ba\"", "\"label\": \"Trang thứ nhất và thứ hai\"",
                        "procedures[2].fee.rows[1].label", DUPLICATE_ID, "{ \"label\": \"Trang thứ nhất và thứ hai\", \"amountVnd\": 1000"),
                new Case("document key shape", "\"key\": \"drawings\"", "\"key\": \"Drawings\"",
                        "procedures[1].documents[0].key", INVALID_FORMAT, "\"Drawings\""),
                new Case("document key twice", "\"key\": \"marriage_certificate\"", "\"key\": \"birth_certificate\"",
                        "procedures[0].documents[1].key", DUPLICATE_ID, "\"Giấy chứng nhận kết hôn\""),
                new Case("no accepted type", "\"acceptedTypes\": [\"PDF\"]", "\"acceptedTypes\": []",
                        "procedures[1].documents[0].acceptedTypes", EMPTY, "\"acceptedTypes\": []"),
                new Case("accepted type twice", "\"acceptedTypes\": [\"PDF\"]", "\"acceptedTypes\": [\"PDF\", \"PDF\"]",
                        "procedures[1].documents[0].acceptedTypes[1]", DUPLICATE_ID, "[\"PDF\", \"PDF\"]"),
                new Case("unknown file type", "\"acceptedTypes\": [\"PDF\"]", "\"acceptedTypes\": [\"DOCX\"]",
                        "procedures[1].documents[0].acceptedTypes[0]", INVALID_VALUE, "DOCX"),
                new Case("too many files", "\"maxFiles\": 20", "\"maxFiles\": 21",
                        "procedures[2].documents[0].maxFiles", OUT_OF_RANGE, "\"maxFiles\": 21"),
                new Case("a procedure that asks nothing", "\"documents\": [\n        { \"key\": \"original\", \"name\": \"Bản chính giấy tờ\", "
                        + "\"required\": true, \"acceptedTypes\": [\"JPEG\", \"PNG\"], \"maxFiles\": 20 }\n      ],", "",
                        "procedures[2]", EMPTY, "{ \"code\": \"2.000815"),
                new Case("field key shape", "\"key\": \"childName\"", "\"key\": \"child_name\"",
                        "procedures[0].form[0].key", INVALID_FORMAT, "\"child_name\""),
                new Case("field key twice", "\"key\": \"motherId\"", "\"key\": \"sex\"",
                        "procedures[0].form[4].key", DUPLICATE_ID, "\"Số CCCD của mẹ\""),
                new Case("text without max length", ", \"maxLength\": 100", "",
                        "procedures[0].form[0].maxLength", MISSING, "\"childName\""),
                new Case("max length too large", "\"maxLength\": 100", "\"maxLength\": 5000",
                        "procedures[0].form[0].maxLength", OUT_OF_RANGE, "5000"),
                new Case("max length on a date", "\"dates\": \"PAST_OR_TODAY\"", "\"dates\": \"PAST_OR_TODAY\", \"maxLength\": 10",
                        "procedures[0].form[1].maxLength", INCONSISTENT, "\"maxLength\": 10 }"),
                new Case("min above max", "\"min\": 1, \"max\": 10000", "\"min\": 20000, \"max\": 10000",
                        "procedures[1].form[0].min", INCONSISTENT, "\"min\": 20000"),
                new Case("min on a phone", "\"type\": \"PHONE\", \"required\": false", "\"type\": \"PHONE\", \"required\": false, \"min\": 1",
                        "procedures[1].form[1].min", INCONSISTENT, "\"min\": 1 }"),
                new Case("dates on a text", "\"maxLength\": 100 }", "\"maxLength\": 100, \"dates\": \"ANY\" }",
                        "procedures[0].form[0].dates", INCONSISTENT, "\"dates\": \"ANY\""),
                new Case("choices on a text", "\"maxLength\": 100 }", "\"maxLength\": 100, \"choices\": [ { \"value\": \"A\", \"label\": \"A\" } ] }",
                        "procedures[0].form[0].choices", INCONSISTENT, "\"choices\": [ { \"value\": \"A\""),
                new Case("one choice", ", { \"value\": \"FEMALE\", \"label\": \"Nữ\" }", "",
                        "procedures[0].form[2].choices", EMPTY, "\"choices\""),
                new Case("choice value twice", "\"value\": \"FEMALE\"", "\"value\": \"MALE\"",
                        "procedures[0].form[2].choices[1].value", DUPLICATE_ID, "\"label\": \"Nữ\""),
                new Case("unknown field type", "\"type\": \"PHONE\"", "\"type\": \"EMAIL\"",
                        "procedures[1].form[1].type", INVALID_VALUE, "EMAIL"),
                new Case("no result delivery", "\"resultDeliveries\": [\"DESK\"]", "\"resultDeliveries\": []",
                        "procedures[1].resultDeliveries", EMPTY, "\"resultDeliveries\": []"),
                new Case("result delivery twice", "\"resultDeliveries\": [\"DESK\"]", "\"resultDeliveries\": [\"DESK\", \"DESK\"]",
                        "procedures[1].resultDeliveries[1]", DUPLICATE_ID, "[\"DESK\", \"DESK\"]"),
                new Case("fully online with the result at the desk only", "\"resultDeliveries\": [\"DESK\", \"POST\", \"ONLINE\"]",
                        "\"resultDeliveries\": [\"DESK\"]", "procedures[0].resultDeliveries", INCONSISTENT, "\"resultDeliveries\": [\"DESK\"] },\n    { \"code\": \"1.009972"),
                new Case("unknown key in a procedure", "\"processingWorkingDays\": 15", "\"processingWorkingDays\": 15, \"processingDays\": 15",
                        "procedures[1].processingDays", UNKNOWN_KEY, "\"processingDays\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsEachRuleWithPathAndLine(Case c) {
        ProvinceConfigLoaderTest.assertReported(withProcedures(), c);
    }

    @Test
    void aGapInCoverageNamesTheCommune() {
        String json = replace(withProcedures(), COPY_AGENCIES, "\"basis\": \"APPLICANT_AREA\", \"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\"]");
        ConfigProblem problem = problems(json).get(0);
        assertTrue(problem.messageEn().contains("no candidate covers C1"), problem.messageEn());
        String overlap = replace(withProcedures(), COPY_AGENCIES,
                "\"basis\": \"APPLICANT_AREA\", \"agencyIds\": [\"ubnd-w1\", \"ubnd-w2\", \"ubnd-c1\", \"roads\"]");
        List<ConfigProblem> problems = problems(overlap);
        assertTrue(problems.stream().anyMatch(p -> p.messageEn().contains("W1 (ubnd-w1, roads)")), describe(problems));
    }

    // ------------------------------------------------------------------ diff

    @Test
    void diffListsProceduresAddedRemovedChangedAndUnitCodes() {
        ProvinceConfig before = config();
        String json = withProcedures();
        json = replace(json, "\"processingWorkingDays\": 15", "\"processingWorkingDays\": 12");
        json = replace(json, "\"amountVnd\": 75000", "\"amountVnd\": 100000");
        json = replace(json, "\"unitCode\": \"H56.1.3\"", "\"unitCode\": \"H56.1.9\"");
        json = replace(json, "\"code\": \"2.000815.000.00.00.H56\"", "\"code\": \"2.000815.000.00.00.H57\"");
        List<String> changes = ConfigDiff.between(before, ProvinceConfigLoader.parse(json, "after"))
                .stream().map(ConfigDiff.Change::text).toList();
        assertEquals(List.of(
                "Agency \"UBND xã Ba\" (ubnd-c1): national unit code H56.1.3 -> H56.1.9 (new dossier codes start with it)",
                "Procedure \"Cấp giấy phép xây dựng nhà ở riêng lẻ\" (1.009972.000.00.00.H56): processing time 15 -> 12 "
                        + "working days (for dossiers received from now on); fee changed",
                "Procedure added: \"Chứng thực bản sao từ bản chính\" (2.000815.000.00.00.H57), Chứng thực, 1 working days",
                "Procedure removed: \"Chứng thực bản sao từ bản chính\" (2.000815.000.00.00.H56)"), changes);
        assertTrue(ConfigDiff.summary(before).endsWith(", 3 procedures"), ConfigDiff.summary(before));
        assertTrue(ConfigDiff.between(before, config()).isEmpty());
    }
}
