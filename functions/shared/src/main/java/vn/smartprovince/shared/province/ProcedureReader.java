package vn.smartprovince.shared.province;

import static vn.smartprovince.shared.province.ConfigProblem.Kind.EMPTY;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.INCONSISTENT;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.MISSING;
import static vn.smartprovince.shared.province.ConfigProblem.Kind.UNKNOWN_REFERENCE;
import static vn.smartprovince.shared.province.Fields.Presence.OPTIONAL;
import static vn.smartprovince.shared.province.Fields.Presence.REQUIRED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code procedures} array of a province file (format: infra/demo/README.md,
 * "Public-service procedures") for {@link ProvinceConfigLoader}: every rule checked on load, each
 * problem at its JSON path. Areas and agencies are read before, so competence can be checked
 * against them: each commune has exactly one competent agency, and every competent agency has the
 * national unit code dossier codes start with.
 */
final class ProcedureReader {
    /** National procedure codes such as {@code 1.001193.000.00.00.H56}: upper-case letters and digits in dot-separated groups. */
    static final Pattern PROCEDURE_CODE = Pattern.compile("(?=.{1,40}$)[0-9A-Z]+(?:\\.[0-9A-Z]+)*");
    private static final String PROCEDURE_CODE_EN = "a national procedure code: upper-case letters and digits in groups "
            + "separated by '.', e.g. 1.001193.000.00.00.H56 (at most 40 characters)";
    private static final String PROCEDURE_CODE_VI = "mã thủ tục quốc gia: chữ in hoa và chữ số theo nhóm, cách nhau bởi '.', "
            + "ví dụ 1.001193.000.00.00.H56 (tối đa 40 ký tự)";
    /** Documents' keys: what a dossier's attachments cite. */
    static final Pattern DOCUMENT_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final String DOCUMENT_KEY_EN = "lower_snake_case, at most 40 characters";
    private static final String DOCUMENT_KEY_VI = "chữ_thường_gạch_dưới, tối đa 40 ký tự";
    /** Form fields' keys: what a dossier's form data uses (JSON field names). */
    static final Pattern FIELD_KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");
    private static final String FIELD_KEY_EN = "camelCase (letters and digits, starting with a lower-case letter), at most 40 characters";
    private static final String FIELD_KEY_VI = "dạng camelCase (chữ cái và chữ số, bắt đầu bằng chữ thường), tối đa 40 ký tự";
    private static final Pattern CHOICE_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final String CHOICE_VALUE_EN = "1-40 letters, digits, '_' or '-'";
    private static final String CHOICE_VALUE_VI = "1-40 chữ cái không dấu, chữ số, '_' hoặc '-'";

    static final int NAME_LENGTH = 300;
    static final int LABEL_LENGTH = 150;
    static final int HELP_LENGTH = 500;
    static final int DESCRIPTION_LENGTH = 2_000;
    static final int MAX_PROCESSING_DAYS = 365;
    static final int MAX_TEXT_LENGTH = 2_000;
    static final int MAX_FILES = 20;
    /** A fee above a billion đồng is a typo (an extra zero or two). */
    static final long MAX_AMOUNT_VND = 1_000_000_000L;

    private final StrictJson json;
    private final Problems problems;
    private final Set<String> areaCodes;
    private final Function<JsonAt, Agency> agencyReference;
    private final Map<String, JsonAt> procedureCodes = new HashMap<>();

    /**
     * @param areaCodes       the province's current unit codes, in file order
     * @param agencyReference reads an agency id and resolves it (reporting an unknown one), or null
     */
    ProcedureReader(StrictJson json, Set<String> areaCodes, Function<JsonAt, Agency> agencyReference) {
        this.json = json;
        this.problems = json.problems();
        this.areaCodes = areaCodes;
        this.agencyReference = agencyReference;
    }

    Procedure procedure(JsonAt at) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt codeAt = fields.value("code", REQUIRED);
        String code = codeAt == null ? null : json.code(codeAt, PROCEDURE_CODE, PROCEDURE_CODE_EN, PROCEDURE_CODE_VI);
        if (code != null && !problems.claim(code, codeAt, procedureCodes)) {
            code = null;
        }
        String name = fields.text("name", NAME_LENGTH, REQUIRED);
        String field = fields.text("field", LABEL_LENGTH, REQUIRED);
        String description = fields.multilineText("description", DESCRIPTION_LENGTH, OPTIONAL);
        OnlineLevel onlineLevel = fields.enumeration("onlineLevel", OnlineLevel.class, REQUIRED);
        Integer days = fields.integer("processingWorkingDays", 0, MAX_PROCESSING_DAYS, REQUIRED);
        Fee fee = fee(fields.object("fee", REQUIRED));
        Map<String, JsonAt> documentKeys = new HashMap<>();
        List<DocumentRequirement> documents = fields.list("documents", OPTIONAL, 0, item -> document(item, documentKeys));
        Map<String, JsonAt> fieldKeys = new HashMap<>();
        List<FormField> form = fields.list("form", OPTIONAL, 0, item -> formField(item, fieldKeys));
        JsonAt documentsAt = fields.value("documents", OPTIONAL);
        JsonAt formAt = fields.value("form", OPTIONAL);
        if (items(documentsAt) == 0 && items(formAt) == 0) {
            problems.add(EMPTY, at, "asks for nothing: list at least one document or form field",
                    "chưa yêu cầu gì: cần ít nhất một thành phần hồ sơ (documents) hoặc một trường tờ khai (form)");
        }
        Map<String, JsonAt> deliveriesSeen = new HashMap<>();
        List<ResultDelivery> deliveries = fields.list("resultDeliveries", REQUIRED, 1, item -> {
            ResultDelivery delivery = json.enumeration(item, ResultDelivery.class);
            return delivery != null && problems.claim(delivery.name(), item, deliveriesSeen) ? delivery : null;
        });
        if (onlineLevel == OnlineLevel.FULL && !deliveriesSeen.isEmpty()
                && !deliveries.contains(ResultDelivery.ONLINE) && !deliveries.contains(ResultDelivery.POST)) {
            problems.add(INCONSISTENT, fields.value("resultDeliveries", OPTIONAL),
                    "a fully online procedure (onlineLevel FULL) returns its result ONLINE or by POST: list at least one",
                    "thủ tục trực tuyến toàn trình (onlineLevel FULL) phải trả kết quả trực tuyến (ONLINE) hoặc qua bưu chính (POST)");
        }
        Competence competence = competence(fields.object("competence", REQUIRED), fieldKeys, form);
        fields.end();
        if (code == null || name == null || field == null || onlineLevel == null || days == null || fee == null
                || competence == null) {
            return null;
        }
        return new Procedure(code, name, field, competence, onlineLevel, days, fee, documents, form, deliveries,
                description);
    }

    // -------------------------------------------------------------- competence

    private Competence competence(Fields fields, Map<String, JsonAt> fieldKeys, List<FormField> form) {
        if (fields == null) {
            return null;
        }
        Competence.Basis basis = fields.enumeration("basis", Competence.Basis.class, REQUIRED);
        Map<String, JsonAt> seen = new LinkedHashMap<>();
        List<Agency> agencies = fields.list("agencyIds", REQUIRED, 1, item -> {
            Agency agency = agencyReference.apply(item);
            return agency != null && problems.claim(agency.id(), item, seen) ? agency : null;
        });
        JsonAt agencyIdsAt = fields.value("agencyIds", OPTIONAL);
        JsonAt subjectAt = fields.value("subjectAreaField", OPTIONAL);
        String subjectField = subjectAt == null ? null : json.code(subjectAt, FIELD_KEY, FIELD_KEY_EN, FIELD_KEY_VI);
        fields.end();
        for (Agency agency : agencies) {
            if (agency.unitCode() == null) {
                problems.add(INCONSISTENT, seen.get(agency.id()),
                        "agency '" + agency.id() + "' has no unitCode: a competent agency needs its national unit code "
                                + "(dossier codes start with it)",
                        "cơ quan '" + agency.id() + "' chưa có unitCode: cơ quan có thẩm quyền cần mã đơn vị "
                                + "(mã hồ sơ bắt đầu bằng mã này)");
            }
        }
        if (basis == null || agencyIdsAt == null) {
            return null;
        }
        boolean complete = agencies.size() == items(agencyIdsAt);
        switch (basis) {
            case FIXED -> {
                if (items(agencyIdsAt) != 1) {
                    problems.add(INCONSISTENT, agencyIdsAt, "a FIXED competence names exactly one agency",
                            "thẩm quyền cố định (FIXED) chỉ ghi đúng một cơ quan");
                    return null;
                }
            }
            case APPLICANT_AREA, SUBJECT_AREA -> {
                if (complete && !coversEachAreaOnce(agencyIdsAt, agencies)) {
                    return null;
                }
            }
        }
        if (basis == Competence.Basis.SUBJECT_AREA) {
            if (subjectAt == null) {
                problems.add(MISSING, JsonAt.child(fields.at().path(), "subjectAreaField"), fields.at().line(),
                        fields.at().column(), "a SUBJECT_AREA competence names the form's ADDRESS field whose commune decides",
                        "thẩm quyền theo địa bàn của đối tượng (SUBJECT_AREA) cần ghi trường địa chỉ (ADDRESS) của tờ khai quyết định xã/phường");
                return null;
            }
            if (subjectField == null) {
                return null;
            }
            FormField target = form.stream().filter(f -> f.key().equals(subjectField)).findFirst().orElse(null);
            if (target == null) {
                problems.add(UNKNOWN_REFERENCE, subjectAt, "no form field with key '" + subjectField + "' in this procedure's form"
                                + (fieldKeys.containsKey(subjectField) ? " (that field has problems of its own)" : ""),
                        "không có trường '" + subjectField + "' trong tờ khai (form) của thủ tục này");
                return null;
            }
            if (target.type() != FormField.FieldType.ADDRESS) {
                problems.add(INCONSISTENT, subjectAt, "'" + subjectField + "' is a " + target.type()
                                + " field; the commune that decides comes from an ADDRESS field",
                        "'" + subjectField + "' là trường " + target.type() + "; xã/phường quyết định thẩm quyền phải lấy từ trường ADDRESS");
                return null;
            }
        } else if (subjectAt != null) {
            problems.add(INCONSISTENT, subjectAt, "subjectAreaField is only for a SUBJECT_AREA competence",
                    "subjectAreaField chỉ dùng cho thẩm quyền SUBJECT_AREA");
            return null;
        }
        if (!complete) {
            return null;
        }
        return new Competence(basis, agencies.stream().map(Agency::id).toList(),
                basis == Competence.Basis.SUBJECT_AREA ? subjectField : null);
    }

    /** Each current unit is covered by exactly one candidate: no overlap, no gap. */
    private boolean coversEachAreaOnce(JsonAt at, List<Agency> candidates) {
        Map<String, List<String>> overlaps = new LinkedHashMap<>();
        List<String> uncovered = new ArrayList<>();
        for (String area : areaCodes) {
            List<String> covering = candidates.stream().filter(agency -> agency.covers(area)).map(Agency::id).toList();
            if (covering.isEmpty()) {
                uncovered.add(area);
            } else if (covering.size() > 1) {
                overlaps.put(area, covering);
            }
        }
        if (!overlaps.isEmpty()) {
            String list = overlaps.entrySet().stream().limit(10)
                    .map(entry -> entry.getKey() + " (" + String.join(", ", entry.getValue()) + ")")
                    .collect(Collectors.joining("; ")) + (overlaps.size() > 10 ? "; …" : "");
            problems.add(INCONSISTENT, at, "the candidates overlap: each commune needs exactly one competent agency; "
                            + "covered twice: " + list,
                    "các cơ quan trùng địa bàn: mỗi xã/phường chỉ có đúng một cơ quan có thẩm quyền; bị trùng: " + list);
        }
        if (!uncovered.isEmpty()) {
            String list = uncovered.stream().limit(10).collect(Collectors.joining(", "))
                    + (uncovered.size() > 10 ? ", … (" + uncovered.size() + " in all)" : "");
            problems.add(INCONSISTENT, at, "no candidate covers " + list + ": every commune needs a competent agency",
                    "không cơ quan nào phụ trách " + list + ": xã/phường nào cũng cần cơ quan có thẩm quyền");
        }
        return overlaps.isEmpty() && uncovered.isEmpty();
    }

    // -------------------------------------------------------------- fee

    private Fee fee(Fields fields) {
        if (fields == null) {
            return null;
        }
        Fee.Kind kind = fields.enumeration("kind", Fee.Kind.class, REQUIRED);
        JsonAt amountAt = fields.value("amountVnd", OPTIONAL);
        Long amount = fields.longInteger("amountVnd", 1, MAX_AMOUNT_VND, OPTIONAL);
        JsonAt rowsAt = fields.value("rows", OPTIONAL);
        Map<String, JsonAt> labels = new HashMap<>();
        List<Fee.Row> rows = fields.list("rows", OPTIONAL, 0, item -> row(item, labels));
        String note = fields.multilineText("note", HELP_LENGTH, OPTIONAL);
        fields.end();
        if (kind == null) {
            return null;
        }
        boolean valid = true;
        if (kind != Fee.Kind.FIXED && amountAt != null) {
            valid = notAllowed(amountAt, "amountVnd", "a " + kind + " fee", "phí loại " + kind);
        }
        if (kind != Fee.Kind.TABLE && items(rowsAt) > 0) {
            valid = notAllowed(rowsAt, "rows", "a " + kind + " fee", "phí loại " + kind);
        }
        if (kind == Fee.Kind.FIXED && amountAt == null) {
            problems.add(MISSING, JsonAt.child(fields.at().path(), "amountVnd"), fields.at().line(), fields.at().column(),
                    "a FIXED fee states its amount in đồng (amountVnd > 0)", "phí cố định (FIXED) cần số tiền (amountVnd > 0)");
            valid = false;
        }
        if (kind == Fee.Kind.TABLE && items(rowsAt) < 2) {
            problems.add(rowsAt == null ? MISSING : EMPTY, rowsAt == null ? JsonAt.child(fields.at().path(), "rows")
                            : rowsAt.path(), rowsAt == null ? fields.at().line() : rowsAt.line(),
                    rowsAt == null ? fields.at().column() : rowsAt.column(),
                    "a TABLE fee lists at least 2 rows {label, amountVnd} (one amount: use FIXED)",
                    "phí theo bảng (TABLE) cần ít nhất 2 dòng {label, amountVnd} (một mức: dùng FIXED)");
            valid = false;
        }
        if (!valid || (kind == Fee.Kind.FIXED && amount == null) || rows.size() != items(rowsAt)) {
            return null;
        }
        return new Fee(kind, kind == Fee.Kind.FIXED ? amount : null, rows, note);
    }

    private Fee.Row row(JsonAt at, Map<String, JsonAt> labels) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt labelAt = fields.value("label", REQUIRED);
        String label = labelAt == null ? null : json.text(labelAt, LABEL_LENGTH);
        Long amount = fields.longInteger("amountVnd", 0, MAX_AMOUNT_VND, REQUIRED);
        fields.end();
        if (label == null || !problems.claim(label, labelAt, labels) || amount == null) {
            return null;
        }
        return new Fee.Row(label, amount);
    }

    // -------------------------------------------------------------- documents

    private DocumentRequirement document(JsonAt at, Map<String, JsonAt> keys) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt keyAt = fields.value("key", REQUIRED);
        String key = keyAt == null ? null : json.code(keyAt, DOCUMENT_KEY, DOCUMENT_KEY_EN, DOCUMENT_KEY_VI);
        if (key != null && !problems.claim(key, keyAt, keys)) {
            key = null;
        }
        String name = fields.text("name", NAME_LENGTH, REQUIRED);
        Boolean required = fields.bool("required", REQUIRED);
        Map<String, JsonAt> seen = new HashMap<>();
        List<DocumentType> types = fields.list("acceptedTypes", REQUIRED, 1, item -> {
            DocumentType type = json.enumeration(item, DocumentType.class);
            return type != null && problems.claim(type.name(), item, seen) ? type : null;
        });
        Integer maxFiles = fields.integer("maxFiles", 1, MAX_FILES, REQUIRED);
        fields.end();
        if (key == null || name == null || required == null || types.isEmpty() || maxFiles == null) {
            return null;
        }
        return new DocumentRequirement(key, name, required, types, maxFiles);
    }

    // -------------------------------------------------------------- form

    private FormField formField(JsonAt at, Map<String, JsonAt> keys) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt keyAt = fields.value("key", REQUIRED);
        String key = keyAt == null ? null : json.code(keyAt, FIELD_KEY, FIELD_KEY_EN, FIELD_KEY_VI);
        if (key != null && !problems.claim(key, keyAt, keys)) {
            key = null;
        }
        String label = fields.text("label", LABEL_LENGTH, REQUIRED);
        FormField.FieldType type = fields.enumeration("type", FormField.FieldType.class, REQUIRED);
        Boolean required = fields.bool("required", REQUIRED);
        JsonAt maxLengthAt = fields.value("maxLength", OPTIONAL);
        Integer maxLength = fields.integer("maxLength", 1, MAX_TEXT_LENGTH, OPTIONAL);
        JsonAt minAt = fields.value("min", OPTIONAL);
        Long min = fields.longInteger("min", -MAX_AMOUNT_VND * 1_000, MAX_AMOUNT_VND * 1_000, OPTIONAL);
        JsonAt maxAt = fields.value("max", OPTIONAL);
        Long max = fields.longInteger("max", -MAX_AMOUNT_VND * 1_000, MAX_AMOUNT_VND * 1_000, OPTIONAL);
        JsonAt datesAt = fields.value("dates", OPTIONAL);
        FormField.DateRange dates = fields.enumeration("dates", FormField.DateRange.class, OPTIONAL);
        JsonAt choicesAt = fields.value("choices", OPTIONAL);
        Map<String, JsonAt> values = new HashMap<>();
        List<FormField.Choice> choices = fields.list("choices", OPTIONAL, 0, item -> choice(item, values));
        String help = fields.text("help", HELP_LENGTH, OPTIONAL);
        fields.end();
        if (type == null) {
            return null;
        }
        boolean valid = true;
        String what = "a " + type + " field";
        String whatVi = "trường " + type;
        boolean text = type == FormField.FieldType.TEXT || type == FormField.FieldType.ADDRESS;
        if (text && maxLengthAt == null) {
            problems.add(MISSING, JsonAt.child(fields.at().path(), "maxLength"), fields.at().line(), fields.at().column(),
                    what + " states its maxLength (1-" + MAX_TEXT_LENGTH + " characters)",
                    whatVi + " cần maxLength (1-" + MAX_TEXT_LENGTH + " ký tự)");
            valid = false;
        } else if (!text && maxLengthAt != null) {
            valid = notAllowed(maxLengthAt, "maxLength", what, whatVi);
        }
        if (type != FormField.FieldType.NUMBER) {
            valid &= minAt == null || notAllowed(minAt, "min", what, whatVi);
            valid &= maxAt == null || notAllowed(maxAt, "max", what, whatVi);
        } else if (min != null && max != null && min > max) {
            problems.add(INCONSISTENT, minAt, "min (" + min + ") is above max (" + max + ")",
                    "min (" + min + ") lớn hơn max (" + max + ")");
            valid = false;
        }
        if (type != FormField.FieldType.DATE && datesAt != null) {
            valid = notAllowed(datesAt, "dates", what, whatVi);
        }
        if (type != FormField.FieldType.CHOICE && items(choicesAt) > 0) {
            valid = notAllowed(choicesAt, "choices", what, whatVi);
        } else if (type == FormField.FieldType.CHOICE && items(choicesAt) < 2) {
            problems.add(choicesAt == null ? MISSING : EMPTY,
                    choicesAt == null ? JsonAt.child(fields.at().path(), "choices") : choicesAt.path(),
                    choicesAt == null ? fields.at().line() : choicesAt.line(),
                    choicesAt == null ? fields.at().column() : choicesAt.column(),
                    "a CHOICE field offers at least 2 choices {value, label}",
                    "trường lựa chọn (CHOICE) cần ít nhất 2 lựa chọn {value, label}");
            valid = false;
        }
        if (!valid || key == null || label == null || required == null
                || (maxLengthAt != null && maxLength == null) || (minAt != null && min == null)
                || (maxAt != null && max == null) || (datesAt != null && dates == null)
                || choices.size() != items(choicesAt)) {
            return null;
        }
        return new FormField(key, label, type, required, maxLength, min, max, dates, choices, help);
    }

    private FormField.Choice choice(JsonAt at, Map<String, JsonAt> values) {
        Fields fields = json.object(at);
        if (fields == null) {
            return null;
        }
        JsonAt valueAt = fields.value("value", REQUIRED);
        String value = valueAt == null ? null : json.code(valueAt, CHOICE_VALUE, CHOICE_VALUE_EN, CHOICE_VALUE_VI);
        String label = fields.text("label", LABEL_LENGTH, REQUIRED);
        fields.end();
        if (value == null || !problems.claim(value, valueAt, values) || label == null) {
            return null;
        }
        return new FormField.Choice(value, label);
    }

    // -------------------------------------------------------------- helpers

    /** A key that the value's kind or type does not use: a problem, not silently ignored. Returns false. */
    private boolean notAllowed(JsonAt at, String key, String whatEn, String whatVi) {
        problems.add(INCONSISTENT, at, key + " is not allowed for " + whatEn, key + " không dùng cho " + whatVi);
        return false;
    }

    private static int items(JsonAt value) {
        return value != null && value.type() == JsonAt.Type.ARRAY ? value.items().size() : 0;
    }
}
