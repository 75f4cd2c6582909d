package vn.smartprovince.dossiers.forms;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.Fee;
import vn.smartprovince.shared.province.OnlineLevel;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ProvinceConfigLoader;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/** A demo province with one birth-registration procedure, and a dossier that went through every form. */
public final class FormFixtures {
    public static final String WARD = "ubnd-tan-ninh";
    public static final String POLICE = "cong-an-tinh";
    public static final String PROCEDURE = "1.001193.000.00.00.H56";
    public static final String APPLICANT = "9000000000000000001";
    public static final String OFFICER = "9000000000000000101";
    public static final String CODE = "000.00.31.H56-261207-0001";

    private FormFixtures() {
    }

    public static ProvinceConfig config() {
        ProvinceConfig demo = ProvinceConfigLoader.load(
                AwsEmulatorExtension.repoRoot().resolve(Path.of("infra", "demo", "tay-ninh.json")));
        List<Agency> agencies = new ArrayList<>();
        for (Agency a : demo.agencies()) {
            String unit = a.id().equals(WARD) ? "000.00.31.H56" : a.id().equals(POLICE) ? "000.00.12.H56" : a.unitCode();
            agencies.add(new Agency(a.id(), a.name(), a.kind(), a.contactPhone(), a.allAreas(), a.areaCodes(), unit));
        }
        Procedure birth = new Procedure(PROCEDURE, "Đăng ký khai sinh", "Hộ tịch",
                new Competence(Competence.Basis.FIXED, List.of(WARD), null), OnlineLevel.FULL, 3, Fee.none(),
                List.of(new DocumentRequirement("birthCertificate", "Giấy chứng sinh", true,
                                List.of(DocumentType.JPEG, DocumentType.PDF), 2),
                        new DocumentRequirement("parentsMarriage", "Giấy chứng nhận kết hôn của cha mẹ", false,
                                List.of(DocumentType.JPEG, DocumentType.PDF), 1)),
                List.of(), List.of(ResultDelivery.DESK, ResultDelivery.POST), null);
        return new ProvinceConfig(demo.schemaVersion(), demo.demo(), demo.province(), demo.zalo(), demo.areas(),
                agencies, demo.categories(), demo.routing(), demo.holidayCalendar(), demo.notificationTemplates(),
                List.of(birth));
    }

    static final Instant SUBMITTED = Instant.parse("2026-12-07T01:10:00Z");
    static final Instant RECEIVED = Instant.parse("2026-12-07T02:30:00Z");

    /** A received dossier (after a supplement), transferred, extended, finished and returned, with its timeline. */
    public static Dossier dossier() {
        return new Dossier.Builder().id("dos-0001").code(CODE).procedureCode(PROCEDURE).agencyId(POLICE)
                .status(DossierStatus.RETURNED).version(9)
                .applicant(new Applicant(APPLICANT, "Nguyễn Văn An", "079123456789", "84912345678", null,
                        new Address("12 đường Trần Hưng Đạo", "DEMO-P01"), Applicant.ApplicantType.CITIZEN))
                .onBehalf(new OnBehalf("Nguyễn Thị Bé <Ngọc> & \"Hà\"", null, "2026-11-30", OnBehalf.Relationship.PARENT))
                .documents(List.of(
                        new AttachedDocument("birthCertificate", "u/a/1.jpg", DocumentType.JPEG, 120_000, SUBMITTED, false),
                        new AttachedDocument("birthCertificate", "u/a/2.jpg", DocumentType.JPEG, 110_000, SUBMITTED, false),
                        new AttachedDocument("parentsMarriage", "u/a/3.pdf", DocumentType.PDF, 300_000, SUBMITTED, true)))
                .resultDelivery(ResultDelivery.DESK).submittedAt(SUBMITTED).updatedAt(Instant.parse("2026-12-14T03:00:00Z"))
                .receivedAt(RECEIVED).originalDueDate(LocalDate.parse("2026-12-10")).dueDate(LocalDate.parse("2026-12-14"))
                .extension(new Dossier.Extension(LocalDate.parse("2026-12-11"), LocalDate.parse("2026-12-14"),
                        "Cần xác minh thông tin với Công an tỉnh", Instant.parse("2026-12-10T02:00:00Z"), OFFICER))
                .finishedAt(Instant.parse("2026-12-14T01:00:00Z")).returnedAt(Instant.parse("2026-12-14T03:00:00Z"))
                .result(new Dossier.Result("Đã cấp Giấy khai sinh", null, true, 5))
                .build();
    }

    public static List<TimelineEntry> timeline() {
        List<TimelineEntry> t = new ArrayList<>();
        t.add(entry(1, "2026-12-07T01:10:00Z", APPLICANT, ActorRole.APPLICANT, DossierAction.SUBMIT, null,
                DossierStatus.REGISTERED, null, WARD, null, null, null, Map.of()));
        t.add(entry(2, "2026-12-07T02:30:00Z", OFFICER, ActorRole.OFFICER, DossierAction.RECEIVE, DossierStatus.REGISTERED,
                DossierStatus.RECEIVED, WARD, WARD, null, "01", true, Map.of("code", CODE, "dueDate", "2026-12-10")));
        t.add(entry(3, "2026-12-07T03:00:00Z", OFFICER, ActorRole.OFFICER, DossierAction.REQUEST_SUPPLEMENT,
                DossierStatus.RECEIVED, DossierStatus.SUPPLEMENT_REQUESTED, WARD, WARD,
                "Ảnh chụp giấy chứng sinh bị mờ, xin chụp lại rõ nét.", "02", null,
                Map.of("items", "Ảnh giấy chứng sinh bị mờ\nThiếu trang 2 <của> giấy chứng sinh",
                        "documentKeys", "birthCertificate")));
        t.add(entry(4, "2026-12-08T01:00:00Z", APPLICANT, ActorRole.APPLICANT, DossierAction.ANSWER_SUPPLEMENT,
                DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RECEIVED, WARD, WARD, null, null, null,
                Map.of("dueDate", "2026-12-11")));
        t.add(entry(5, "2026-12-08T02:00:00Z", OFFICER, ActorRole.OFFICER, DossierAction.TRANSFER, DossierStatus.RECEIVED,
                DossierStatus.PROCESSING, WARD, POLICE, null, null, true, Map.of()));
        t.add(entry(6, "2026-12-10T02:00:00Z", "9000000000000000102", ActorRole.OFFICER, DossierAction.EXTEND,
                DossierStatus.PROCESSING, DossierStatus.PROCESSING, POLICE, POLICE,
                "Cần xác minh thông tin với Công an tỉnh", "04", null,
                Map.of("previousDueDate", "2026-12-11", "newDueDate", "2026-12-14")));
        t.add(entry(7, "2026-12-14T01:00:00Z", "9000000000000000102", ActorRole.OFFICER, DossierAction.FINISH,
                DossierStatus.PROCESSING, DossierStatus.FINISHED, POLICE, POLICE, "Đã cấp Giấy khai sinh", null, true,
                Map.of("dueDate", "2026-12-14")));
        t.add(entry(8, "2026-12-14T03:00:00Z", OFFICER, ActorRole.OFFICER, DossierAction.RETURN_RESULT,
                DossierStatus.FINISHED, DossierStatus.RETURNED, POLICE, POLICE, null, null, null, Map.of()));
        return t;
    }

    /** A dossier refused at intake (form 03) and one stopped (form 05): the same applicant, other ids. */
    public static Dossier refused() {
        return new Dossier.Builder().id("dos-0002").procedureCode(PROCEDURE).agencyId(WARD)
                .status(DossierStatus.NOT_RECEIVED).version(2).applicant(dossier().applicant())
                .resultDelivery(ResultDelivery.POST).submittedAt(SUBMITTED).updatedAt(RECEIVED)
                .closingReason("Thủ tục không thuộc thẩm quyền").build();
    }

    public static List<TimelineEntry> refusedTimeline() {
        return List.of(
                entry(1, "2026-12-07T01:10:00Z", APPLICANT, ActorRole.APPLICANT, DossierAction.SUBMIT, null,
                        DossierStatus.REGISTERED, null, WARD, null, null, null, Map.of()),
                entry(2, "2026-12-07T02:30:00Z", OFFICER, ActorRole.OFFICER, DossierAction.REFUSE,
                        DossierStatus.REGISTERED, DossierStatus.NOT_RECEIVED, WARD, WARD,
                        "Người được khai sinh không cư trú trên địa bàn.\nĐề nghị nộp tại nơi cư trú <script>alert(1)</script>.",
                        "03", null, Map.of()));
    }

    public static List<TimelineEntry> stoppedTimeline() {
        List<TimelineEntry> t = new ArrayList<>(timeline().subList(0, 5));
        t.add(entry(6, "2026-12-09T02:00:00Z", "9000000000000000102", ActorRole.OFFICER, DossierAction.STOP,
                DossierStatus.PROCESSING, DossierStatus.STOPPED, POLICE, POLICE,
                "Người yêu cầu đã có Giấy khai sinh được cấp trước đây.", "05", null, Map.of()));
        return t;
    }

    static TimelineEntry entry(int version, String at, String actor, ActorRole role, DossierAction action,
                               DossierStatus from, DossierStatus to, String fromAgency, String toAgency, String comment,
                               String form, Boolean onTime, Map<String, String> details) {
        return new TimelineEntry("dos-0001", version, Instant.parse(at), actor, role, action, from, to, fromAgency,
                toAgency, comment, form, onTime, details);
    }

    /** A supplement request still open: form 02 reads the dossier's open request. */
    static OpenRequest openSupplement() {
        return new OpenRequest(OpenRequest.Kind.SUPPLEMENT, List.of("Ảnh giấy chứng sinh bị mờ"),
                List.of("birthCertificate"), null, "Chụp lại rõ nét, đủ 4 góc.", Instant.parse("2026-12-07T03:00:00Z"),
                OFFICER);
    }
}
