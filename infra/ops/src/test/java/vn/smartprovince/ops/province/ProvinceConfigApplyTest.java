package vn.smartprovince.ops.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;
import vn.smartprovince.shared.province.ProvinceConfigStore.Applied;
import vn.smartprovince.shared.province.ProvinceConfigStore.RefusedChangeException;
import vn.smartprovince.shared.province.ProvinceConfigStore.StaleBaseException;
import vn.smartprovince.shared.province.ProvinceConfigStore.Version;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** ProvinceConfigStore.apply on moto with the template's main table: atomic, guarded, versioned. */
class ProvinceConfigApplyTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    static final String CODE = Configs.CODE;
    String table;
    ProvinceConfigStore store;

    @BeforeEach
    void emptyTable() {
        table = aws.tableName("MainTable");
        Configs.empty(aws.dynamoDb(), table);
        store = new ProvinceConfigStore(aws.dynamoDb(), table);
    }

    Map<String, AttributeValue> item(String sk) {
        return aws.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("PROVINCE#" + CODE), "sk", AttributeValue.fromS(sk)))).item();
    }

    String agencyName(String id) {
        return item("AGENCY#" + id).get("name").s();
    }

    @Test
    void applyWritesAVersionWithWhoAndWhyAndTheSameFileAgainWritesNothing() {
        Applied first = store.apply(Configs.demo(), 0, "alice", "first load");
        assertEquals(1, first.version());
        assertTrue(first.changed());
        Applied again = store.apply(Configs.demo(), null, "bob", null);
        assertFalse(again.changed());
        assertEquals(1, again.version());
        assertEquals(0, again.entityItemsWritten());

        Version current = store.currentVersion(CODE).orElseThrow();
        assertEquals(1, current.version());
        assertEquals("alice", current.appliedBy());
        assertEquals("first load", current.note());
        assertEquals(List.of(1), store.history(CODE).stream().map(Version::version).toList());
        assertEquals(0, store.entityDrift(Configs.demo()));
        assertEquals("Sở Xây dựng", agencyName("so-xay-dung"));
    }

    @Test
    void aNewVersionKeepsTheEarlierOneAndRewritesOnlyWhatChanged() {
        store.apply(Configs.demo(), 0, "alice", null);
        Applied second = store.apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", "Sở Xây dựng tỉnh Tây Ninh"),
                1, "bob", "tên đầy đủ");
        assertEquals(2, second.version());
        assertEquals(1, second.entityItemsWritten(), "only the renamed agency's item");
        assertEquals(List.of("Agency renamed (so-xay-dung): \"Sở Xây dựng\" -> \"Sở Xây dựng tỉnh Tây Ninh\""),
                second.changes().stream().map(Object::toString).toList());
        assertEquals("Sở Xây dựng tỉnh Tây Ninh", agencyName("so-xay-dung"));
        assertEquals("2", item("AGENCY#so-xay-dung").get("configVersion").n());
        assertEquals("1", item("AGENCY#dien-luc").get("configVersion").n(), "unchanged items keep the version that wrote them");

        List<Version> history = store.history(CODE);
        assertEquals(List.of(2, 1), history.stream().map(Version::version).toList());
        assertEquals(List.of("bob", "alice"), history.stream().map(Version::appliedBy).toList());
        assertEquals("Sở Xây dựng", store.version(CODE, 1).orElseThrow().config().agency("so-xay-dung").orElseThrow().name(),
                "version 1 is kept as it was");
    }

    @Test
    void aStaleBaseIsRefusedAndNothingIsWritten() {
        store.apply(Configs.demo(), 0, "alice", null);
        store.apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", "B"), 1, "bob", null);
        StaleBaseException stale = assertThrows(StaleBaseException.class, () ->
                store.apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", "A"), 1, "alice", null));
        assertEquals(2, stale.current().version());
        assertTrue(stale.getMessage().contains("applied by bob") && stale.getMessage().endsWith("run diff again."),
                stale.getMessage());
        assertEquals(2, store.currentVersion(CODE).orElseThrow().version());
        assertEquals("B", agencyName("so-xay-dung"));
    }

    @Test
    void twoOperatorsApplyingAtOnceOneWinsTheOtherIsToldToDiffAgain() throws Exception {
        store.apply(Configs.demo(), 0, "setup", null);
        // Both read version 1 before either writes: each waits for the other at its transaction.
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Applied>> results = new ArrayList<>();
            for (String name : List.of("A", "B")) {
                DynamoDbClient client = intercept(aws.dynamoDb(), "transactWriteItems", () -> bothRead.await(20, TimeUnit.SECONDS));
                ProvinceConfigStore operator = new ProvinceConfigStore(client, table);
                results.add(pool.submit(() -> operator.apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", name),
                        null, "operator " + name, null)));
            }
            int won = 0;
            int toldToDiff = 0;
            for (Future<Applied> result : results) {
                try {
                    assertEquals(2, result.get(60, TimeUnit.SECONDS).version());
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof StaleBaseException, String.valueOf(e.getCause()));
                    assertTrue(e.getCause().getMessage().contains("run diff again"));
                    toldToDiff++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, toldToDiff);
        } finally {
            pool.shutdownNow();
        }
        Version current = store.currentVersion(CODE).orElseThrow();
        assertEquals(2, current.version());
        assertEquals(List.of(2, 1), store.history(CODE).stream().map(Version::version).toList());
        assertEquals(current.appliedBy().substring("operator ".length()), agencyName("so-xay-dung"),
                "the entity items are the winner's");
    }

    @Test
    void anApplyInterruptedAtItsWriteLeavesThePreviousVersionInForce() {
        store.apply(Configs.demo(), 0, "alice", null);
        DynamoDbClient failing = intercept(aws.dynamoDb(), "transactWriteItems", () -> {
            throw new IllegalStateException("connection lost");
        });
        assertThrows(IllegalStateException.class, () -> new ProvinceConfigStore(failing, table)
                .apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", "X"), 1, "alice", null));
        assertEquals(1, store.currentVersion(CODE).orElseThrow().version());
        assertTrue(item("CONFIG#v000002").isEmpty());
        assertEquals("Sở Xây dựng", agencyName("so-xay-dung"));
        assertEquals(0, store.entityDrift(Configs.demo()));
    }

    @Test
    void aLargeChangeInterruptedAfterItsTransactionIsInForceAndApplyingAgainRepairsTheItems() {
        store.apply(Configs.demo(), 0, "alice", null);
        ProvinceConfig large = Configs.withCommunes(Configs.demo(), 120);
        AtomicInteger puts = new AtomicInteger();
        DynamoDbClient dying = intercept(aws.dynamoDb(), "putItem", () -> {
            if (puts.incrementAndGet() > 30) {
                throw new IllegalStateException("process killed");
            }
        });
        assertThrows(IllegalStateException.class, () -> new ProvinceConfigStore(dying, table).apply(large, 1, "alice", null));
        Version current = store.currentVersion(CODE).orElseThrow();
        assertEquals(2, current.version(), "the version and its pointer were one transaction");
        assertEquals(120, current.config().areas().size() - Configs.demo().areas().size());
        assertEquals(90, store.entityDrift(large));

        Applied repair = store.apply(large, 2, "alice", null);
        assertFalse(repair.changed());
        assertEquals(90, repair.entityItemsWritten());
        assertEquals(0, store.entityDrift(large));
    }

    @Test
    void removingAnAgencyWithOpenReportsIsRefusedAndNothingIsWritten() {
        store.apply(Configs.demo(), 0, "alice", null);
        Configs.openReport(aws.dynamoDb(), table, "r1", "dien-luc", "POWER_HAZARD", "DEMO-P01");
        RefusedChangeException refused = assertThrows(RefusedChangeException.class, () ->
                store.apply(Configs.withoutAgency(Configs.demo(), "dien-luc"), 1, "alice", null));
        assertEquals(List.of("Agency \"Công ty Điện lực (đơn vị cấp điện trên địa bàn tỉnh)\" (dien-luc) cannot be removed:"
                + " it still holds 1 open report. Have them transferred or answered first, or keep the agency."),
                refused.reasons());
        assertEquals(1, store.currentVersion(CODE).orElseThrow().version());
        assertFalse(item("AGENCY#dien-luc").isEmpty());

        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS("REPORT#r1"),
                "sk", AttributeValue.fromS("REPORT"))));
        assertEquals(2, store.apply(Configs.withoutAgency(Configs.demo(), "dien-luc"), 1, "alice", null).version());
        assertTrue(item("AGENCY#dien-luc").isEmpty(), "the removed agency's item is deleted with the version");
    }

    @Test
    void anotherProvincesFileIsRefused() {
        store.apply(Configs.demo(), 0, "alice", null);
        String other = ProvinceConfigLoader.toJson(Configs.demo()).replace("\"code\":\"DEMO-TNH\"", "\"code\":\"DEMO-XYZ\"");
        RefusedChangeException refused = assertThrows(RefusedChangeException.class, () ->
                store.apply(ProvinceConfigLoader.parse(other, "other"), null, "alice", null));
        assertTrue(refused.reasons().get(0).startsWith("The province code cannot change (the table holds DEMO-TNH,"
                + " the file says DEMO-XYZ)"), refused.reasons().toString());
        assertEquals(List.of(CODE), store.provinceCodes());
    }

    @Test
    void rollbackMakesAnEarlierContentCurrentAsANewVersionAndExportRoundTrips() {
        store.apply(Configs.demo(), 0, "alice", null);
        store.apply(Configs.renameAgency(Configs.demo(), "so-xay-dung", "Tên mới"), 1, "bob", null);
        Applied rolledBack = store.rollback(CODE, 1, 2, "carol", null);
        assertEquals(3, rolledBack.version());
        Version v3 = store.currentVersion(CODE).orElseThrow();
        assertEquals(store.version(CODE, 1).orElseThrow().sha256(), v3.sha256());
        assertEquals(1, v3.restoredFrom());
        assertEquals("rollback to version 1", v3.note());
        assertEquals("Sở Xây dựng", agencyName("so-xay-dung"));
        assertThrows(IllegalArgumentException.class, () -> store.rollback(CODE, 9, null, "carol", null));

        String exported = ProvinceMain.pretty(v3.configJson());
        Applied again = store.apply(ProvinceConfigLoader.parse(exported, "export"), 3, "dave", null);
        assertFalse(again.changed(), "apply(export) changes nothing");
        assertNull(store.version(CODE, 4).orElse(null));
    }

    /** {@code real}, with {@code before} run ahead of every call of {@code method} (e.g. to fail or to wait). */
    static DynamoDbClient intercept(DynamoDbClient real, String method, Step before) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        before.run();
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    interface Step {
        void run() throws Exception;
    }
}
