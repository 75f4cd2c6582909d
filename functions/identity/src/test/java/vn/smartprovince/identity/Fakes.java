package vn.smartprovince.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.smartprovince.identity.core.Agencies;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.SessionTokens;
import vn.smartprovince.identity.core.Sessions;
import vn.smartprovince.identity.core.SigningKey;
import vn.smartprovince.identity.core.SigningKeys;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;

/** In-memory stand-ins for the identity functions' ports. */
public final class Fakes {
    public static final String APP_ID = "1234567890";
    public static final String ISSUER = "smartprovince/test";
    public static final String KEY = "k".repeat(20) + "-test-signing-key-0123456789";
    public static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");

    private Fakes() {
    }

    public static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    public static SigningKeys keys(String... secrets) {
        List<SigningKey> keys = new ArrayList<>();
        for (String secret : secrets) {
            keys.add(SigningKey.fromSecret(secret));
        }
        return () -> keys;
    }

    public static SessionTokens tokens() {
        return new SessionTokens(keys(KEY), ISSUER, APP_ID);
    }

    public static Sessions sessions(Clock clock) {
        return new Sessions(tokens(), Duration.ofHours(1), Duration.ofDays(7), clock);
    }

    public static User user(String zaloId, RoleGrant... roles) {
        List<RoleGrant> list = new ArrayList<>(List.of(RoleGrant.citizen()));
        for (RoleGrant role : roles) {
            list = User.rolesWith(list, role);
        }
        return new User(zaloId, "Nguyễn Văn An", null, "https://s120.avatar.example/a.jpg", "84900000001", null,
                NotificationPreference.ZALO_OA, list, NOW, NOW, NOW, NOW, 1, NOW.toEpochMilli());
    }

    /** Users in a map, with the conditional semantics of the DynamoDB adapter. */
    public static final class InMemoryUsers implements Users {
        public final Map<String, User> items = new TreeMap<>();
        /** Makes the next n updates fail as if someone else wrote first. */
        public int conflicts;
        public boolean unavailable;
        public final AtomicInteger writes = new AtomicInteger();

        public InMemoryUsers with(User... users) {
            for (User user : users) {
                items.put(user.zaloId(), user);
            }
            return this;
        }

        private void check() {
            if (unavailable) {
                throw ApiException.unavailable("dynamodb");
            }
        }

        @Override
        public Optional<User> find(String zaloId) {
            check();
            return Optional.ofNullable(items.get(zaloId));
        }

        @Override
        public boolean create(User user) {
            check();
            writes.incrementAndGet();
            return items.putIfAbsent(user.zaloId(), user) == null;
        }

        @Override
        public void update(User user, long expectedVersion) {
            check();
            User stored = items.get(user.zaloId());
            if (stored == null || stored.version() != expectedVersion || conflicts-- > 0) {
                throw new VersionConflict();
            }
            writes.incrementAndGet();
            items.put(user.zaloId(), user);
        }

        @Override
        public boolean delete(String zaloId) {
            check();
            return items.remove(zaloId) != null;
        }

        @Override
        public Page officersOf(String agencyId, String afterZaloId, int limit) {
            check();
            List<User> officers = items.values().stream()
                    .filter(u -> u.officerOf().filter(agencyId::equals).isPresent())
                    .filter(u -> afterZaloId == null || u.zaloId().compareTo(afterZaloId) > 0)
                    .toList();
            List<User> page = officers.stream().limit(limit).toList();
            return new Page(page, officers.size() > limit ? page.get(page.size() - 1).zaloId() : null);
        }
    }

    /** Zalo as a map of access token -> user and (access token, phone token) -> number, plus failures. */
    public static final class FakeZalo implements ZaloIdentity {
        public final Map<String, ZaloUser> users = new HashMap<>();
        public final Map<String, String> phones = new HashMap<>();
        public RuntimeException failure;
        public int calls;

        public FakeZalo user(String accessToken, String id, String name) {
            users.put(accessToken, new ZaloUser(id, name, "https://s120.avatar.example/" + id + ".jpg"));
            return this;
        }

        public FakeZalo phone(String accessToken, String phoneToken, String number) {
            phones.put(accessToken + "|" + phoneToken, number);
            return this;
        }

        @Override
        public ZaloUser me(String accessToken) {
            calls++;
            if (failure != null) {
                throw failure;
            }
            ZaloUser user = users.get(accessToken);
            if (user == null) {
                throw new TokenRejected("zalo token invalid (-216)");
            }
            return user;
        }

        @Override
        public String phoneNumber(String accessToken, String phoneToken) {
            calls++;
            String number = phones.get(accessToken + "|" + phoneToken);
            if (number == null) {
                throw new TokenRejected("zalo token invalid (-216)");
            }
            return number;
        }
    }

    /** Agencies of the demo province. */
    public static Agencies agencies() {
        Set<String> ids = Set.of("so-xay-dung", "ubnd-tan-ninh", "cong-an-tinh");
        return ids::contains;
    }

    public static Set<Role> roles(Role... roles) {
        return Set.of(roles);
    }
}
