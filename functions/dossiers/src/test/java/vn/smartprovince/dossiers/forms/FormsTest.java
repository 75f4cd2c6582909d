package vn.smartprovince.dossiers.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.MapDossierStore;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * The forms as a reader gets them: the right facts in JSON, and a printable HTML with the national
 * heading in correct Vietnamese, the dates as people read them, a QR code that decodes to the
 * dossier code, and every citizen-typed value escaped. Writes the documents to target/forms/ so a
 * person can open (or screenshot) them.
 */
class FormsTest {
    static final ProvinceConfig CONFIG = FormFixtures.config();

    static DossierForm form(FormKind kind, Dossier dossier, List<TimelineEntry> timeline, boolean applicant) {
        return FormBuilder.build(kind, dossier, timeline, CONFIG, applicant).orElseThrow();
    }

    static String html(FormKind kind, Dossier dossier, List<TimelineEntry> timeline) throws Exception {
        String html = FormHtml.render(form(kind, dossier, timeline, true));
        Path out = Path.of("target", "forms", "form-" + kind.number() + ".html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return html;
    }

    @Test
    void receiptSlipHasTheCodeTheAppointmentAndThePapers() throws Exception {
        DossierForm f = form(FormKind.RECEIPT, FormFixtures.dossier(), FormFixtures.timeline(), true);
        assertEquals("01", f.form());
        assertEquals(FormFixtures.CODE, f.dossierCode());
        assertEquals("2026-12-10", f.receipt().dueDate(), "the appointment set at receipt, not the moved one");
        assertEquals("2026-12-07T09:30:00+07:00", f.receipt().receivedAt());
        assertEquals("Ủy ban nhân dân phường Tân Ninh", f.agency().name());
        assertEquals("Đăng ký khai sinh", f.procedure().name());
        assertEquals(List.of("Giấy chứng sinh", "Giấy chứng nhận kết hôn của cha mẹ"),
                f.receipt().documents().stream().map(DossierForm.ReceivedDocument::name).toList());
        assertEquals(2, f.receipt().documents().get(0).files());
        assertEquals("84912345678", f.applicant().phone(), "the applicant reads their own phone");
        assertEquals("12 đường Trần Hưng Đạo, Phường Tân Ninh", f.applicant().address());

        String html = html(FormKind.RECEIPT, FormFixtures.dossier(), FormFixtures.timeline());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertTrue(html.contains("Độc lập - Tự do - Hạnh phúc"));
        assertTrue(html.contains("ỦY BAN NHÂN DÂN TỈNH TÂY NINH"));
        assertTrue(html.contains("ỦY BAN NHÂN DÂN PHƯỜNG TÂN NINH"));
        assertTrue(html.contains("Mẫu số 01"));
        assertTrue(html.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
        assertTrue(html.contains("Ngày hẹn trả kết quả: <b>10/12/2026</b>"));
        assertTrue(html.contains("09 giờ 30, 07/12/2026"));
        assertTrue(html.contains("Tây Ninh, ngày 07 tháng 12 năm 2026"));
        assertTrue(html.contains("Nhận trực tiếp tại Bộ phận Một cửa"));
        assertEquals(FormFixtures.CODE, decodeQr(html), "the QR code reads back as the dossier code");
        assertSelfContained(html);
    }

    @Test
    void everyValueIsEscaped() throws Exception {
        String html = html(FormKind.RECEIPT, FormFixtures.dossier(), FormFixtures.timeline());
        assertTrue(html.contains("Nguyễn Thị Bé &lt;Ngọc&gt; &amp; &quot;Hà&quot;"));
        assertFalse(html.contains("<Ngọc>"));
        String refusal = html(FormKind.REFUSAL, FormFixtures.refused(), FormFixtures.refusedTimeline());
        assertFalse(refusal.contains("<script>"));
        assertTrue(refusal.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(refusal.contains("không cư trú trên địa bàn.<br>Đề nghị"), "the reasons keep their lines");
    }

    @Test
    void supplementRequestListsWhatIsMissing() throws Exception {
        DossierForm f = form(FormKind.SUPPLEMENT, FormFixtures.dossier(), FormFixtures.timeline(), false);
        assertEquals(List.of("Ảnh giấy chứng sinh bị mờ", "Thiếu trang 2 <của> giấy chứng sinh"), f.supplement().items());
        assertEquals(List.of("Giấy chứng sinh"), f.supplement().documents());
        assertEquals("84*****5678", f.applicant().phone(), "masked to anyone but the applicant");
        String html = html(FormKind.SUPPLEMENT, FormFixtures.dossier(), FormFixtures.timeline());
        assertTrue(html.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"));
        assertTrue(html.contains("<li>Thiếu trang 2 &lt;của&gt; giấy chứng sinh</li>"));
        assertTrue(html.contains("<li>Nộp lại: Giấy chứng sinh</li>"));

        Dossier waiting = FormFixtures.dossier().toBuilder().openRequest(FormFixtures.openSupplement()).build();
        DossierForm open = form(FormKind.SUPPLEMENT, waiting, FormFixtures.timeline(), true);
        assertEquals("Chụp lại rõ nét, đủ 4 góc.", open.supplement().guidance(), "the open request's own words");
    }

    @Test
    void supplementRequestIsIssuedFromTheTimelineOnceAnswered() throws Exception {
        OpenRequest asked = new OpenRequest(OpenRequest.Kind.SUPPLEMENT, List.of("Thiếu bản sao giấy đăng ký kết hôn"),
                List.of("parentsMarriage", "birthCertificate"), null, "Nộp bản sao có chứng thực.",
                Instant.parse("2026-12-07T03:00:00Z"), "officer");
        List<TimelineEntry> timeline = new ArrayList<>(FormFixtures.timeline());
        TimelineEntry old = timeline.get(2);
        timeline.set(2, new TimelineEntry(old.dossierId(), old.version(), old.at(), old.actorId(), old.role(),
                old.action(), old.fromStatus(), old.toStatus(), old.fromAgencyId(), old.toAgencyId(), asked.message(),
                "02", null, asked.askedDetails()));
        Dossier answered = FormFixtures.dossier();          // no open request any more
        assertNull(answered.openRequest());
        DossierForm f = form(FormKind.SUPPLEMENT, answered, timeline, true);
        assertEquals(List.of("Thiếu bản sao giấy đăng ký kết hôn"), f.supplement().items());
        assertEquals(2, f.supplement().documents().size());
        assertEquals("Nộp bản sao có chứng thực.", f.supplement().guidance());
        assertTrue(html(FormKind.SUPPLEMENT, answered, timeline).contains("<li>Thiếu bản sao giấy đăng ký kết hôn</li>"));
    }

    @Test
    void refusalStopAndExtensionCarryTheirReasonsAndDates() throws Exception {
        DossierForm refusal = form(FormKind.REFUSAL, FormFixtures.refused(), FormFixtures.refusedTimeline(), true);
        assertNull(refusal.dossierCode(), "refused at intake: no code was assigned");
        assertEquals("dos-0002", refusal.qrText());
        assertTrue(refusal.refusal().reasons().startsWith("Người được khai sinh"));

        DossierForm extension = form(FormKind.EXTENSION, FormFixtures.dossier(), FormFixtures.timeline(), true);
        assertEquals("2026-12-11", extension.extension().previousDueDate());
        assertEquals("2026-12-14", extension.extension().newDueDate());
        String html = html(FormKind.EXTENSION, FormFixtures.dossier(), FormFixtures.timeline());
        assertTrue(html.contains("Ngày hẹn trả kết quả mới: <b>14/12/2026</b>"));
        assertTrue(html.contains("CÔNG AN TỈNH"), "issued by the agency that had the dossier then");

        DossierForm stop = form(FormKind.STOP, FormFixtures.dossier(), FormFixtures.stoppedTimeline(), true);
        assertEquals("Người yêu cầu đã có Giấy khai sinh được cấp trước đây.", stop.stop().reasons());
        assertTrue(html(FormKind.STOP, FormFixtures.dossier(), FormFixtures.stoppedTimeline())
                .contains("THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ"));
    }

    @Test
    void processControlSheetHasOneLinePerHandover() throws Exception {
        DossierForm f = form(FormKind.PROCESS_CONTROL, FormFixtures.dossier(), FormFixtures.timeline(), true);
        List<DossierForm.Handover> lines = f.processControl().handovers();
        assertEquals(List.of("RECEIVE", "TRANSFER", "FINISH", "RETURN_RESULT"),
                lines.stream().map(DossierForm.Handover::step).toList());
        assertEquals(FormBuilder.APPLICANT_SIDE, lines.get(0).from());
        assertEquals("2026-12-10", lines.get(0).dueDate(), "the due date in force then, not today's");
        DossierForm.Handover transfer = lines.get(1);
        assertEquals("Ủy ban nhân dân phường Tân Ninh", transfer.from());
        assertEquals("Công an tỉnh", transfer.to());
        assertEquals(Boolean.TRUE, transfer.onTime());
        assertEquals("2026-12-11", transfer.dueDate(), "moved by the pause when the answer came");
        assertEquals("2026-12-14", lines.get(2).dueDate(), "moved by the extension");
        assertEquals(FormBuilder.RESULT_DESK, lines.get(2).to());
        assertEquals(Boolean.TRUE, lines.get(3).onTime(), "returned on the due day: on time");
        String html = html(FormKind.PROCESS_CONTROL, FormFixtures.dossier(), FormFixtures.timeline());
        assertTrue(html.contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
        assertEquals(4, html.split("<tr><td class=\"n\">").length - 1);
    }

    @Test
    void aFormNotIssuedIsNone() {
        assertTrue(FormBuilder.build(FormKind.RECEIPT, FormFixtures.refused(), FormFixtures.refusedTimeline(), CONFIG, true).isEmpty());
        assertTrue(FormBuilder.build(FormKind.PROCESS_CONTROL, FormFixtures.refused(), FormFixtures.refusedTimeline(), CONFIG, true).isEmpty());
        assertTrue(FormBuilder.build(FormKind.STOP, FormFixtures.dossier(), FormFixtures.timeline(), CONFIG, true).isEmpty());
    }

    @Test
    void readersAreTheApplicantTheHandlingAgenciesAndAdmins() {
        MapDossierStore store = new MapDossierStore().put(FormFixtures.dossier(), FormFixtures.timeline());
        DossierForms forms = new DossierForms(store, () -> CONFIG);
        assertEquals("01", forms.get(citizen(FormFixtures.APPLICANT), "dos-0001", "01").form());
        assertEquals("01", forms.get(officer(FormFixtures.WARD), "dos-0001", "1").form(), "an agency earlier in the chain");
        assertEquals("06", forms.get(officer(FormFixtures.POLICE), "dos-0001", "06").form());
        assertEquals("04", forms.get(admin(), "dos-0001", "04").form());

        assertEquals(404, status(() -> forms.get(citizen("9000000000000000002"), "dos-0001", "01")));
        assertEquals(404, status(() -> forms.get(officer("so-xay-dung"), "dos-0001", "01")));
        assertEquals(404, status(() -> forms.get(admin(), "nope", "01")));
        ApiException notIssued = assertThrows(ApiException.class,
                () -> forms.get(citizen(FormFixtures.APPLICANT), "dos-0001", "05"));
        assertEquals("FORM_NOT_ISSUED", notIssued.details().get(0).code());
        ApiException unknown = assertThrows(ApiException.class,
                () -> forms.get(citizen(FormFixtures.APPLICANT), "dos-0001", "07"));
        assertEquals("UNKNOWN_FORM", unknown.details().get(0).code());
        ApiException strangerUnknown = assertThrows(ApiException.class,
                () -> forms.get(citizen("9000000000000000002"), "dos-0001", "07"));
        assertTrue(strangerUnknown.details().isEmpty(), "a stranger learns nothing, not even about the form");
    }

    static int status(Runnable call) {
        return assertThrows(ApiException.class, call::run).code().status();
    }

    static Caller citizen(String id) {
        return new Caller(id, Set.of(Role.CITIZEN), null, "s", null, null);
    }

    static Caller officer(String agency) {
        return new Caller("9000000000000000199", Set.of(Role.CITIZEN, Role.OFFICER), agency, "s", null, null);
    }

    static Caller admin() {
        return new Caller("9000000000000000999", Set.of(Role.CITIZEN, Role.PROVINCE_ADMIN), null, "s", null, null);
    }

    /** No script, no link or image from elsewhere: the only URL is the SVG namespace. */
    static void assertSelfContained(String html) {
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<img"));
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"));
    }

    /** Rasterises the inline SVG's modules (M x,y h1v1h-1z) and decodes them as a camera would. */
    static String decodeQr(String html) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(html);
        assertTrue(box.find(), "an inline SVG QR code");
        int size = Integer.parseInt(box.group(1));
        int scale = 6;
        int[] pixels = new int[size * scale * size * scale];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(html);
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xFF000000;
                }
            }
        }
        LuminanceSource source = new RGBLuminanceSource(size * scale, size * scale, pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
