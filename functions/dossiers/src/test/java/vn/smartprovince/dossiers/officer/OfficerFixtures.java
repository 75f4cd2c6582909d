package vn.smartprovince.dossiers.officer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.AgencyKind;
import vn.smartprovince.shared.province.CalendarDay;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.Fee;
import vn.smartprovince.shared.province.HolidayYear;
import vn.smartprovince.shared.province.OnlineLevel;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * A province built in code for the officers' tests: the demo province plus two agencies with
 * national unit codes (a commune that receives birth registrations, and the police, whom a dossier
 * may be transferred to), the demo's birth registration with its documents and form but at one
 * commune (3 working days, a fixed fee of 75,000 đ, results at the
 * desk or online) and a holiday on Thursday 3 December 2026.
 */
final class OfficerFixtures {
    static final String COMMUNE = "ubnd-tan-ninh";
    static final String COMMUNE_UNIT = "000.00.01.H56";
    static final String DEPARTMENT = "cong-an-tinh";
    static final String DEPARTMENT_UNIT = "000.00.20.H56";
    static final String PROCEDURE = "1.001193.000.00.00.H56";
    static final String PROCEDURE_NAME = "Đăng ký khai sinh";
    static final String OTHER_PROCEDURE = "2.000635.000.00.00.H56";
    static final LocalDate HOLIDAY = LocalDate.parse("2026-12-03");
    /** Tuesday 1 December 2026, 09:00 in Vietnam. */
    static final Instant TUESDAY = Instant.parse("2026-12-01T02:00:00Z");
    static final String CITIZEN = "9000000000000000001";
    static final String STRANGER = "9000000000000000002";
    static final String OFFICER = "9100000000000000001";
    static final String DEPARTMENT_OFFICER = "9100000000000000002";
    static final String FOREIGN_OFFICER = "9100000000000000003";
    static final String ADMIN = "9200000000000000001";

    static final ProvinceConfig CONFIG = config();

    private OfficerFixtures() {
    }

    private static ProvinceConfig config() {
        ProvinceConfig demo = ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        List<Agency> agencies = new ArrayList<>(demo.agencies());
        withUnitCode(agencies, new Agency(COMMUNE, "UBND phường Tân Ninh", AgencyKind.COMMUNE_PEOPLES_COMMITTEE, null,
                true, List.of(), COMMUNE_UNIT));
        withUnitCode(agencies, new Agency(DEPARTMENT, "Công an tỉnh", AgencyKind.POLICE, null, true, List.of(),
                DEPARTMENT_UNIT));
        // the demo's birth registration (its documents and form), at one fixed commune, 3 days, a fee
        Procedure demoBirth = demo.procedure(PROCEDURE).orElseThrow();
        Procedure birth = new Procedure(PROCEDURE, PROCEDURE_NAME, demoBirth.field(),
                new Competence(Competence.Basis.FIXED, List.of(COMMUNE), null), OnlineLevel.FULL, 3,
                new Fee(Fee.Kind.FIXED, 75_000L, List.of(), null), demoBirth.documents(), demoBirth.form(),
                List.of(ResultDelivery.DESK, ResultDelivery.ONLINE), null);
        Procedure residence = new Procedure(OTHER_PROCEDURE, "Xác nhận thông tin về cư trú", "Đăng ký, quản lý cư trú",
                new Competence(Competence.Basis.FIXED, List.of(COMMUNE), null), OnlineLevel.FULL, 2, Fee.none(),
                List.of(), List.of(), List.of(ResultDelivery.DESK), null);
        List<HolidayYear> calendar = List.of(new HolidayYear(2026, List.of(new CalendarDay(HOLIDAY, "Ngày nghỉ thử")),
                List.of()));
        return new ProvinceConfig(demo.schemaVersion(), demo.demo(), demo.province(), demo.zalo(), demo.areas(),
                agencies, demo.categories(), demo.routing(), calendar, demo.notificationTemplates(),
                List.of(birth, residence));
    }

    /** The agency in place of the demo's one with its id (which has no unit code), or added. */
    private static void withUnitCode(List<Agency> agencies, Agency agency) {
        agencies.removeIf(a -> a.id().equals(agency.id()));
        agencies.add(agency);
    }

    /** A dossier as submitted (status 1) to the commune, the result wanted online. */
    static Dossier registered(String id, Instant submittedAt) {
        return registered(id, submittedAt, PROCEDURE);
    }

    static Dossier registered(String id, Instant submittedAt, String procedureCode) {
        return new Dossier.Builder().id(id).procedureCode(procedureCode).agencyId(COMMUNE)
                .status(DossierStatus.REGISTERED).version(1)
                .applicant(new Applicant(CITIZEN, "Nguyễn Văn An", "079123456789", "84912345678", null,
                        new Address("12 Cách Mạng Tháng Tám", "72001"), Applicant.ApplicantType.CITIZEN))
                .resultDelivery(PROCEDURE.equals(procedureCode) ? ResultDelivery.ONLINE : ResultDelivery.DESK)
                .submittedAt(submittedAt).updatedAt(submittedAt).build();
    }

    static Caller citizen(String userId) {
        return new Caller(userId, Set.of(Role.CITIZEN), null, "s-" + userId, TUESDAY.plusSeconds(86_400), TUESDAY);
    }

    static Caller officer(String userId, String agencyId) {
        return new Caller(userId, Set.of(Role.CITIZEN, Role.OFFICER), agencyId, "s-" + userId,
                TUESDAY.plusSeconds(86_400), TUESDAY);
    }

    static Caller admin() {
        return new Caller(ADMIN, Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s-admin", TUESDAY.plusSeconds(86_400),
                TUESDAY);
    }
}
