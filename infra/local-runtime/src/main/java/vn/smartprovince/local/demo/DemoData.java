package vn.smartprovince.local.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.UserItems;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceConfigStore;

/**
 * Puts the demo province and its users into the main table, so that a newcomer who starts the
 * system locally has a province to report in and people to sign in as. Both files are validated
 * before anything is written; running it again changes nothing (the configuration is versioned by
 * content, users are updated only when the file changed them). Item design: infra/demo/README.md.
 *
 * <p>Demo users are user items of the one design the identity functions use
 * ({@link UserItems}): the file owns {@code zaloId}, {@code displayName}, {@code phone},
 * {@code roles} and the index keys; {@code createdAt}, {@code updatedAt}, {@code version} and
 * {@code sessionVersion} are kept as the running system expects them. Signing in as a demo user
 * through the Zalo stub then adds what Zalo says (zaloName, avatarUrl, first and last seen).
 */
public final class DemoData {
    /** The demo files, relative to the repository root. */
    public static final Path PROVINCE_FILE = Path.of("infra", "demo", "tay-ninh.json");
    public static final Path USERS_FILE = Path.of("infra", "demo", "users.json");

    public static final String PROFILE = UserItems.PROFILE;
    public static final String ADMINS = UserItems.ADMINS;
    /** Who the configuration history says applied the demo province. */
    public static final String APPLIED_BY = "start-local (demo loader)";

    private DemoData() {
    }

    /** What a load did. */
    public record Result(String provinceCode, int configVersion, boolean configChanged,
                         int usersCreated, int usersUpdated, int usersUnchanged) {
    }

    public static String userKey(String zaloId) {
        return UserItems.userKey(zaloId);
    }

    public static String officersKey(String agencyId) {
        return UserItems.officersKey(agencyId);
    }

    /**
     * Validates both files (every problem reported at once, as
     * {@link vn.smartprovince.shared.province.InvalidConfigException}), then writes them.
     */
    public static Result load(DynamoDbClient dynamo, String mainTable, Path provinceFile, Path usersFile) {
        return load(dynamo, mainTable, provinceFile, usersFile, Clock.systemUTC());
    }

    static Result load(DynamoDbClient dynamo, String mainTable, Path provinceFile, Path usersFile, Clock clock) {
        ProvinceConfig province = ProvinceConfigLoader.load(provinceFile);
        List<DemoUser> users = DemoUsers.load(usersFile, province);

        // The same apply as infra/bin/province: versioned, atomic, guarded (a demo file that would
        // remove an agency holding open reports is refused like any other).
        ProvinceConfigStore.Applied published = new ProvinceConfigStore(dynamo, mainTable, clock)
                .apply(province, null, APPLIED_BY, "demo data: " + provinceFile.getFileName());
        int created = 0;
        int updated = 0;
        for (DemoUser user : users) {
            switch (upsert(dynamo, mainTable, user, clock)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> { }
            }
        }
        Result result = new Result(published.provinceCode(), published.version(), published.changed(),
                created, updated, users.size() - created - updated);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("province", result.provinceCode());
        fields.put("configVersion", result.configVersion());
        fields.put("configChanged", result.configChanged());
        fields.put("usersCreated", created);
        fields.put("usersUpdated", updated);
        fields.put("usersUnchanged", result.usersUnchanged());
        JsonLog.info("demo data loaded", fields);
        return result;
    }

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    /**
     * Creates or updates the attributes this file owns, leaving any others (added by the running
     * system, e.g. at sign-in) alone; conditional on the version read, retried once on a race.
     */
    private static Outcome upsert(DynamoDbClient dynamo, String table, DemoUser user, Clock clock) {
        Map<String, AttributeValue> key = Map.of(
                "pk", AttributeValue.fromS(userKey(user.zaloId())), "sk", AttributeValue.fromS(PROFILE));
        Map<String, AttributeValue> wanted = owned(user);
        for (int attempt = 0; ; attempt++) {
            Map<String, AttributeValue> existing = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            boolean exists = existing != null && !existing.isEmpty();
            if (exists && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(existing.get(e.getKey())))
                    && indexKeysMatch(user, existing)) {
                return Outcome.UNCHANGED;
            }
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> set = new ArrayList<>();
            List<String> remove = new ArrayList<>();
            wanted.forEach((name, value) -> {
                names.put("#" + name, name);
                values.put(":" + name, value);
                set.add("#" + name + " = :" + name);
            });
            String now = clock.instant().toString();
            values.put(":now", AttributeValue.fromS(now));
            values.put(":zero", AttributeValue.fromN("0"));
            values.put(":one", AttributeValue.fromN("1"));
            set.add("createdAt = if_not_exists(createdAt, :now)");
            set.add("updatedAt = :now");
            set.add("version = if_not_exists(version, :zero) + :one");
            // As at a first sign-in: the creation time in ms, so an erased and re-created user's
            // old sessions never match (see UserItems); an existing value is left alone.
            values.put(":sessionVersion", AttributeValue.fromN(Long.toString(clock.millis())));
            set.add("sessionVersion = if_not_exists(sessionVersion, :sessionVersion)");
            indexKeys(user, "gsi1pk", "gsi1sk", user.officerOf().map(DemoData::officersKey).orElse(null), set, remove, values);
            indexKeys(user, "gsi2pk", "gsi2sk", user.has(Role.PROVINCE_ADMIN) ? ADMINS : null, set, remove, values);
            String condition;
            if (exists) {
                condition = "version = :seen";
                values.put(":seen", existing.get("version"));
            } else {
                condition = "attribute_not_exists(pk)";
            }
            String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression(update)
                        .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values));
                return exists ? Outcome.UPDATED : Outcome.CREATED;
            } catch (ConditionalCheckFailedException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** The attributes the demo file decides. */
    private static Map<String, AttributeValue> owned(DemoUser user) {
        List<AttributeValue> roles = user.roles().stream().map(grant -> {
            Map<String, AttributeValue> role = new LinkedHashMap<>();
            role.put("role", AttributeValue.fromS(grant.role().name()));
            if (grant.agencyId() != null) {
                role.put("agencyId", AttributeValue.fromS(grant.agencyId()));
            }
            return AttributeValue.fromM(role);
        }).toList();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("itemType", AttributeValue.fromS(UserItems.ITEM_TYPE));
        item.put(UserItems.ZALO_ID, AttributeValue.fromS(user.zaloId()));
        item.put(UserItems.DISPLAY_NAME, AttributeValue.fromS(user.displayName()));
        item.put(UserItems.PHONE, AttributeValue.fromS(user.phone()));
        item.put(UserItems.ROLES, AttributeValue.fromL(roles));
        return item;
    }

    private static boolean indexKeysMatch(DemoUser user, Map<String, AttributeValue> existing) {
        String officers = user.officerOf().map(DemoData::officersKey).orElse(null);
        String admins = user.has(Role.PROVINCE_ADMIN) ? ADMINS : null;
        return same(officers, existing.get("gsi1pk")) && same(admins, existing.get("gsi2pk"));
    }

    private static boolean same(String wanted, AttributeValue existing) {
        return wanted == null ? existing == null : existing != null && wanted.equals(existing.s());
    }

    private static void indexKeys(DemoUser user, String pkName, String skName, String partition,
                                  List<String> set, List<String> remove, Map<String, AttributeValue> values) {
        if (partition == null) {
            remove.add(pkName);
            remove.add(skName);
        } else {
            values.put(":" + pkName, AttributeValue.fromS(partition));
            values.put(":" + skName, AttributeValue.fromS(userKey(user.zaloId())));
            set.add(pkName + " = :" + pkName);
            set.add(skName + " = :" + skName);
        }
    }
}
