package vn.smartprovince.ops.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.store.DynamoDbUsers;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.stats.UserCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * The users back-fill against the emulator: users written before the counters existed are counted
 * once (a re-run counts nobody), users of the live code are not counted again, and a birth-year
 * change moves the counters only for a counted user.
 */
class StatsBackfillTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();
    static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    private String table() {
        return aws.tableName("MainTable");
    }

    private Map<String, Long> counters() {
        var item = aws.dynamoDb().getItem(b -> b.tableName(table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(UserCounterKeys.PK), "sk", AttributeValue.fromS(UserCounterKeys.BIRTH_YEARS)))).item();
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

    private static User user(String id, Integer birthYear) {
        return new User(id, "Người dùng cũ", null, null, null, birthYear, NotificationPreference.ZALO_OA,
                List.of(RoleGrant.citizen()), NOW, NOW, NOW, NOW, 1, NOW.toEpochMilli());
    }

    /** A user item as the code before the counters wrote it: no statsCounted. */
    private void legacy(User user) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbUsers.key(user.zaloId()));
        item.put("itemType", AttributeValue.fromS("USER"));
        item.put("zaloId", AttributeValue.fromS(user.zaloId()));
        DynamoDbUsers.attributes(user).forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
        aws.dynamoDb().putItem(b -> b.tableName(table()).item(item));
    }

    @Test
    void legacyUsersAreCountedOnceAndLiveUsersNotAgain() {
        DynamoDbUsers users = new DynamoDbUsers(aws.dynamoDb(), table());
        User old1970 = user("9100000000000000001", 1970);
        User oldUnknown = user("9100000000000000002", null);
        legacy(old1970);
        legacy(oldUnknown);
        users.create(user("9100000000000000003", null));

        // Not counted yet: a birth-year change does not move the counters.
        Map<String, Long> start = counters();
        User redated = oldUnknown.withProfile(null, null, 1990, NotificationPreference.ZALO_OA, NOW);
        users.update(oldUnknown, redated);
        assertEquals(start, counters());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = StatsBackfillMain.run(new String[] {"users", "--endpoint", aws.endpoint().toString(), "--region", aws.region(),
                "--table", table()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("users: 2 counted now"), out.toString(StandardCharsets.UTF_8));
        Map<String, Long> afterBackfill = counters();
        assertEquals(2, delta(start, afterBackfill, "users"));
        assertEquals(1, delta(start, afterBackfill, "y1970"));
        assertEquals(1, delta(start, afterBackfill, "y1990"), "the birth year the back-fill found");
        assertEquals(0, delta(start, afterBackfill, "unknownBirthYear"));

        assertEquals(new StatsBackfill.Result(0, 0), new StatsBackfill(aws.dynamoDb(), table()).users(), "a re-run counts nobody");
        assertEquals(afterBackfill, counters());

        // Counted now: a change moves the counters, an erasure takes the user out.
        users.update(old1970, old1970.withProfile(null, null, 1971, NotificationPreference.ZALO_OA, NOW));
        users.delete(redated.zaloId());
        Map<String, Long> end = counters();
        assertEquals(-1, delta(afterBackfill, end, "y1970"));
        assertEquals(1, delta(afterBackfill, end, "y1971"));
        assertEquals(-1, delta(afterBackfill, end, "y1990"));
        assertEquals(-1, delta(afterBackfill, end, "users"));
    }
}
