package vn.smartprovince.dossiers.forms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import vn.smartprovince.shared.qr.QrSvg;

/**
 * A form as a printable A4 HTML document: UTF-8, the national heading, the agency, the form's
 * number and title, the dossier code as an inline-SVG QR code, signature blocks. Self-contained
 * (no script, font, image or stylesheet from elsewhere), so it prints the same offline. Every
 * value is escaped: names and reasons come from citizens and officers.
 */
public final class FormHtml {
    private static final Locale VI = Locale.forLanguageTag("vi");

    private FormHtml() {
    }

    public static String render(DossierForm form) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Mẫu số ").append(esc(form.form())).append(" – ").append(esc(form.qrText()))
                .append("</title><style>").append(STYLE).append("</style></head><body><main class=\"page\">\n");
        heading(h, form);
        h.append("<h1>").append(esc(form.title())).append("</h1>\n");
        h.append("<div class=\"code\"><div class=\"qrbox\">").append(QrSvg.of(form.qrText(), 28))
                .append("<div class=\"qrcode\">").append(esc(form.qrText())).append("</div></div><div>");
        row(h, "Mã hồ sơ", form.dossierCode() != null ? form.dossierCode() : "(chưa cấp mã) " + form.dossierId());
        row(h, "Thủ tục", form.procedure().name());
        row(h, "Mã thủ tục", form.procedure().code());
        h.append("</div></div>\n");
        applicant(h, form);
        switch (form.form()) {
            case "01" -> receipt(h, form);
            case "02" -> supplement(h, form);
            case "03" -> closing(h, form.refusal(),
                    "Cơ quan tiếp nhận không tiếp nhận giải quyết hồ sơ nêu trên, vì các lý do sau:",
                    "Ông/bà vui lòng liên hệ Bộ phận Một cửa nếu cần được hướng dẫn thêm.");
            case "04" -> extension(h, form);
            case "05" -> closing(h, form.stop(), "Cơ quan giải quyết thông báo dừng xử lý hồ sơ nêu trên, vì các lý do sau:",
                    "Hồ sơ đã nộp được trả lại theo quy định; ông/bà có thể nộp lại khi đủ điều kiện.");
            case "06" -> processControl(h, form);
            default -> throw new IllegalArgumentException("no form " + form.form());
        }
        signatures(h, form);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void heading(StringBuilder h, DossierForm form) {
        h.append("<div class=\"formno\">Mẫu số ").append(esc(form.form())).append("</div>\n")
                .append("<table class=\"heading\"><tr><td class=\"left\">")
                .append("<div>ỦY BAN NHÂN DÂN TỈNH ").append(esc(upper(form.provinceName()))).append("</div>")
                .append("<div class=\"agency\">").append(esc(upper(form.agency().name()))).append("</div>")
                .append("<div class=\"rule short\"></div>");
        if (form.agency().unitCode() != null) {
            h.append("<div class=\"small\">Mã đơn vị: ").append(esc(form.agency().unitCode())).append("</div>");
        }
        h.append("</td><td class=\"right\">")
                .append("<div class=\"nation\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>")
                .append("<div class=\"motto\">Độc lập - Tự do - Hạnh phúc</div>")
                .append("<div class=\"rule long\"></div>")
                .append("<div class=\"place\">").append(esc(placeAndDate(form))).append("</div>")
                .append("</td></tr></table>\n");
    }

    private static void applicant(StringBuilder h, DossierForm form) {
        h.append("<section><h2>Người nộp hồ sơ</h2>");
        row(h, "Họ và tên", form.applicant().fullName());
        if (form.applicant().phone() != null) {
            row(h, "Số điện thoại", form.applicant().phone());
        }
        if (form.applicant().address() != null) {
            row(h, "Địa chỉ", form.applicant().address());
        }
        if (form.onBehalf() != null) {
            row(h, "Nộp thay cho", form.onBehalf().fullName()
                    + (form.onBehalf().relationshipName() == null ? "" : " (người nộp là " + form.onBehalf().relationshipName() + ")"));
        }
        h.append("</section>\n");
    }

    private static void receipt(StringBuilder h, DossierForm form) {
        DossierForm.Receipt r = form.receipt();
        h.append("<section><h2>Hồ sơ gồm</h2><table class=\"grid\"><thead><tr><th class=\"n\">STT</th>")
                .append("<th>Tên giấy tờ</th><th class=\"n\">Số tệp</th></tr></thead><tbody>");
        List<DossierForm.ReceivedDocument> documents = r.documents();
        for (int i = 0; i < documents.size(); i++) {
            h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(esc(documents.get(i).name()))
                    .append("</td><td class=\"n\">").append(documents.get(i).files()).append("</td></tr>");
        }
        if (documents.isEmpty()) {
            h.append("<tr><td colspan=\"3\">(không có giấy tờ kèm theo)</td></tr>");
        }
        h.append("</tbody></table></section>\n<section><h2>Thời hạn và cách nhận kết quả</h2>");
        row(h, "Thời gian tiếp nhận", dateTime(r.receivedAt()));
        row(h, "Thời hạn giải quyết", r.processingWorkingDays() + " ngày làm việc");
        h.append("<p class=\"due\">Ngày hẹn trả kết quả: <b>").append(esc(day(r.dueDate()))).append("</b></p>");
        row(h, "Hình thức nhận kết quả", r.resultDeliveryName());
        h.append("<p class=\"note\">Khi đến nhận kết quả, ông/bà vui lòng mang theo phiếu này hoặc đọc mã hồ sơ. ")
                .append("Ông/bà có thể tra cứu tiến độ bằng mã hồ sơ (quét mã QR).</p></section>\n");
    }

    private static void supplement(StringBuilder h, DossierForm form) {
        DossierForm.Supplement s = form.supplement();
        h.append("<section><p>Sau khi xem xét, hồ sơ của ông/bà cần được bổ sung, hoàn thiện các nội dung sau:</p><ol>");
        for (String item : s.items()) {
            h.append("<li>").append(esc(item)).append("</li>");
        }
        for (String document : s.documents()) {
            h.append("<li>Nộp lại: ").append(esc(document)).append("</li>");
        }
        h.append("</ol>");
        if (s.guidance() != null) {
            row(h, "Hướng dẫn", s.guidance());
        }
        row(h, "Ngày yêu cầu", dateTime(s.requestedAt()));
        h.append("<p class=\"note\">Thời gian chờ bổ sung không tính vào thời hạn giải quyết. ")
                .append("Ông/bà bổ sung trực tuyến trên ứng dụng hoặc tại Bộ phận Một cửa.</p></section>\n");
    }

    private static void closing(StringBuilder h, DossierForm.Closing closing, String lead, String after) {
        h.append("<section><p>").append(esc(lead)).append("</p><div class=\"reasons\">")
                .append(multiline(closing.reasons())).append("</div>");
        row(h, "Ngày", dateTime(closing.at()));
        h.append("<p class=\"note\">").append(esc(after)).append("</p></section>\n");
    }

    private static void extension(StringBuilder h, DossierForm form) {
        DossierForm.Extension e = form.extension();
        h.append("<section><p>Cơ quan giải quyết chân thành xin lỗi ông/bà vì hồ sơ nêu trên chưa thể có kết quả ")
                .append("đúng ngày hẹn.</p>");
        row(h, "Lý do", e.reason());
        row(h, "Ngày hẹn trước", day(e.previousDueDate()));
        h.append("<p class=\"due\">Ngày hẹn trả kết quả mới: <b>").append(esc(day(e.newDueDate()))).append("</b></p>")
                .append("<p class=\"note\">Mong ông/bà thông cảm.</p></section>\n");
    }

    private static void processControl(StringBuilder h, DossierForm form) {
        DossierForm.ProcessControl c = form.processControl();
        h.append("<section>");
        row(h, "Tiếp nhận lúc", dateTime(c.receivedAt()));
        row(h, "Hẹn trả kết quả", day(c.dueDate()));
        h.append("<table class=\"grid control\"><thead><tr><th class=\"n\">STT</th><th>Bước</th><th>Bên giao</th>")
                .append("<th>Bên nhận</th><th>Thời gian</th><th>Hạn</th><th>Đúng hạn</th></tr></thead><tbody>");
        List<DossierForm.Handover> lines = c.handovers();
        for (int i = 0; i < lines.size(); i++) {
            DossierForm.Handover line = lines.get(i);
            h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td>").append(esc(line.stepName()))
                    .append("</td><td>").append(esc(line.from())).append("</td><td>").append(esc(line.to()))
                    .append("</td><td>").append(esc(compact(line.at()))).append("</td><td>").append(esc(day(line.dueDate())))
                    .append("</td><td class=\"n\">")
                    .append(line.onTime() == null ? "" : line.onTime() ? "Đúng hạn" : "<b>Quá hạn</b>")
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void signatures(StringBuilder h, DossierForm form) {
        boolean applicantSigns = "01".equals(form.form()) || "06".equals(form.form());
        h.append("<table class=\"sign\"><tr><td>");
        if (applicantSigns) {
            h.append("<b>NGƯỜI NỘP HỒ SƠ</b><br><i>(Ký và ghi rõ họ tên)</i>");
        }
        h.append("</td><td><b>").append(switch (form.form()) {
                    case "01" -> "NGƯỜI TIẾP NHẬN HỒ SƠ";
                    case "02", "03" -> "CÁN BỘ TIẾP NHẬN";
                    default -> "CƠ QUAN GIẢI QUYẾT";
                })
                .append("</b><br><i>(Ký và ghi rõ họ tên)</i></td></tr></table>\n");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<p class=\"row\"><span class=\"label\">").append(esc(label)).append(":</span> ")
                .append(multiline(value)).append("</p>");
    }

    private static String multiline(String text) {
        return text == null ? "" : esc(text).replace("\n", "<br>");
    }

    private static String placeAndDate(DossierForm form) {
        OffsetDateTime at = OffsetDateTime.parse(form.issuedAt());
        return form.provinceName() + ", ngày " + two(at.getDayOfMonth()) + " tháng " + two(at.getMonthValue())
                + " năm " + at.getYear();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** {@code dd/MM/yyyy} as people read dates (empty when none). */
    static String day(String isoDate) {
        if (isoDate == null) {
            return "";
        }
        LocalDate date = LocalDate.parse(isoDate);
        return two(date.getDayOfMonth()) + "/" + two(date.getMonthValue()) + "/" + date.getYear();
    }

    /** {@code HH:mm dd/MM/yyyy} in Vietnam time. */
    static String dateTime(String rfc3339) {
        if (rfc3339 == null) {
            return "";
        }
        OffsetDateTime at = OffsetDateTime.parse(rfc3339);
        return two(at.getHour()) + " giờ " + two(at.getMinute()) + ", " + day(at.toLocalDate().toString());
    }

    /** {@code HH:mm dd/MM/yyyy}: a table cell. */
    static String compact(String rfc3339) {
        OffsetDateTime at = OffsetDateTime.parse(rfc3339);
        return two(at.getHour()) + ":" + two(at.getMinute()) + " " + day(at.toLocalDate().toString());
    }

    private static String upper(String text) {
        return text == null ? "" : text.toUpperCase(VI);
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            @page{size:A4;margin:18mm 18mm 18mm 25mm}
            *{box-sizing:border-box}
            body{margin:0;color:#000;background:#fff;font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;font-size:13pt;line-height:1.45}
            .page{max-width:170mm;margin:0 auto;padding:6mm 0}
            .formno{text-align:right;font-style:italic;font-size:11pt}
            table.heading{width:100%;border-collapse:collapse;margin-top:2mm}
            table.heading td{vertical-align:top;text-align:center;padding:0}
            table.heading td.left{width:45%;font-size:11pt}
            .agency,.nation{font-weight:bold}
            .nation{font-size:11.5pt;white-space:nowrap}
            .motto{font-weight:bold;font-size:13pt}
            .rule{border-top:1px solid #000;margin:1mm auto 2mm}
            .rule.short{width:30%}
            .rule.long{width:55%}
            .place{font-style:italic;font-size:12pt}
            .small{font-size:10pt}
            h1{text-align:center;font-size:14pt;margin:7mm 0 4mm}
            h2{font-size:13pt;margin:4mm 0 1mm}
            .code{display:flex;gap:6mm;align-items:center;margin-bottom:2mm}
            .qrbox{text-align:center;flex:none}
            .qrcode{font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:8.5pt}
            section{margin-top:3mm}
            p{margin:1mm 0}
            .label{font-weight:bold}
            .due{font-size:14pt;margin:2mm 0}
            .note{font-style:italic;font-size:11.5pt}
            .reasons{border-left:2px solid #000;padding:1mm 0 1mm 4mm;margin:2mm 0}
            table.grid{width:100%;border-collapse:collapse;margin:2mm 0;font-size:12pt}
            table.grid th,table.grid td{border:1px solid #000;padding:1mm 2mm;vertical-align:top}
            table.grid th{background:#eee}
            table.control{font-size:10.5pt}
            td.n,th.n{text-align:center;white-space:nowrap}
            table.control td:nth-child(5),table.control td:nth-child(6){white-space:nowrap}
            table.sign{width:100%;margin-top:10mm;text-align:center}
            table.sign td{width:50%;height:32mm;vertical-align:top}
            """;
}
