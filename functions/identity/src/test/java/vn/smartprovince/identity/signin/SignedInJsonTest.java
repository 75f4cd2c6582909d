package vn.smartprovince.identity.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smartprovince.identity.core.NotificationPreference;
import vn.smartprovince.identity.core.Views;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.json.Json;

/** Sign-in's answer written by hand is, byte for byte, what Jackson wrote for the records. */
class SignedInJsonTest {

    @Test
    void aFullProfileWithRoles() {
        assertSameAsJackson(new SignedIn("eyJ.token", "Bearer", "2026-12-06T11:00:00Z", 3600,
                new Views.Profile("1234567890", "Chị Lan", "Lan Nguyễn", "https://s.zalo.me/a.jpg", "84901234567",
                        1979, NotificationPreference.ZNS, "2026-01-02T03:04:05Z", "2026-12-06T10:00:00Z", 7),
                List.of(new RoleGrant(Role.CITIZEN, null), new RoleGrant(Role.OFFICER, "UBND-P02")), false));
    }

    @Test
    void aFirstSignInWithoutOptionalFields() {
        assertSameAsJackson(new SignedIn("t", "Bearer", "2026-12-06T11:00:00Z", 0,
                new Views.Profile("1", null, null, null, null, null, null, null, null, 0), List.of(), true));
    }

    private static void assertSameAsJackson(SignedIn signedIn) {
        assertEquals(Json.write(signedIn), Json.write(signedIn.toJson()));
    }
}
