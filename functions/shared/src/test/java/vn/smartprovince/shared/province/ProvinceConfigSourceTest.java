package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** The one province configuration source: the refresh bound, one snapshot, failures, on a fake table. */
class ProvinceConfigSourceTest {
    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(Path.of("..", "..", "infra", "demo", "tay-ninh.json"));

    /** CONFIG#CURRENT as publish writes it; counts the small (projected) and the whole reads. */
    static final class FakeTable implements DynamoDbClient {
        final AtomicInteger pointerReads = new AtomicInteger();
        final AtomicInteger fullReads = new AtomicInteger();
        volatile Map<String, AttributeValue> current;
        volatile RuntimeException failure;

        void publish(int version, ProvinceConfig config) {
            String json = ProvinceConfigLoader.toJson(config);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("version", AttributeValue.fromN(String.valueOf(version)));
            item.put("sha256", AttributeValue.fromS(ProvinceConfigStore.sha256(json)));
            item.put("publishedAt", AttributeValue.fromS("2026-11-28T02:30:0" + version + "Z"));
            item.put("configJson", AttributeValue.fromS(json));
            current = item;
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            if (failure != null) {
                throw failure;
            }
            assertEquals("PROVINCE#DEMO-TNH", request.key().get("pk").s());
            assertEquals("CONFIG#CURRENT", request.key().get("sk").s());
            (request.projectionExpression() == null ? fullReads : pointerReads).incrementAndGet();
            return current == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(current).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /** A clock the test moves (the test kit's MutableClock is not available to shared's tests). */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-11-28T02:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static ProvinceConfig renamed(String name) {
        var agencies = new java.util.ArrayList<>(DEMO.agencies());
        Agency first = agencies.get(0);
        agencies.set(0, new Agency(first.id(), name, first.kind(), first.contactPhone(), first.allAreas(), first.areaCodes(), first.unitCode()));
        return new ProvinceConfig(DEMO.schemaVersion(), DEMO.demo(), DEMO.province(), DEMO.zalo(), DEMO.areas(),
                agencies, DEMO.categories(), DEMO.routing(), DEMO.holidayCalendar(), DEMO.notificationTemplates(),
                DEMO.procedures());
    }

    private final FakeTable table = new FakeTable();
    private final Moving clock = new Moving();

    private ProvinceConfigSource source(Duration refresh) {
        return new ProvinceConfigSource(table, "MainTable", "DEMO-TNH", refresh, clock);
    }

    @Test
    void anInstanceServesWhatItReadForTheRefreshIntervalThenTheNewVersion() {
        ProvinceConfigSource source = source(Duration.ofSeconds(60));
        assertEquals(Optional.empty(), source.find());
        assertEquals(Optional.empty(), source.find(), "nothing published yet: asked again, not kept");
        assertEquals(2, table.pointerReads.get());

        table.publish(1, DEMO);
        ProvinceSnapshot v1 = source.snapshot();
        assertEquals(1, v1.version());
        table.publish(2, renamed("Sở Xây dựng (đổi tên)"));
        clock.now = clock.now.plusSeconds(59);
        assertSame(v1, source.snapshot(), "within the interval: what it read, without asking");
        assertEquals(3, table.pointerReads.get());
        clock.now = clock.now.plusSeconds(1);
        ProvinceSnapshot v2 = source.snapshot();
        assertEquals(2, v2.version(), "after the interval: the new version");
        assertEquals("Sở Xây dựng (đổi tên)", v2.config().agencies().get(0).name());
        assertEquals(DEMO.agencies().get(0).name(), v1.config().agencies().get(0).name(),
                "the snapshot a request holds never changes");

        ProvinceConfigSource everyTime = source(Duration.ZERO);
        int before = table.pointerReads.get();
        everyTime.snapshot();
        everyTime.snapshot();
        assertEquals(before + 2, table.pointerReads.get(), "interval 0: every call asks");
    }

    @Test
    void anUnchangedVersionIsNotReadOrParsedAgain() {
        table.publish(1, DEMO);
        ProvinceConfigSource source = source(Duration.ofSeconds(60));
        ProvinceSnapshot first = source.snapshot();
        for (int i = 0; i < 5; i++) {
            clock.now = clock.now.plusSeconds(61);
            assertSame(first, source.snapshot());
        }
        assertEquals(1, table.fullReads.get(), "only the small pointer read every interval");
        assertEquals(6, table.pointerReads.get());
    }

    @Test
    void aRollbackToTheSameContentIsServedUnderItsNewVersionWithoutParsingAgain() {
        table.publish(1, DEMO);
        ProvinceConfigSource source = source(Duration.ofSeconds(60));
        ProvinceSnapshot first = source.snapshot();
        table.publish(3, DEMO);   // version 1's content applied again as version 3 (a rollback)
        clock.now = clock.now.plusSeconds(61);
        ProvinceSnapshot rolledBack = source.snapshot();
        assertEquals(3, rolledBack.version(), "the version in force, as the ETag and /v1/health say it");
        assertSame(first.config(), rolledBack.config(), "same hash: the parsed configuration is kept");
        assertEquals(1, table.fullReads.get());
    }

    @Test
    void aTableThatCannotBeReadKeepsTheSnapshotAtHandElse503() {
        ProvinceConfigSource source = source(Duration.ofSeconds(60));
        table.failure = SdkClientException.create("connection refused");
        ApiException e = assertThrows(ApiException.class, source::snapshot);
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals("dynamodb", e.getMessage());

        table.failure = null;
        table.publish(1, DEMO);
        ProvinceSnapshot v1 = source.snapshot();
        table.failure = SdkClientException.create("connection refused");
        clock.now = clock.now.plusSeconds(120);
        assertSame(v1, source.snapshot(), "kept while the table cannot be read");
    }

    @Test
    void noConfigurationIsA503NamingIt() {
        ApiException e = assertThrows(ApiException.class, () -> source(Duration.ofSeconds(60)).snapshot());
        assertEquals("province configuration not published", e.getMessage());
    }

    @Test
    void theIntervalIsOneSettingWithADefaultOfAMinute() {
        assertEquals(Duration.ofSeconds(60), ProvinceConfigSource.refresh(new Env(Map.of())));
        assertEquals(Duration.ofSeconds(5), ProvinceConfigSource.refresh(new Env(Map.of("PROVINCE_CONFIG_REFRESH_SECONDS", "5"))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ProvinceConfigSource.refresh(new Env(Map.of("PROVINCE_CONFIG_REFRESH_SECONDS", "-1"))));
        assertTrue(e.getMessage().contains("PROVINCE_CONFIG_REFRESH_SECONDS"));
    }
}
