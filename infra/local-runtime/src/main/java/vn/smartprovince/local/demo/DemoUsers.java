package vn.smartprovince.local.demo;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.DUPLICATE_ID;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INCONSISTENT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.MISSING;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_REFERENCE;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.province.Fields;
import vn.smartprovince.shared.province.JsonAt;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.Problems;
import vn.smartprovince.shared.province.StrictJson;

/**
 * Reads the demo users file ({@code {"users": [{zaloId, displayName, phone, roles: [{role, agencyId}]}]}})
 * as strictly as the province file: every problem at once, with path and line; officers' agencies
 * must exist in the province configuration.
 */
public final class DemoUsers {
    private static final Pattern ZALO_USER_ID = Pattern.compile("[0-9]{1,32}");

    private DemoUsers() {
    }

    public static List<DemoUser> load(Path file, ProvinceConfig province) {
        try {
            return parse(Files.readAllBytes(file), file.toString(), province);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo users " + file, e);
        }
    }

    /** @throws vn.smartprovince.shared.province.InvalidConfigException with every problem found */
    public static List<DemoUser> parse(byte[] json, String source, ProvinceConfig province) {
        Problems problems = new Problems();
        StrictJson strict = new StrictJson(problems);
        JsonAt root = strict.parse(json);
        List<DemoUser> users = List.of();
        Fields fields = root == null ? null : strict.object(root);
        if (fields != null) {
            Map<String, JsonAt> ids = new HashMap<>();
            users = fields.list("users", REQUIRED, 1, at -> user(strict, at, ids, province));
            fields.end();
        }
        problems.throwIfAny(source);
        return users;
    }

    private static DemoUser user(StrictJson json, JsonAt at, Map<String, JsonAt> ids, ProvinceConfig province) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt idAt = fields.value("zaloId", REQUIRED);
        String zaloId = idAt == null ? null
                : json.code(idAt, ZALO_USER_ID, "a numeric Zalo user id", "mã người dùng Zalo dạng số");
        if (zaloId != null) {
            JsonAt earlier = ids.putIfAbsent(zaloId, idAt);
            if (earlier != null) {
                json.problems().add(DUPLICATE_ID, idAt, "'" + zaloId + "' is already used at " + earlier.path(),
                        "'" + zaloId + "' đã được dùng ở " + earlier.path());
                zaloId = null;
            }
        }
        String displayName = fields.text("displayName", 100, REQUIRED);
        JsonAt phoneAt = fields.value("phone", REQUIRED);
        String phone = phoneAt == null ? null : json.converted(phoneAt, 20, PhoneNumbers::mobile,
                "a Vietnamese mobile number (84xxxxxxxxx, 0xxxxxxxxx or +84…)",
                "số di động Việt Nam (84xxxxxxxxx, 0xxxxxxxxx hoặc +84…)");
        Map<Role, JsonAt> seen = new EnumMap<>(Role.class);
        List<RoleGrant> roles = fields.list("roles", REQUIRED, 1, item -> role(json, item, seen, province));
        fields.end();
        return zaloId == null ? null : new DemoUser(zaloId, displayName, phone, roles);
    }

    private static RoleGrant role(StrictJson json, JsonAt at, Map<Role, JsonAt> seen,
                                           ProvinceConfig province) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        Role role = fields.enumeration("role", Role.class, REQUIRED);
        JsonAt agencyAt = fields.value("agencyId", OPTIONAL);
        String agencyId = agencyAt == null ? null : json.text(agencyAt, 40);
        fields.end();
        if (role == null) {
            return null;
        }
        JsonAt earlier = seen.putIfAbsent(role, at);
        if (earlier != null) {
            // One item can sit in one officers' index partition: one agency per officer.
            json.problems().add(DUPLICATE_ID, at, role + " is already granted at " + earlier.path()
                            + (role == Role.OFFICER ? " (an officer belongs to one agency)" : ""),
                    role + " đã được cấp ở " + earlier.path()
                            + (role == Role.OFFICER ? " (mỗi cán bộ thuộc một cơ quan)" : ""));
            return null;
        }
        if (role == Role.OFFICER) {
            if (agencyAt == null) {
                json.problems().add(MISSING, at, "an OFFICER role needs agencyId", "vai trò OFFICER cần agencyId");
                return null;
            }
            if (agencyId != null && province.agency(agencyId).isEmpty()) {
                json.problems().add(UNKNOWN_REFERENCE, agencyAt, "no agency with id '" + agencyId + "' in the province configuration",
                        "không có cơ quan mã '" + agencyId + "' trong cấu hình tỉnh");
                return null;
            }
        } else if (agencyAt != null) {
            json.problems().add(INCONSISTENT, agencyAt, "only an OFFICER role has an agencyId",
                    "chỉ vai trò OFFICER mới có agencyId");
            return null;
        }
        return agencyId == null && role == Role.OFFICER ? null : new RoleGrant(role, agencyId);
    }
}
