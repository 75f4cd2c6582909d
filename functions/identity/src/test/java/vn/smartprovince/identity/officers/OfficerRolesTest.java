package vn.smartprovince.identity.officers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.smartprovince.identity.Fakes.NOW;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.identity.Fakes;
import vn.smartprovince.identity.core.User;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.auth.RoleGrant;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** Who may make whom an officer, and who may see an agency's officers. */
class OfficerRolesTest {
    private static final String CITIZEN = "9000000000000000001";
    private static final String OFFICER = "9000000000000000101";
    private final Fakes.InMemoryUsers users = new Fakes.InMemoryUsers()
            .with(Fakes.user(CITIZEN), Fakes.user(OFFICER, RoleGrant.officerOf("so-xay-dung")));
    private final OfficerRoles roles = new OfficerRoles(users, Fakes.agencies(), Fakes.clock(NOW));
    private final Caller admin = new Caller("9000000000000000900", Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s",
            NOW.plusSeconds(60), NOW);
    private final Caller officer = new Caller(OFFICER, Set.of(Role.CITIZEN, Role.OFFICER), "so-xay-dung", "s",
            NOW.plusSeconds(60), NOW);
    private final Caller citizen = new Caller(CITIZEN, Set.of(Role.CITIZEN), null, "s", NOW.plusSeconds(60), NOW);

    @Test
    void anAdminGrantsAndRevokesIdempotently() {
        User granted = roles.grant(admin, CITIZEN, "ubnd-tan-ninh");
        assertEquals(List.of(RoleGrant.citizen(), RoleGrant.officerOf("ubnd-tan-ninh")), granted.roles());
        assertEquals(2, granted.version());
        assertEquals(granted, roles.grant(admin, CITIZEN, "ubnd-tan-ninh"), "again: nothing changes");
        assertEquals(2, users.items.get(CITIZEN).version());

        User moved = roles.grant(admin, CITIZEN, "cong-an-tinh");
        assertEquals(List.of(RoleGrant.citizen(), RoleGrant.officerOf("cong-an-tinh")), moved.roles(), "one agency per officer");

        User revoked = roles.revoke(admin, CITIZEN);
        assertEquals(List.of(RoleGrant.citizen()), revoked.roles());
        assertEquals(revoked, roles.revoke(admin, CITIZEN));
    }

    @Test
    void onlyAnAdminChangesRoles() {
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, () -> roles.grant(officer, CITIZEN, "so-xay-dung")).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, () -> roles.revoke(citizen, OFFICER)).code());
        assertTrue(users.items.get(OFFICER).has(Role.OFFICER));
    }

    @Test
    void anUnknownAgencyIs400NamingTheFieldAndAnUnknownUser404() {
        ApiException agency = assertThrows(ApiException.class, () -> roles.grant(admin, CITIZEN, "so-khong-co"));
        assertEquals(ErrorCode.VALIDATION_FAILED, agency.code());
        assertEquals("agencyId", agency.details().get(0).field());
        assertEquals("UNKNOWN_AGENCY", agency.details().get(0).code());
        assertEquals("agencyId", assertThrows(ApiException.class, () -> roles.grant(admin, CITIZEN, "AGENCY#x#OFFICERS"))
                .details().get(0).field());
        ApiException user = assertThrows(ApiException.class, () -> roles.grant(admin, "42", "so-xay-dung"));
        assertEquals(ErrorCode.NOT_FOUND, user.code());
        assertEquals("zaloId", assertThrows(ApiException.class, () -> roles.grant(admin, "abc", "so-xay-dung"))
                .details().get(0).field());
    }

    @Test
    void officersSeeTheirOwnAgencyOnly() {
        assertEquals(List.of(OFFICER), roles.officers(officer, "so-xay-dung", null, 20).users().stream().map(User::zaloId).toList());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, () -> roles.officers(officer, "ubnd-tan-ninh", null, 20)).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(ApiException.class, () -> roles.officers(citizen, "so-xay-dung", null, 20)).code());
        assertTrue(roles.officers(admin, "ubnd-tan-ninh", null, 20).users().isEmpty());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(ApiException.class, () -> roles.officers(admin, "so-khong-co", null, 20)).code());
    }

    @Test
    void listsArePaged() {
        for (int i = 0; i < 5; i++) {
            String id = "90000000000000002" + i + "0";
            users.with(Fakes.user(id, RoleGrant.officerOf("ubnd-tan-ninh")));
        }
        Users.Page first = roles.officers(admin, "ubnd-tan-ninh", null, 2);
        assertEquals(2, first.users().size());
        Users.Page second = roles.officers(admin, "ubnd-tan-ninh", first.lastZaloId(), 2);
        Users.Page third = roles.officers(admin, "ubnd-tan-ninh", second.lastZaloId(), 2);
        assertEquals(1, third.users().size());
        assertNull(third.lastZaloId());
        String cursor = OfficerCursor.encode("ubnd-tan-ninh", first.lastZaloId());
        assertEquals(first.lastZaloId(), OfficerCursor.decode(cursor, "ubnd-tan-ninh"));
        assertEquals(ErrorCode.INVALID_CURSOR,
                assertThrows(ApiException.class, () -> OfficerCursor.decode(cursor, "so-xay-dung")).code(), "another list's cursor");
        assertEquals(ErrorCode.INVALID_CURSOR, assertThrows(ApiException.class, () -> OfficerCursor.decode("!!", "x")).code());
        assertFalse(cursor.contains("="));
    }
}
