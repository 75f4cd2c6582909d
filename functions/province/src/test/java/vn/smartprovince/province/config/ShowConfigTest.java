package vn.smartprovince.province.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.province.core.ConfigInForce;
import vn.smartprovince.province.core.ProvinceConfigs;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ProvinceSnapshot;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The use case alone: who may read, what the answer holds, when it is not modified. */
class ShowConfigTest {
    static final ProvinceConfig DEMO = ProvinceConfigLoader.load(
            AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
    static final ProvinceSnapshot V2 = new ProvinceSnapshot("DEMO-TNH", 2, "ab".repeat(32), "2026-11-27T08:00:00Z", DEMO);
    static final Instant NOW = Instant.parse("2026-11-28T02:30:00Z");

    static Caller caller(Set<Role> roles, String agencyId) {
        return new Caller("9000000000000000101", roles, agencyId, "session", NOW.plusSeconds(3600), NOW);
    }

    static final Caller ADMIN = caller(Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null);
    static final Caller CITIZEN = caller(Set.of(Role.CITIZEN), null);
    static final Caller OFFICER = caller(Set.of(Role.CITIZEN, Role.OFFICER), "so-xay-dung");

    private final ShowConfig show = new ShowConfig(() -> Optional.of(new ConfigInForce(V2, "nguyen.van.a", "2026-11-27T08:00:00Z")));

    @Test
    void anAdminReadsTheFileInForceWithItsIdentity() {
        ShowConfig.Shown shown = assertInstanceOf(ShowConfig.Shown.class, show.show(ADMIN, null));
        assertEquals("\"2\"", shown.etag());
        assertEquals(2, shown.body().version());
        assertEquals("DEMO-TNH", shown.body().provinceCode());
        assertEquals("ab".repeat(32), shown.body().sha256());
        assertEquals("2026-11-27T08:00:00Z", shown.body().publishedAt());
        assertEquals("nguyen.van.a", shown.body().appliedBy());
        assertEquals("DEMO-TNH", shown.body().config().path("province").path("code").asText());
        assertEquals(DEMO.agencies().size(), shown.body().config().path("agencies").size());
        assertEquals(DEMO, ProvinceConfigLoader.parse(shown.body().config().toString(), "answer"),
                "the answer is the configuration as published, loadable again");
    }

    @Test
    void citizensAndOfficersAre403BeforeAnythingIsRead() {
        ShowConfig guarded = new ShowConfig(() -> {
            throw new AssertionError("read before the caller's right was checked");
        });
        for (Caller caller : new Caller[] {CITIZEN, OFFICER}) {
            ApiException e = assertThrows(ApiException.class, () -> guarded.show(caller, null));
            assertEquals(ErrorCode.FORBIDDEN, e.code());
        }
    }

    @Test
    void theVersionTheClientHoldsIsNotModified() {
        for (String header : new String[] {"\"2\"", "W/\"2\"", "*", "\"1\", \"2\""}) {
            assertInstanceOf(ShowConfig.NotModified.class, show.show(ADMIN, header), header);
        }
        assertInstanceOf(ShowConfig.Shown.class, show.show(ADMIN, "\"1\""));
    }

    @Test
    void noConfigurationPublishedIsA503NamingIt() {
        ProvinceConfigs none = Optional::empty;
        ApiException e = assertThrows(ApiException.class, () -> new ShowConfig(none).show(ADMIN, null));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals("province configuration not published", e.getMessage());
    }
}
