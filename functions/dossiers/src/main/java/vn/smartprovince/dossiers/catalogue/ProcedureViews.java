package vn.smartprovince.dossiers.catalogue;

import java.util.List;
import java.util.Locale;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.Fee;
import vn.smartprovince.shared.province.FormField;
import vn.smartprovince.shared.province.OnlineLevel;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ResultDelivery;

/**
 * A procedure as the mini app shows it: the configuration's values, plus the texts a citizen reads
 * (amounts as {@code 75.000 đồng}, the processing time, who decides), so that every client words
 * them the same way. Texts are Vietnamese: the catalogue itself is (names, labels), and one
 * language keeps the answer cacheable by URL alone.
 */
public final class ProcedureViews {
    private ProcedureViews() {
    }

    /** One line of the list. */
    public record Summary(String code, String name, String field, OnlineLevel onlineLevel, String onlineLevelText,
                          int processingWorkingDays, String processingTimeText, FeeView fee,
                          CompetenceView competence, List<ResultDelivery> resultDeliveries) {
    }

    /** One procedure with its form and documents. */
    public record Detail(String provinceCode, int configVersion, String code, String name, String field,
                         String description, OnlineLevel onlineLevel, String onlineLevelText, int processingWorkingDays,
                         String processingTimeText, FeeView fee, CompetenceView competence,
                         List<DocumentView> documents, List<FieldView> form, List<DeliveryView> resultDeliveries) {
    }

    /**
     * @param amountVnd  {@code FIXED} only
     * @param amountText {@code FIXED} only: {@code 75.000 đồng}
     * @param text       one line for a list: {@code Miễn phí}, {@code 75.000 đồng}, {@code Từ 1.000 đến 200.000 đồng}
     */
    public record FeeView(Fee.Kind kind, Long amountVnd, String amountText, List<FeeRowView> rows, String note,
                          String text) {
    }

    public record FeeRowView(String label, long amountVnd, String amountText) {
    }

    /**
     * @param agency           {@code FIXED}: the agency that decides
     * @param subjectAreaField {@code SUBJECT_AREA}: the form's address field whose commune decides
     * @param candidateCount   commune-based: how many agencies may be competent (one per commune)
     * @param text             who decides, in words
     */
    public record CompetenceView(Competence.Basis basis, AgencyView agency, String subjectAreaField, Integer candidateCount,
                                 String text) {
    }

    public record AgencyView(String id, String name) {
    }

    /**
     * @param acceptedTypes the MIME types an upload may have
     * @param extensions    the same, as file extensions (for a file picker)
     */
    public record DocumentView(String key, String name, boolean required, List<String> acceptedTypes,
                               List<String> extensions, int maxFiles) {
    }

    /**
     * One form field with its rules, and {@code rulesText}: the rules in words, for the hint under
     * the field (e.g. {@code 12 chữ số}).
     */
    public record FieldView(String key, String label, FormField.FieldType type, boolean required, Integer maxLength,
                            Long min, Long max, FormField.DateRange dates, List<FormField.Choice> choices, String help,
                            String rulesText) {
    }

    public record DeliveryView(ResultDelivery code, String text) {
    }

    // ------------------------------------------------------------------ building

    public static Summary summary(ProvinceConfig config, Procedure procedure) {
        return new Summary(procedure.code(), procedure.name(), procedure.field(), procedure.onlineLevel(),
                onlineLevelText(procedure.onlineLevel()), procedure.processingWorkingDays(),
                processingTimeText(procedure.processingWorkingDays()), fee(procedure.fee()),
                competence(config, procedure), procedure.resultDeliveries());
    }

    public static Detail detail(String provinceCode, int version, ProvinceConfig config, Procedure procedure) {
        return new Detail(provinceCode, version, procedure.code(), procedure.name(), procedure.field(),
                procedure.description(), procedure.onlineLevel(), onlineLevelText(procedure.onlineLevel()),
                procedure.processingWorkingDays(), processingTimeText(procedure.processingWorkingDays()),
                fee(procedure.fee()), competence(config, procedure),
                procedure.documents().stream().map(ProcedureViews::document).toList(),
                procedure.form().stream().map(ProcedureViews::field).toList(),
                procedure.resultDeliveries().stream().map(d -> new DeliveryView(d, deliveryText(d))).toList());
    }

    static String onlineLevelText(OnlineLevel level) {
        return switch (level) {
            case FULL -> "Dịch vụ công trực tuyến toàn trình";
            case PARTIAL -> "Dịch vụ công trực tuyến một phần";
        };
    }

    static String processingTimeText(int workingDays) {
        return workingDays == 0 ? "Trong ngày làm việc" : workingDays + " ngày làm việc";
    }

    static String deliveryText(ResultDelivery delivery) {
        return switch (delivery) {
            case DESK -> "Nhận trực tiếp tại bộ phận một cửa";
            case POST -> "Nhận qua dịch vụ bưu chính công ích";
            case ONLINE -> "Nhận bản điện tử trên ứng dụng";
        };
    }

    /** {@code 75.000 đồng}: Vietnamese groups thousands with dots. */
    static String vnd(long amount) {
        return group(amount) + " đồng";
    }

    static FeeView fee(Fee fee) {
        List<FeeRowView> rows = fee.rows().stream().map(r -> new FeeRowView(r.label(), r.amountVnd(), vnd(r.amountVnd())))
                .toList();
        String text = switch (fee.kind()) {
            case NONE -> "Miễn phí";
            case FIXED -> vnd(fee.amountVnd());
            case TABLE -> {
                long min = fee.rows().stream().mapToLong(Fee.Row::amountVnd).min().orElse(0);
                long max = fee.rows().stream().mapToLong(Fee.Row::amountVnd).max().orElse(0);
                yield "Từ " + group(min) + " đến " + vnd(max);
            }
        };
        return new FeeView(fee.kind(), fee.amountVnd(), fee.amountVnd() == null ? null : vnd(fee.amountVnd()), rows,
                fee.note(), text);
    }

    static CompetenceView competence(ProvinceConfig config, Procedure procedure) {
        Competence competence = procedure.competence();
        return switch (competence.basis()) {
            case FIXED -> {
                Agency agency = config.agency(competence.agencyIds().get(0)).orElseThrow();
                yield new CompetenceView(competence.basis(), new AgencyView(agency.id(), agency.name()), null, null,
                        agency.name() + " giải quyết");
            }
            case APPLICANT_AREA -> new CompetenceView(competence.basis(), null, null, competence.agencyIds().size(),
                    "Cơ quan của xã/phường nơi bạn cư trú giải quyết");
            case SUBJECT_AREA -> {
                String label = procedure.formField(competence.subjectAreaField()).map(FormField::label)
                        .orElse(competence.subjectAreaField());
                yield new CompetenceView(competence.basis(), null, competence.subjectAreaField(),
                        competence.agencyIds().size(), "Cơ quan của xã/phường ghi ở mục «" + label + "» giải quyết");
            }
        };
    }

    static DocumentView document(DocumentRequirement document) {
        return new DocumentView(document.key(), document.name(), document.required(),
                document.acceptedTypes().stream().map(DocumentType::contentType).toList(),
                document.acceptedTypes().stream().map(DocumentType::extension).toList(), document.maxFiles());
    }

    static FieldView field(FormField field) {
        return new FieldView(field.key(), field.label(), field.type(), field.required(), field.maxLength(), field.min(),
                field.max(), field.dates(), field.choices(), field.help(), rulesText(field));
    }

    /** The field's rules in words, or null when there is nothing to say. */
    static String rulesText(FormField field) {
        return switch (field.type()) {
            case TEXT -> "Tối đa " + field.maxLength() + " ký tự";
            case ADDRESS -> "Chọn xã/phường, ghi số nhà, đường (tối đa " + field.maxLength() + " ký tự)";
            case NUMBER -> {
                String min = field.min() == null ? null : group(field.min());
                String max = field.max() == null ? null : group(field.max());
                yield min != null && max != null ? "Số nguyên từ " + min + " đến " + max
                        : min != null ? "Số nguyên, ít nhất " + min
                        : max != null ? "Số nguyên, tối đa " + max : "Số nguyên";
            }
            case DATE -> field.dates() == null || field.dates() == FormField.DateRange.ANY ? "Ngày/tháng/năm"
                    : field.dates() == FormField.DateRange.PAST_OR_TODAY ? "Không sau ngày hôm nay"
                    : "Từ hôm nay trở đi";
            case CHOICE -> "Chọn một";
            case CCCD -> "Số căn cước công dân: 12 chữ số";
            case PHONE -> "Số điện thoại Việt Nam, ví dụ 09xx xxx xxx";
        };
    }

    private static String group(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }
}
