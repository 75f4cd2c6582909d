package vn.smartprovince.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.emulator.TestEmulator;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.province.ConfigProblem;
import vn.smartprovince.shared.province.InvalidConfigException;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.Route;

/** DemoData against moto, with the main table created from the real template.yaml. */
class DemoDataTest {
    private static final Path ROOT = repositoryRoot();
    private static final Path PROVINCE = ROOT.resolve(DemoData.PROVINCE_FILE);
    private static final Path USERS = ROOT.resolve(DemoData.USERS_FILE);
    private static final String PK = "PROVINCE#DEMO-TNH";
    private static final String OFFICER = "9000000000000000102";

    private static Emulator emulator;
    private static DynamoDbClient dynamo;
    private String table;

    @BeforeAll
    static void start() {
        emulator = TestEmulator.get();
        dynamo = emulator.dynamoDb();
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @BeforeEach
    void freshTable() {
        emulator.reset();
        table = StackBootstrap.run(emulator, Template.load(ROOT.resolve("template.yaml")), "demo",
                Map.of("ZaloAppId", "9000000000000000000", "ProvinceCode", "DEMO-TNH")).tableName("MainTable");
    }

    @Test
    void loadingTwiceWritesEverythingOnce() {
        DemoData.Result first = DemoData.load(dynamo, table, PROVINCE, USERS);
        assertEquals(new DemoData.Result("DEMO-TNH", 1, true, 6, 0, 0), first);
        DemoData.Result second = DemoData.load(dynamo, table, PROVINCE, USERS);
        assertEquals(new DemoData.Result("DEMO-TNH", 1, false, 0, 0, 6), second);

        assertEquals(List.of(ProvinceConfigStore.CURRENT, "CONFIG#v000001"), sortKeys(PK, "CONFIG#"));
        assertEquals(DemoData.APPLIED_BY, new ProvinceConfigStore(dynamo, table).currentVersion("DEMO-TNH")
                .orElseThrow().appliedBy(), "the demo loader applies through the same code as infra/bin/province");
        assertEquals(23, sortKeys(PK, "AREA#").size());
        assertEquals(28, sortKeys(PK, "AGENCY#").size());
        assertEquals(8, sortKeys(PK, "CATEGORY#").size());
        assertEquals(List.of("USER#9000000000000000001"), sortKeysOf(query("pk", "USER#9000000000000000001", null, null)));

        Map<String, AttributeValue> user = item("USER#" + OFFICER, DemoData.PROFILE);
        assertEquals("1", user.get("version").n());
        assertEquals("84900000102", user.get("phone").s());
        assertEquals("Võ Thị Hoa (UBND phường Tân Ninh)", user.get("displayName").s());
        assertEquals(List.of("CITIZEN", "OFFICER"), user.get("roles").l().stream().map(r -> r.m().get("role").s()).toList());
    }

    @Test
    void officersAreFoundByAgencyAndAdminsByRole() {
        DemoData.load(dynamo, table, PROVINCE, USERS);
        DemoData.load(dynamo, table, PROVINCE, USERS);
        assertEquals(List.of("USER#" + OFFICER), gsi("GSI1", DemoData.officersKey("ubnd-tan-ninh")));
        assertEquals(List.of("USER#9000000000000000101"), gsi("GSI1", DemoData.officersKey("so-xay-dung")));
        assertEquals(List.of(), gsi("GSI1", DemoData.officersKey("cong-an-tinh")));
        assertEquals(List.of("USER#9000000000000000900"), gsi("GSI2", DemoData.ADMINS));
    }

    @Test
    void theStoredConfigurationReadsBackAndRoutes() {
        DemoData.load(dynamo, table, PROVINCE, USERS);
        ProvinceConfigStore store = new ProvinceConfigStore(dynamo, table);
        assertEquals(List.of("DEMO-TNH"), store.provinceCodes());
        ProvinceConfigStore.Stored stored = store.current("DEMO-TNH").orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(ProvinceConfigLoader.load(PROVINCE), stored.config());
        assertTrue(stored.config().demo());
        assertEquals("ubnd-tan-an", stored.config().route("ROAD_DAMAGE", "DEMO-P12").agency().id());
        assertEquals(Route.Basis.TRIAGE_FALLBACK, stored.config().route("OTHER", "DEMO-P12").basis());

        Map<String, AttributeValue> area = item(PK, ProvinceConfigStore.areaKey("DEMO-P12"));
        assertEquals("Phường Tân An", area.get("name").s());
        assertEquals("WARD", area.get("type").s());
        assertEquals(List.of("DEMO-P12"), item(PK, ProvinceConfigStore.formerAreaKey("DEMO-OLD-1201"))
                .get("currentCodes").l().stream().map(AttributeValue::s).toList());
        Map<String, AttributeValue> agency = item(PK, ProvinceConfigStore.agencyKey("cong-an-tinh"));
        assertEquals("113", agency.get("contactPhone").s());
        assertTrue(agency.get("allAreas").bool());
        assertEquals("5", item(PK, ProvinceConfigStore.categoryKey("ROAD_DAMAGE")).get("answerDeadlineWorkingDays").n());
    }

    @Test
    void changedFilesMakeANewVersionAndKeepWhatTheSystemAdded(@TempDir Path dir) throws IOException {
        Clock monday = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        DemoData.load(dynamo, table, PROVINCE, USERS, monday);
        // Something the running system wrote on sign-in: not the demo file's to remove.
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("USER#" + OFFICER), "sk", AttributeValue.fromS(DemoData.PROFILE)))
                .updateExpression("SET lastSignInAt = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("2026-03-02T03:00:00Z"))));

        // One commune fewer (and its committee, a candidate of the commune-based procedures); the Tân
        // Ninh officer is a citizen only now.
        Path province = dir.resolve("province.json");
        Files.writeString(province, Files.readString(PROVINCE).replaceFirst(
                ",\\s*\\{ \"code\": \"DEMO-X09\"[^}]*\\},\\s*\"formerNames\": \\[\"Thị trấn Cần Đước\"\\] \\}", "")
                .replaceFirst(",\\s*\\{ \"id\": \"ubnd-can-duoc\"[^}]*\\}", "")
                .replace(", \"ubnd-can-duoc\"", ""));
        Path users = dir.resolve("users.json");
        Files.writeString(users, Files.readString(USERS).replace(
                "{ \"role\": \"CITIZEN\" }, { \"role\": \"OFFICER\", \"agencyId\": \"ubnd-tan-ninh\" }",
                "{ \"role\": \"CITIZEN\" }"));

        Clock tuesday = Clock.fixed(Instant.parse("2026-03-03T02:00:00Z"), ZoneOffset.UTC);
        DemoData.Result result = DemoData.load(dynamo, table, province, users, tuesday);
        assertEquals(new DemoData.Result("DEMO-TNH", 2, true, 0, 1, 5), result);

        assertEquals(List.of(ProvinceConfigStore.CURRENT, "CONFIG#v000001", "CONFIG#v000002"), sortKeys(PK, "CONFIG#"));
        assertEquals(22, sortKeys(PK, "AREA#").size());
        assertFalse(sortKeys(PK, "AREA#").contains(ProvinceConfigStore.areaKey("DEMO-X09")));
        assertEquals(2, new ProvinceConfigStore(dynamo, table).current("DEMO-TNH").orElseThrow().version());

        Map<String, AttributeValue> user = item("USER#" + OFFICER, DemoData.PROFILE);
        assertEquals("2", user.get("version").n());
        assertEquals("2026-03-02T02:00:00Z", user.get("createdAt").s());
        assertEquals("2026-03-03T02:00:00Z", user.get("updatedAt").s());
        assertEquals("2026-03-02T03:00:00Z", user.get("lastSignInAt").s());
        assertNull(user.get("gsi1pk"));
        assertEquals(List.of(), gsi("GSI1", DemoData.officersKey("ubnd-tan-ninh")));

        // And the new state is again stable.
        assertEquals(new DemoData.Result("DEMO-TNH", 2, false, 0, 0, 6), DemoData.load(dynamo, table, province, users));
    }

    @Test
    void invalidFilesWriteNothing(@TempDir Path dir) throws IOException {
        Path users = dir.resolve("users.json");
        Files.writeString(users, Files.readString(USERS)
                .replace("\"agencyId\": \"so-xay-dung\"", "\"agencyId\": \"so-xay-dung-cu\"")
                .replace("\"phone\": \"84900000003\"", "\"phone\": \"12345\""));
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> DemoData.load(dynamo, table, PROVINCE, users));
        assertEquals(List.of(ConfigProblem.Kind.INVALID_FORMAT, ConfigProblem.Kind.UNKNOWN_REFERENCE),
                e.problems().stream().map(ConfigProblem::kind).toList(), e.getMessage());
        assertEquals("users[2].phone", e.problems().get(0).path());
        assertEquals("users[3].roles[1].agencyId", e.problems().get(1).path());
        assertEquals(List.of(), sortKeys(PK, ""));
        assertEquals(List.of(), new ProvinceConfigStore(dynamo, table).provinceCodes());
    }

    // ------------------------------------------------------------------ helpers

    private List<Map<String, AttributeValue>> query(String pkName, String pk, String skName, String prefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true);
        if (prefix == null) {
            query.keyConditionExpression(pkName + " = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)));
        } else {
            query.keyConditionExpression(pkName + " = :pk AND begins_with(" + skName + ", :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":prefix", AttributeValue.fromS(prefix)));
        }
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    private List<String> sortKeys(String pk, String prefix) {
        return query("pk", pk, "sk", prefix.isEmpty() ? null : prefix).stream().map(item -> item.get("sk").s()).toList();
    }

    private static List<String> sortKeysOf(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("pk").s()).toList();
    }

    private List<String> gsi(String index, String partition) {
        String number = index.substring(3);
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("gsi" + number + "pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                .build();
        return dynamo.queryPaginator(query).items().stream().map(item -> item.get("gsi" + number + "sk").s()).toList();
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)))).item();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DemoData.PROVINCE_FILE)) && Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No infra/demo/tay-ninh.json above " + System.getProperty("user.dir"));
    }
}
