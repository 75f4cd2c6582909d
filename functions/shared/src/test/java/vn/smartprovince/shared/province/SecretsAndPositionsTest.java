package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.problems;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.replace;
import static vn.smartprovince.shared.province.ProvinceConfigLoaderTest.valid;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration never holds a secret; every problem has a line and a column. */
class SecretsAndPositionsTest {

    @Test
    void aKeyNamedLikeASecretIsRefusedWithThatReason() {
        String json = replace(valid(), "\"zalo\": { \"miniAppId\": \"1234567890\",",
                "\"zalo\": { \"appSecret\": \"x\", \"miniAppId\": \"1234567890\",");
        List<ConfigProblem> found = problems(json);
        assertEquals(1, found.size(), found.toString());
        assertEquals("zalo.appSecret", found.get(0).path());
        assertTrue(found.get(0).messageEn().contains("never holds secrets"), found.get(0).messageEn());
    }

    @Test
    void valuesThatLookLikeSecretsAreRefusedWherever() {
        for (String value : List.of("token=abcdef0123456789", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.x",
                "AKIAIOSFODNN7EXAMPLE", "-----BEGIN PRIVATE KEY-----", "Gọi qW3rT8yU1iO4pA6sD9fG2hJ5kL7z nhé")) {
            String json = replace(valid(), "\"name\": \"Khác\"", "\"name\": \"" + value + "\"");
            List<ConfigProblem> found = problems(json);
            assertEquals(1, found.size(), value + ": " + found);
            assertEquals("categories[2].name", found.get(0).path());
            assertEquals(ConfigProblem.Kind.INVALID_VALUE, found.get(0).kind());
        }
    }

    @Test
    void theDemoProvinceAndOrdinaryTextAreNotSecrets() {
        for (String value : List.of("Tổ tiếp nhận phản ánh – Trung tâm Phục vụ hành chính công tỉnh", "DEMO-OLD-0101",
                "9000000000000000000", "Đã nhận phản ánh {report_code}.")) {
            assertEquals(false, SecretScan.secretLikeValue(value), value);
        }
    }

    @Test
    void everyProblemHasALineAndAColumn() {
        for (String json : List.of("", "{", valid().replace("\"schemaVersion\": 1,", ""),
                replace(valid(), "\"code\": \"TEST\"", "\"code\": \"TE#ST\", \"extra\": 1"))) {
            for (ConfigProblem problem : problems(json)) {
                assertNotNull(problem.line(), problem.toString());
                assertNotNull(problem.column(), problem.toString());
                assertTrue(problem.describe().startsWith("line "), problem.describe());
            }
        }
    }
}
