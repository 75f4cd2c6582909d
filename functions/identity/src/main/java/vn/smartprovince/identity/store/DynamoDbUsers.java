package vn.smartprovince.identity.store;

import static vn.smartprovince.shared.auth.UserItems.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.aws.Transactions;
import vn.smartprovince.shared.stats.StatPeriods;
import vn.smartprovince.shared.stats.UserCounterKeys;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Users in the main table, in the one item design of {@link UserItems} (the demo data writes the
 * same items). Writes are conditional: creation on absence, updates on the version read, so
 * concurrent sign-ins, profile edits and role changes never overwrite each other. An unreachable
 * or throttling DynamoDB is a 503 naming {@code dynamodb}. The user statistics
 * ({@link UserCounterKeys}: users, birth years, active users per month) are written in the same
 * transactions as the user item.
 */
public final class DynamoDbUsers implements Users {
    /** Attributes this design owns; an update sets or removes each of them and leaves any other alone. */
    private static final List<String> OWNED = List.of(ZALO_NAME, DISPLAY_NAME, AVATAR_URL, PHONE, BIRTH_YEAR,
            NOTIFICATION_PREFERENCE, ROLES, FIRST_SEEN_AT, LAST_SEEN_AT, CREATED_AT, UPDATED_AT, VERSION,
            SESSION_VERSION, "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbUsers(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<User> find(String zaloId) {
        var response = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(zaloId)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(user(response.item())) : Optional.empty();
    }

    /**
     * The user item and, in the same transaction, {@code users +1} and the birth year's counter +1
     * ({@link UserCounterKeys}): the statistics count user items without a scan.
     */
    @Override
    public boolean create(User user) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(user.zaloId()));
        item.put("itemType", AttributeValue.fromS(ITEM_TYPE));
        item.put(ZALO_ID, AttributeValue.fromS(user.zaloId()));
        attributes(user).forEach((name, value) -> {
            if (value != null) {
                item.put(name, value);
            }
        });
        item.put(UserCounterKeys.COUNTED, AttributeValue.fromBool(true));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(UserCounterKeys.USERS, 1L);
        counts.put(UserCounterKeys.birthYearField(user.birthYear()), 1L);
        List<CancellationReason> reasons = Transactions.write(dynamo, List.of(
                Transactions.put(table, item, "attribute_not_exists(pk)"), birthYearCounters(counts)));
        return reasons == null;
    }

    @Override
    public void update(User user, long expectedVersion) {
        Update update = versionedUpdate(user, expectedVersion, null);
        try {
            call(() -> dynamo.updateItem(b -> b.tableName(table).key(update.key())
                    .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues())));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflict();
        }
    }

    /**
     * As {@link #update(User, long)}; a changed birth year moves the user between the birth-year
     * counters in the same transaction, if the user is counted ({@link UserCounterKeys#COUNTED}: every
     * user created since the counters exist, and those the back-fill counted). A user not counted yet
     * is updated without counters (the back-fill will count the birth year it then finds).
     */
    @Override
    public void update(User before, User after) {
        if (java.util.Objects.equals(before.birthYear(), after.birthYear())) {
            update(after, before.version());
            return;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(UserCounterKeys.birthYearField(before.birthYear()), -1L);
        counts.put(UserCounterKeys.birthYearField(after.birthYear()), 1L);
        Update counted = versionedUpdate(after, before.version(), "attribute_exists(" + UserCounterKeys.COUNTED + ")");
        if (Transactions.write(dynamo, List.of(TransactWriteItem.builder().update(counted).build(),
                birthYearCounters(counts))) == null) {
            return;
        }
        Update uncounted = versionedUpdate(after, before.version(), "attribute_not_exists(" + UserCounterKeys.COUNTED + ")");
        if (Transactions.write(dynamo, List.of(TransactWriteItem.builder().update(uncounted).build())) != null) {
            throw new VersionConflict();
        }
    }

    /** The versioned update of the attributes this design owns, with {@code extraCondition} (or null) ANDed. */
    private Update versionedUpdate(User user, long expectedVersion, String extraCondition) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        Map<String, AttributeValue> attributes = attributes(user);
        for (String name : OWNED) {
            names.put("#" + name, name);
            AttributeValue value = attributes.get(name);
            if (value == null) {
                remove.add("#" + name);
            } else {
                values.put(":" + name, value);
                set.add("#" + name + " = :" + name);
            }
        }
        names.put("#itemType", "itemType");
        values.put(":itemType", AttributeValue.fromS(ITEM_TYPE));
        set.add("#itemType = :itemType");
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder().tableName(table).key(key(user.zaloId())).updateExpression(expression)
                .conditionExpression("attribute_exists(pk) AND #version = :expected"
                        + (extraCondition == null ? "" : " AND " + extraCondition))
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private TransactWriteItem birthYearCounters(Map<String, Long> counts) {
        return Transactions.add(table, Map.of("pk", AttributeValue.fromS(UserCounterKeys.PK),
                "sk", AttributeValue.fromS(UserCounterKeys.BIRTH_YEARS)), "USER_STATS", counts);
    }

    /**
     * Counts the user active in the month of {@code at} (Vietnam time), once: the marker
     * {@code ACTIVE#yyyy-MM}/{@code <userId>} (condition: absent; expires about 40 days after the
     * month) and {@code active +1} on {@code STATS#USERS}/{@code MONTH#yyyy-MM}, in one transaction.
     * A second call in the month finds the marker and writes nothing.
     */
    @Override
    public void markActive(String zaloId, Instant at) {
        YearMonth month = YearMonth.from(at.atZone(StatPeriods.VIETNAM));
        long expiresAt = month.plusMonths(1).atDay(1).atStartOfDay(StatPeriods.VIETNAM).plusDays(40).toEpochSecond();
        Map<String, AttributeValue> marker = Map.of("pk", AttributeValue.fromS(UserCounterKeys.activeKey(month)),
                "sk", AttributeValue.fromS(zaloId), "itemType", AttributeValue.fromS("ACTIVE_MARKER"),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        try {
            Transactions.write(dynamo, List.of(Transactions.put(table, marker, "attribute_not_exists(pk)"),
                    Transactions.add(table, Map.of("pk", AttributeValue.fromS(UserCounterKeys.PK),
                            "sk", AttributeValue.fromS(StatPeriods.month(month))), "USER_STATS",
                            Map.of(UserCounterKeys.ACTIVE, 1L))));
        } catch (RuntimeException e) {
            // A statistic: never the reason a sign-in fails. The next renewal tries again.
            JsonLog.warn("active-user counter not written", Map.of("cause", e.getClass().getSimpleName()));
        }
    }

    @Override
    public boolean delete(String zaloId) {
        // The link to the Official Account (written by the Zalo webhook's consumer) goes too, first:
        // a retried erasure finds the profile still there and repeats both.
        call(() -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of(
                "pk", AttributeValue.fromS(userKey(zaloId)), "sk", AttributeValue.fromS(UserItems.OA_FOLLOWER)))));
        // The user item goes with users -1 and its birth year's counter -1 (if it was counted) in one
        // transaction, on the version read (a concurrent change: read again).
        for (int attempt = 0; attempt < 4; attempt++) {
            var read = call(() -> dynamo.getItem(b -> b.tableName(table).key(key(zaloId)).consistentRead(true)));
            if (!read.hasItem() || read.item().isEmpty()) {
                return false;
            }
            User user = user(read.item());
            boolean counted = read.item().containsKey(UserCounterKeys.COUNTED);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(zaloId))
                    .conditionExpression("#version = :v AND " + (counted ? "attribute_exists(#c)" : "attribute_not_exists(#c)"))
                    .expressionAttributeNames(Map.of("#version", VERSION, "#c", UserCounterKeys.COUNTED))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(user.version()))))
                    .build()).build());
            if (counted) {
                Map<String, Long> counts = new LinkedHashMap<>();
                counts.put(UserCounterKeys.USERS, -1L);
                counts.put(UserCounterKeys.birthYearField(user.birthYear()), -1L);
                items.add(birthYearCounters(counts));
            }
            if (Transactions.write(dynamo, items) == null) {
                return true;
            }
        }
        throw new VersionConflict();
    }

    @Override
    public Page officersOf(String agencyId, String afterZaloId, int limit) {
        Map<String, AttributeValue> start = null;
        if (afterZaloId != null) {
            start = new HashMap<>(key(afterZaloId));
            start.put("gsi1pk", AttributeValue.fromS(officersKey(agencyId)));
            start.put("gsi1sk", AttributeValue.fromS(userKey(afterZaloId)));
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = call(() -> dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(officersKey(agencyId))))
                .exclusiveStartKey(exclusiveStart)
                .limit(limit)));
        List<User> users = response.items().stream().map(DynamoDbUsers::user).toList();
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !users.isEmpty();
        return new Page(users, more ? users.get(users.size() - 1).zaloId() : null);
    }

    // ------------------------------------------------------------------ mapping

    public static Map<String, AttributeValue> key(String zaloId) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", AttributeValue.fromS(userKey(zaloId)));
        key.put("sk", AttributeValue.fromS(PROFILE));
        return key;
    }

    /** Every owned attribute of {@code user}; null = absent (removed on update). */
    public static Map<String, AttributeValue> attributes(User user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ZALO_NAME, s(user.zaloName()));
        item.put(DISPLAY_NAME, s(user.displayName()));
        item.put(AVATAR_URL, s(user.avatarUrl()));
        item.put(PHONE, s(user.phone()));
        item.put(BIRTH_YEAR, user.birthYear() == null ? null : AttributeValue.fromN(user.birthYear().toString()));
        item.put(NOTIFICATION_PREFERENCE, user.notificationPreference() == null ? null
                : AttributeValue.fromS(user.notificationPreference().name()));
        item.put(ROLES, AttributeValue.fromL(user.roles().stream().map(grant -> {
            Map<String, AttributeValue> role = new LinkedHashMap<>();
            role.put("role", AttributeValue.fromS(grant.role().name()));
            if (grant.agencyId() != null) {
                role.put("agencyId", AttributeValue.fromS(grant.agencyId()));
            }
            return AttributeValue.fromM(role);
        }).toList()));
        item.put(FIRST_SEEN_AT, s(user.firstSeenAt()));
        item.put(LAST_SEEN_AT, s(user.lastSeenAt()));
        item.put(CREATED_AT, s(user.createdAt()));
        item.put(UPDATED_AT, s(user.updatedAt()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(user.version())));
        item.put(SESSION_VERSION, AttributeValue.fromN(Long.toString(user.sessionVersion())));
        String agency = user.officerOf().orElse(null);
        item.put("gsi1pk", agency == null ? null : AttributeValue.fromS(officersKey(agency)));
        item.put("gsi1sk", agency == null ? null : AttributeValue.fromS(userKey(user.zaloId())));
        boolean admin = user.has(Role.PROVINCE_ADMIN);
        item.put("gsi2pk", admin ? AttributeValue.fromS(ADMINS) : null);
        item.put("gsi2sk", admin ? AttributeValue.fromS(userKey(user.zaloId())) : null);
        return item;
    }

    /** An item as a user; tolerant of what older items or the demo data leave out. */
    public static User user(Map<String, AttributeValue> item) {
        List<RoleGrant> roles = new ArrayList<>();
        AttributeValue list = item.get(ROLES);
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                try {
                    Map<String, AttributeValue> map = entry.m();
                    roles.add(new RoleGrant(Role.valueOf(map.get("role").s()),
                            map.containsKey("agencyId") ? map.get("agencyId").s() : null));
                } catch (RuntimeException e) {
                    JsonLog.warn("user item holds a role this code does not know; ignored",
                            Map.of("pk", item.get("pk").s()));
                }
            }
        }
        if (roles.stream().noneMatch(grant -> grant.role() == Role.CITIZEN)) {
            roles = User.rolesWith(roles, RoleGrant.citizen());
        }
        String preference = text(item, NOTIFICATION_PREFERENCE);
        NotificationPreference parsed = null;
        if (preference != null) {
            try {
                parsed = NotificationPreference.valueOf(preference);
            } catch (IllegalArgumentException e) {
                parsed = null;
            }
        }
        String zaloId = text(item, ZALO_ID) != null ? text(item, ZALO_ID) : item.get("pk").s().substring("USER#".length());
        return new User(zaloId, text(item, ZALO_NAME), text(item, DISPLAY_NAME), text(item, AVATAR_URL),
                text(item, PHONE), item.containsKey(BIRTH_YEAR) ? Integer.valueOf(item.get(BIRTH_YEAR).n()) : null,
                parsed, roles, instant(item, FIRST_SEEN_AT), instant(item, LAST_SEEN_AT), instant(item, CREATED_AT),
                instant(item, UPDATED_AT), number(item, VERSION), number(item, SESSION_VERSION));
    }

    private static AttributeValue s(Object value) {
        return value == null ? null : AttributeValue.fromS(value.toString());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text == null ? null : Instant.parse(text);
    }

    private static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** DynamoDB unreachable or throttling: 503 {@code dynamodb}; anything else is a bug and surfaces. */
    public static <T> T call(Supplier<T> operation) {
        return vn.smartprovince.shared.aws.DynamoDbCalls.call(operation);
    }
}
