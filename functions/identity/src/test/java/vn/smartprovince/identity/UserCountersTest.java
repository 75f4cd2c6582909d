package vn.smartprovince.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.shared.stats.UserCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * The user statistics DynamoDbUsers keeps with the user item, against the emulator: users and
 * birth years on creation, a birth-year change, erasure; active users once per month.
 */
class UserCountersTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    private final DynamoDbUsers users = new DynamoDbUsers(aws.dynamoDb(), aws.tableName("MainTable"));

    private Map<String, Long> counters(String sk) {
        var item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(Map.of("pk", AttributeValue.fromS(UserCounterKeys.PK), "sk", AttributeValue.fromS(sk)))
                .consistentRead(true)).item();
        Map<String, Long> numbers = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.n() != null) {
                numbers.put(name, Long.parseLong(value.n()));
            }
        });
        return numbers;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String field) {
        return after.getOrDefault(field, 0L) - before.getOrDefault(field, 0L);
    }

    @Test
    void creationBirthYearChangeAndErasureMoveTheCounters() {
        String id = "9000000000000077001";
        users.delete(id);
        Map<String, Long> start = counters(UserCounterKeys.BIRTH_YEARS);
        User created = Fakes.user(id);
        users.create(created);
        Map<String, Long> afterCreate = counters(UserCounterKeys.BIRTH_YEARS);
        assertEquals(1, delta(start, afterCreate, "users"));
        assertEquals(1, delta(start, afterCreate, "unknownBirthYear"));
        assertEquals(false, users.create(created), "a second creation is refused and counts nothing");
        assertEquals(afterCreate, counters(UserCounterKeys.BIRTH_YEARS));

        User born1975 = created.withProfile(null, created.phone(), 1975, NotificationPreference.ZALO_OA, Instant.now());
        users.update(created, born1975);
        Map<String, Long> afterChange = counters(UserCounterKeys.BIRTH_YEARS);
        assertEquals(-1, delta(afterCreate, afterChange, "unknownBirthYear"));
        assertEquals(1, delta(afterCreate, afterChange, "y1975"));
        assertEquals(0, delta(afterCreate, afterChange, "users"));
        assertThrows(Users.VersionConflict.class, () -> users.update(created, born1975.withProfile(null, null, 1990,
                NotificationPreference.ZALO_OA, Instant.now())), "a stale version changes neither item nor counters");
        assertEquals(afterChange, counters(UserCounterKeys.BIRTH_YEARS));

        users.delete(id);
        Map<String, Long> afterErasure = counters(UserCounterKeys.BIRTH_YEARS);
        assertEquals(-1, delta(afterChange, afterErasure, "users"));
        assertEquals(-1, delta(afterChange, afterErasure, "y1975"));
        assertEquals(false, users.delete(id));
        assertEquals(afterErasure, counters(UserCounterKeys.BIRTH_YEARS));
    }

    @Test
    void aUserIsActiveOnceAMonthInVietnamTime() {
        String id = "9000000000000077002";
        Map<String, Long> before = counters("MONTH#2031-01");
        users.markActive(id, Instant.parse("2030-12-31T17:00:00Z")); // 1 January 2031 in Vietnam
        users.markActive(id, Instant.parse("2031-01-20T03:00:00Z"));
        users.markActive("9000000000000077003", Instant.parse("2031-01-31T16:59:59Z"));
        assertEquals(2, delta(before, counters("MONTH#2031-01"), "active"));
        var marker = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(Map.of("pk", AttributeValue.fromS("ACTIVE#2031-01"), "sk", AttributeValue.fromS(id)))).item();
        assertEquals(Instant.parse("2031-02-01T00:00:00+07:00").plusSeconds(40L * 86400).getEpochSecond(),
                Long.parseLong(marker.get("expiresAt").n()), "the marker expires 40 days after its month");
    }
}
