package vn.smartprovince.appointments.core;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.province.OpeningPeriod;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ServiceCentre;
import vn.smartprovince.shared.province.ServiceCounter;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** The demo province with one centre run by the province's public-service centre agency, and callers. */
public final class DeskFixtures {
    public static final String CENTRE = "ttphvhcc-tinh";
    public static final String AGENCY = "ubnd-tan-ninh";

    private DeskFixtures() {
    }

    public static ServiceCentre centre() {
        Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new OpeningPeriod(LocalTime.of(7, 0), LocalTime.of(17, 0))));
        }
        return new ServiceCentre(CENTRE, "Trung tâm Phục vụ hành chính công tỉnh", AGENCY, "83 Phạm Công Khiêm", null,
                hours, 15, List.of(new ServiceCounter("quay-1", "Quầy 1 - Hộ tịch", List.of("1.001193.000.00.00.H56"), 2),
                new ServiceCounter("quay-2", "Quầy 2", List.of("1.001193.000.00.00.H56"), 1)));
    }

    public static ProvinceConfig province() {
        ProvinceConfig c = ProvinceConfigLoader.load(AwsEmulatorExtension.repoRoot().resolve(
                Path.of("infra", "demo", "tay-ninh.json")));
        List<ServiceCentre> centres = new java.util.ArrayList<>(List.of(centre()));
        c.serviceCentres().stream().filter(other -> !other.id().equals(CENTRE)).forEach(centres::add);
        return new ProvinceConfig(c.schemaVersion(), c.demo(), c.province(), c.zalo(), c.areas(), c.agencies(),
                c.categories(), c.routing(), c.holidayCalendar(), c.notificationTemplates(), c.procedures(), c.oneStop(),
                c.appointments(), centres);
    }

    public static Caller officer(String agencyId) {
        return new Caller("8200000000000000001", Set.of(Role.CITIZEN, Role.OFFICER), agencyId, "s", null, null);
    }

    public static Caller admin() {
        return new Caller("8200000000000000002", Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s", null, null);
    }

    public static Caller citizen(String userId) {
        return new Caller(userId, Set.of(Role.CITIZEN), null, "s", null, null);
    }
}
