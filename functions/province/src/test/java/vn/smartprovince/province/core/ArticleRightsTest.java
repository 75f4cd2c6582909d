package vn.smartprovince.province.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;

/** Who writes and changes which articles. */
class ArticleRightsTest {
    static Caller caller(String agencyId, Role... roles) {
        Set<Role> set = new java.util.HashSet<>(List.of(roles));
        set.add(Role.CITIZEN);
        if (agencyId != null) {
            set.add(Role.OFFICER);
        }
        return new Caller("u1", set, agencyId, "s1", Instant.now().plusSeconds(600), Instant.now());
    }

    static Article article(String agencyId) {
        Instant now = Instant.parse("2026-12-01T01:00:00Z");
        return new Article("art_aaaaaaaaaaaaaaaaaaaaaaaa", 1, ArticleStatus.DRAFT, "T", null, "", ArticleCategory.NEWS,
                List.of(), null, agencyId, "u0", false, null, null, now, now, null);
    }

    @Test
    void citizensAndPlainOfficersAreRefused() {
        ApiException citizen = assertThrows(ApiException.class, () -> ArticleRights.requireAuthor(caller(null)));
        assertEquals(403, citizen.code().status());
        assertEquals("EDITOR_REQUIRED", citizen.details().get(0).code());
        assertThrows(ApiException.class, () -> ArticleRights.requireAuthor(caller("SO-YTE")));
        ArticleRights.requireAuthor(caller(null, Role.EDITOR));
        ArticleRights.requireAuthor(caller(null, Role.PROVINCE_ADMIN));
    }

    @Test
    void anEditorOfAnAgencyWritesForItAndChangesOnlyItsArticles() {
        Caller editor = caller("SO-YTE", Role.EDITOR);
        assertEquals("SO-YTE", ArticleRights.writesFor(editor));
        assertTrue(ArticleRights.mayChange(editor, article("SO-YTE")));
        assertFalse(ArticleRights.mayChange(editor, article("SO-GTVT")));
        assertFalse(ArticleRights.mayChange(editor, article(null)));
    }

    @Test
    void anEditorWhoIsNoOfficerWritesForTheProvinceOnly() {
        Caller editor = caller(null, Role.EDITOR);
        assertNull(ArticleRights.writesFor(editor));
        assertTrue(ArticleRights.mayChange(editor, article(null)));
        assertFalse(ArticleRights.mayChange(editor, article("SO-YTE")));
    }

    @Test
    void anAdminChangesEverythingAndAnOfficerWithoutEditorNothing() {
        Caller admin = caller(null, Role.PROVINCE_ADMIN);
        assertTrue(ArticleRights.mayChange(admin, article(null)));
        assertTrue(ArticleRights.mayChange(admin, article("SO-YTE")));
        assertFalse(ArticleRights.mayChange(caller("SO-YTE"), article("SO-YTE")));
    }
}
