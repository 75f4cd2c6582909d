package vn.smartprovince.identity.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.identity.Fakes.NOW;

import java.time.Year;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;

/** PATCH /v1/me's rules: validation, optimistic concurrency, phone only through Zalo, erasure, sign-out. */
class ProfileRulesTest {
    private static final String AN = "9000000000000000001";
    private static final Year YEAR = Year.of(2026);
    private final Fakes.InMemoryUsers users = new Fakes.InMemoryUsers().with(Fakes.user(AN));
    private final Fakes.FakeZalo zalo = new Fakes.FakeZalo().user("zalo-an", AN, "An").user("zalo-binh", "9000000000000000002", "Bình")
            .phone("zalo-an", "phone-an", "84912345678");
    private final Profiles profiles = new Profiles(users, zalo, Fakes.clock(NOW));
    private final Caller an = new Caller(AN, Set.of(Role.CITIZEN), null, "sid", NOW.plusSeconds(600), NOW);

    private static ProfileChange parse(String json, String ifMatch) {
        return ProfileChange.parse(Json.read(json), ifMatch, YEAR);
    }

    private static List<String> problems(String json, String ifMatch) {
        ApiException e = assertThrows(ApiException.class, () -> parse(json, ifMatch));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        return e.details().stream().map(d -> d.field() + ":" + d.code()).toList();
    }

    @Test
    void textIsNfcTrimmedAndCountedInCharacters() {
        ProfileChange change = parse("{\"displayName\": \"  Tra\u0302\u0300n Thi\u0323 Bi\u0300nh \u00a0\", \"expectedVersion\": 1}", null);
        assertEquals("Trần Thị Bình", change.displayName().value());
        assertEquals(13, change.displayName().value().length());
        String hundred = "Đ".repeat(100);
        assertEquals(hundred, parse("{\"displayName\": \"" + hundred + "\", \"expectedVersion\": 1}", null).displayName().value());
        assertEquals(List.of("displayName:TOO_LONG"), problems("{\"displayName\": \"" + hundred + "Đ\", \"expectedVersion\": 1}", null));
        assertEquals(List.of("displayName:CONTROL_CHARACTER"), problems("{\"displayName\": \"An\\u0000\", \"expectedVersion\": 1}", null));
        assertEquals(List.of("displayName:CONTROL_CHARACTER"), problems("{\"displayName\": \"A\\nB\", \"expectedVersion\": 1}", null));
        assertEquals(List.of("displayName:EMPTY"), problems("{\"displayName\": \" \\u200b \", \"expectedVersion\": 1}", null));
        ProfileChange reset = parse("{\"displayName\": null, \"expectedVersion\": 1}", null);
        assertTrue(reset.displayName().present());
        assertNull(reset.displayName().value());
    }

    @Test
    void everyProblemIsReportedAtOnceNamingItsField() {
        assertEquals(List.of("nickname:UNKNOWN_FIELD", "displayName:INVALID_TYPE", "birthYear:OUT_OF_RANGE",
                        "notificationPreference:INVALID_VALUE", "phone:PHONE_REQUIRES_ZALO_TOKEN", "expectedVersion:REQUIRED"),
                problems("{\"nickname\": \"x\", \"displayName\": 5, \"birthYear\": 2027, \"notificationPreference\": \"SMS\","
                        + " \"phone\": \"0912345678\"}", null));
        assertEquals(List.of("birthYear:INVALID_TYPE"), problems("{\"birthYear\": \"1980\", \"expectedVersion\": 1}", null));
        assertEquals(List.of("birthYear:OUT_OF_RANGE"), problems("{\"birthYear\": 1899, \"expectedVersion\": 1}", null));
        assertEquals(2026, parse("{\"birthYear\": 2026, \"expectedVersion\": 1}", null).birthYear().value());
        assertEquals(List.of("zaloAccessToken:REQUIRED"), problems("{\"phoneToken\": \"p\", \"expectedVersion\": 1}", null));
    }

    @Test
    void theVersionComesFromIfMatchOrTheBody() {
        assertEquals(7, parse("{}", "\"7\"").expectedVersion());
        assertEquals(7, parse("{}", "W/\"7\"").expectedVersion());
        assertEquals(7, parse("{\"expectedVersion\": 7}", "\"7\"").expectedVersion());
        assertEquals(List.of("expectedVersion:DISAGREES_WITH_IF_MATCH"), problems("{\"expectedVersion\": 6}", "\"7\""));
        assertEquals(List.of("If-Match:INVALID_FORMAT"), problems("{}", "*"));
        assertEquals(List.of("expectedVersion:INVALID_TYPE"), problems("{\"expectedVersion\": 0}", null));
    }

    @Test
    void aStaleVersionIs409WithTheCurrentState() {
        ApiException e = assertThrows(ApiException.class,
                () -> profiles.update(an, parse("{\"displayName\": \"Anh An\", \"expectedVersion\": 2}", null)));
        assertEquals(ErrorCode.CONFLICT, e.code());
        Views.Me current = (Views.Me) e.current();
        assertEquals(1, current.profile().version());
        assertEquals("\"1\"", e.headers().get("ETag"));

        User updated = profiles.update(an, parse("{\"displayName\": \"Anh An\", \"birthYear\": 1980}", "\"1\""));
        assertEquals("Anh An", updated.name());
        assertEquals(2, updated.version());
        assertEquals(updated, users.items.get(AN));

        users.conflicts = 1; // someone else wrote between our read and our write
        ApiException raced = assertThrows(ApiException.class,
                () -> profiles.update(an, parse("{\"birthYear\": 1981}", "\"2\"")));
        assertEquals(ErrorCode.CONFLICT, raced.code());
    }

    @Test
    void anUnchangedProfileKeepsItsVersion() {
        assertSame(users.items.get(AN), profiles.update(an, parse("{\"notificationPreference\": \"ZALO_OA\"}", "\"1\"")));
    }

    @Test
    void thePhoneComesOnlyFromTheCallersOwnZaloTokens() {
        User user = profiles.update(an, parse("{\"phoneToken\": \"phone-an\", \"zaloAccessToken\": \"zalo-an\","
                + " \"notificationPreference\": \"ZNS\"}", "\"1\""));
        assertEquals("84912345678", user.phone());
        assertEquals(NotificationPreference.ZNS, user.notificationPreference());

        ApiException someoneElse = assertThrows(ApiException.class, () -> profiles.update(an,
                parse("{\"phoneToken\": \"phone-an\", \"zaloAccessToken\": \"zalo-binh\"}", "\"2\"")));
        assertEquals(List.of("zaloAccessToken:ANOTHER_USERS_TOKEN"), fields(someoneElse.details()));
        ApiException expired = assertThrows(ApiException.class, () -> profiles.update(an,
                parse("{\"phoneToken\": \"old\", \"zaloAccessToken\": \"zalo-an\"}", "\"2\"")));
        assertEquals(List.of("phoneToken:ZALO_TOKEN_REJECTED"), fields(expired.details()));

        ApiException needed = assertThrows(ApiException.class, () -> profiles.update(an, parse("{\"phone\": null}", "\"2\"")));
        assertEquals(List.of("phone:NEEDED_FOR_ZNS"), fields(needed.details()));
        User removed = profiles.update(an, parse("{\"phone\": null, \"notificationPreference\": \"NONE\"}", "\"2\""));
        assertNull(removed.phone());
        ApiException zns = assertThrows(ApiException.class,
                () -> profiles.update(an, parse("{\"notificationPreference\": \"ZNS\"}", "\"3\"")));
        assertEquals(List.of("notificationPreference:PHONE_REQUIRED"), fields(zns.details()));
    }

    @Test
    void erasureRemovesTheUser() {
        profiles.erase(an);
        assertTrue(users.items.isEmpty());
        ApiException e = assertThrows(ApiException.class, () -> profiles.get(an));
        assertEquals("SESSION_REVOKED", e.details().get(0).code());
    }

    @Test
    void signingOutEverywhereMovesTheSessionVersion() {
        long before = users.items.get(AN).sessionVersion();
        profiles.signOutEverywhere(an);
        assertTrue(users.items.get(AN).sessionVersion() > before);
        assertEquals(1, users.items.get(AN).version(), "not a profile change");
    }

    private static List<String> fields(List<FieldError> details) {
        return details.stream().map(d -> d.field() + ":" + d.code()).toList();
    }
}
