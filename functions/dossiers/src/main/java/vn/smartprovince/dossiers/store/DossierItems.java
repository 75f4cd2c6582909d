package vn.smartprovince.dossiers.store;

import static vn.smartprovince.shared.aws.Attributes.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.InternalNote;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * The item design of dossiers in the main table (functions/dossiers/README.md has the access
 * patterns). Key builders are public for the other dossier features' tests.
 *
 * <pre>
 * DOSSIER#&lt;id&gt;                 DOSSIER               the dossier; GSI1 DOSSIER_APPLICANT#&lt;userId&gt; / &lt;submittedAt&gt;#&lt;id&gt;
 *                                                    while open: GSI2 DOSSIER_AGENCY#&lt;agency&gt;#QUEUE#&lt;STATUS&gt; /
 *                                                    &lt;dueDate, else submitted day&gt;#&lt;submittedAt&gt;#&lt;id&gt;
 * DOSSIER#&lt;id&gt;                 EVENT#&lt;version:6&gt;      one timeline entry per version, never changed
 * DOSSIER#&lt;id&gt;                 NOTE#&lt;at&gt;#&lt;noteId&gt;      internal notes (officers only)
 * DOSSIER_CODE#&lt;code&gt;          CODE                  the code's claim: dossierId
 * DOSSIER_SEQ#&lt;unit&gt;#&lt;yyMMdd&gt;  SEQ                   last: the day's last sequence of the unit
 * STATS#...                    TOTAL | MONTH#yyyy-MM counters (ADD), DossierCounters
 * OUTBOX#&lt;jobId&gt;               JOB                   notification job (shared.notify.Outbox)
 * </pre>
 *
 * <p>Nested values (applicant, documents, the open request...) are DynamoDB maps and lists;
 * the form's values keep their types (S, N, M). Absent values are absent attributes.
 */
public final class DossierItems {
    public static final String DOSSIER = "DOSSIER";
    public static final String CODE = "CODE";
    public static final String SEQ = "SEQ";
    static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private DossierItems() {
    }

    public static String dossierKey(String id) {
        return "DOSSIER#" + id;
    }

    public static String eventKey(long version) {
        return String.format("EVENT#%06d", version);
    }

    public static String noteKey(InternalNote note) {
        return "NOTE#" + note.at() + "#" + note.noteId();
    }

    public static String codeKey(String code) {
        return "DOSSIER_CODE#" + code;
    }

    public static String sequenceKey(String unitCode, LocalDate day) {
        return "DOSSIER_SEQ#" + unitCode + "#" + YYMMDD.format(day);
    }

    public static String applicantKey(String userId) {
        return "DOSSIER_APPLICANT#" + userId;
    }

    public static String applicantSort(Dossier d) {
        return d.submittedAt() + "#" + d.id();
    }

    public static String queueKey(String agencyId, DossierStatus status) {
        return vn.smartprovince.shared.stats.DossierCounterKeys.queueKey(agencyId, status.name());
    }

    /** Oldest due date first; not yet received (no due date): the day of submission (Vietnam). */
    public static String queueSort(Dossier d) {
        LocalDate day = d.dueDate() != null ? d.dueDate() : d.submittedAt().atZone(WorkingDays.ZONE).toLocalDate();
        return day + "#" + d.submittedAt() + "#" + d.id();
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return vn.smartprovince.shared.aws.Attributes.key(pk, sk);
    }

    // ------------------------------------------------------------------ dossier

    /** Every attribute of the dossier item (null values = absent: REMOVEd by an update). */
    static Map<String, AttributeValue> dossierItem(Dossier d) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(dossierKey(d.id()), DOSSIER));
        item.put("itemType", s("DOSSIER"));
        item.put("id", s(d.id()));
        item.put("code", s(d.code()));
        item.put("procedureCode", s(d.procedureCode()));
        item.put("agencyId", s(d.agencyId()));
        item.put("status", s(d.status().name()));
        item.put("version", n(d.version()));
        item.put("applicantId", s(d.applicant().userId()));
        item.put("applicant", applicant(d.applicant()));
        item.put("onBehalf", d.onBehalf() == null ? null : onBehalf(d.onBehalf()));
        item.put("formData", AttributeValue.fromM(values(d.formData())));
        item.put("documents", AttributeValue.fromL(d.documents().stream().map(DossierItems::document).toList()));
        item.put("resultDelivery", s(d.resultDelivery()));
        item.put("deliveryAddress", d.deliveryAddress() == null ? null : address(d.deliveryAddress()));
        item.put("submittedAt", s(d.submittedAt()));
        item.put("updatedAt", s(d.updatedAt()));
        item.put("receivedAt", s(d.receivedAt()));
        item.put("dueDate", s(d.dueDate()));
        item.put("originalDueDate", s(d.originalDueDate()));
        item.put("pausedAt", s(d.pausedAt()));
        item.put("resumeStatus", s(d.resumeStatus()));
        item.put("pausedWorkingDays", n(d.pausedWorkingDays()));
        item.put("openRequest", d.openRequest() == null ? null : openRequest(d.openRequest()));
        item.put("extension", d.extension() == null ? null : extension(d.extension()));
        item.put("finishedAt", s(d.finishedAt()));
        item.put("returnedAt", s(d.returnedAt()));
        item.put("result", d.result() == null ? null : result(d.result()));
        item.put("closingReason", s(d.closingReason()));
        item.put("overdue", AttributeValue.fromBool(d.overdue()));
        item.put("requestHash", s(d.requestHash()));
        item.put("deskSequence", d.deskSequence() == 0 ? null : n(d.deskSequence()));
        item.put("gsi1pk", s(applicantKey(d.applicant().userId())));
        item.put("gsi1sk", s(applicantSort(d)));
        item.put("gsi2pk", d.status().open() ? s(queueKey(d.agencyId(), d.status())) : null);
        item.put("gsi2sk", d.status().open() ? s(queueSort(d)) : null);
        return item;
    }

    static Map<String, AttributeValue> withoutNulls(Map<String, AttributeValue> item) {
        return vn.smartprovince.shared.aws.Attributes.withoutNulls(item);
    }

    /** The dossier of a dossier item (also as projected into GSI1 and GSI2). */
    public static Dossier dossier(Map<String, AttributeValue> item) {
        Map<String, Object> form = new LinkedHashMap<>();
        if (item.containsKey("formData") && item.get("formData").hasM()) {
            item.get("formData").m().forEach((k, v) -> form.put(k, value(v)));
        }
        List<AttachedDocument> documents = new ArrayList<>();
        if (item.containsKey("documents") && item.get("documents").hasL()) {
            item.get("documents").l().forEach(v -> documents.add(document(v.m())));
        }
        return new Dossier.Builder()
                .id(text(item, "id"))
                .code(text(item, "code"))
                .procedureCode(text(item, "procedureCode"))
                .agencyId(text(item, "agencyId"))
                .status(DossierStatus.valueOf(text(item, "status")))
                .version((int) number(item, "version"))
                .applicant(applicant(item.get("applicant").m()))
                .onBehalf(item.containsKey("onBehalf") ? onBehalf(item.get("onBehalf").m()) : null)
                .formData(form)
                .documents(documents)
                .resultDelivery(item.containsKey("resultDelivery") ? ResultDelivery.valueOf(text(item, "resultDelivery")) : null)
                .deliveryAddress(item.containsKey("deliveryAddress") ? address(item.get("deliveryAddress").m()) : null)
                .submittedAt(instant(item, "submittedAt"))
                .updatedAt(instant(item, "updatedAt"))
                .receivedAt(instant(item, "receivedAt"))
                .dueDate(date(item, "dueDate"))
                .originalDueDate(date(item, "originalDueDate"))
                .pausedAt(instant(item, "pausedAt"))
                .resumeStatus(item.containsKey("resumeStatus") ? DossierStatus.valueOf(text(item, "resumeStatus")) : null)
                .pausedWorkingDays((int) number(item, "pausedWorkingDays"))
                .openRequest(item.containsKey("openRequest") ? openRequest(item.get("openRequest").m()) : null)
                .extension(item.containsKey("extension") ? extension(item.get("extension").m()) : null)
                .finishedAt(instant(item, "finishedAt"))
                .returnedAt(instant(item, "returnedAt"))
                .result(item.containsKey("result") ? result(item.get("result").m()) : null)
                .closingReason(text(item, "closingReason"))
                .overdue(bool(item, "overdue"))
                .requestHash(text(item, "requestHash"))
                .deskSequence((int) number(item, "deskSequence"))
                .build();
    }

    // ------------------------------------------------------------------ nested values

    private static AttributeValue applicant(Applicant a) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("userId", s(a.userId()));
        m.put("fullName", s(a.fullName()));
        m.put("cccd", s(a.cccd()));
        m.put("phone", s(a.phone()));
        m.put("birthDate", s(a.birthDate()));
        m.put("address", a.address() == null ? null : address(a.address()));
        m.put("type", s(a.type()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static Applicant applicant(Map<String, AttributeValue> m) {
        return new Applicant(text(m, "userId"), text(m, "fullName"), text(m, "cccd"), text(m, "phone"),
                text(m, "birthDate"), m.containsKey("address") ? address(m.get("address").m()) : null,
                m.containsKey("type") ? Applicant.ApplicantType.valueOf(text(m, "type")) : null);
    }

    private static AttributeValue onBehalf(OnBehalf o) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("fullName", s(o.fullName()));
        m.put("cccd", s(o.cccd()));
        m.put("birthDate", s(o.birthDate()));
        m.put("relationship", s(o.relationship()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static OnBehalf onBehalf(Map<String, AttributeValue> m) {
        return new OnBehalf(text(m, "fullName"), text(m, "cccd"), text(m, "birthDate"),
                m.containsKey("relationship") ? OnBehalf.Relationship.valueOf(text(m, "relationship")) : null);
    }

    private static AttributeValue address(Address a) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("street", s(a.street()));
        m.put("areaCode", s(a.areaCode()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static Address address(Map<String, AttributeValue> m) {
        return new Address(text(m, "street"), text(m, "areaCode"));
    }

    private static AttributeValue document(AttachedDocument d) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("requirementKey", s(d.requirementKey()));
        m.put("fileKey", s(d.fileKey()));
        m.put("type", s(d.type()));
        m.put("bytes", n(d.bytes()));
        m.put("addedAt", s(d.addedAt()));
        m.put("supplement", AttributeValue.fromBool(d.supplement()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static AttachedDocument document(Map<String, AttributeValue> m) {
        return new AttachedDocument(text(m, "requirementKey"), text(m, "fileKey"),
                m.containsKey("type") ? DocumentType.valueOf(text(m, "type")) : null, number(m, "bytes"),
                instant(m, "addedAt"), bool(m, "supplement"));
    }

    private static AttributeValue openRequest(OpenRequest r) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("kind", s(r.kind()));
        m.put("items", strings(r.items()));
        m.put("documentKeys", strings(r.documentKeys()));
        m.put("amountVnd", r.amountVnd() == null ? null : n(r.amountVnd()));
        m.put("message", s(r.message()));
        m.put("requestedAt", s(r.requestedAt()));
        m.put("requestedBy", s(r.requestedBy()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static OpenRequest openRequest(Map<String, AttributeValue> m) {
        return new OpenRequest(OpenRequest.Kind.valueOf(text(m, "kind")), strings(m, "items"), strings(m, "documentKeys"),
                m.containsKey("amountVnd") ? Long.valueOf(number(m, "amountVnd")) : null, text(m, "message"),
                instant(m, "requestedAt"), text(m, "requestedBy"));
    }

    private static AttributeValue extension(Dossier.Extension e) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("previousDueDate", s(e.previousDueDate()));
        m.put("newDueDate", s(e.newDueDate()));
        m.put("reason", s(e.reason()));
        m.put("issuedAt", s(e.issuedAt()));
        m.put("issuedBy", s(e.issuedBy()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static Dossier.Extension extension(Map<String, AttributeValue> m) {
        return new Dossier.Extension(date(m, "previousDueDate"), date(m, "newDueDate"), text(m, "reason"),
                instant(m, "issuedAt"), text(m, "issuedBy"));
    }

    private static AttributeValue result(Dossier.Result r) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("summary", s(r.summary()));
        m.put("fileKey", s(r.fileKey()));
        m.put("onTime", AttributeValue.fromBool(r.onTime()));
        m.put("workingDaysTaken", n(r.workingDaysTaken()));
        return AttributeValue.fromM(withoutNulls(m));
    }

    private static Dossier.Result result(Map<String, AttributeValue> m) {
        return new Dossier.Result(text(m, "summary"), text(m, "fileKey"), bool(m, "onTime"),
                (int) number(m, "workingDaysTaken"));
    }

    /** Form values keep their type: String as S, a number as N, a map (ADDRESS) as M. */
    private static Map<String, AttributeValue> values(Map<String, ?> values) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof Number number) {
                m.put(k, n(number));
            } else if (v instanceof Map<?, ?> map) {
                Map<String, Object> nested = new LinkedHashMap<>();
                map.forEach((mk, mv) -> nested.put(String.valueOf(mk), mv));
                m.put(k, AttributeValue.fromM(values(nested)));
            } else if (v instanceof Boolean bool) {
                m.put(k, AttributeValue.fromBool(bool));
            } else if (v != null) {
                m.put(k, s(v));
            }
        });
        return m;
    }

    private static Object value(AttributeValue v) {
        if (v.n() != null) {
            return Long.valueOf(v.n());
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasM()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.m().forEach((k, mv) -> map.put(k, value(mv)));
            return map;
        }
        return v.s();
    }

    // ------------------------------------------------------------------ other items

    static Map<String, AttributeValue> eventItem(TimelineEntry e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(dossierKey(e.dossierId()), eventKey(e.version())));
        item.put("itemType", s("DOSSIER_EVENT"));
        item.put("dossierId", s(e.dossierId()));
        item.put("version", n(e.version()));
        item.put("at", s(e.at()));
        item.put("actorId", s(e.actorId()));
        item.put("role", s(e.role()));
        item.put("action", s(e.action()));
        item.put("fromStatus", s(e.fromStatus()));
        item.put("toStatus", s(e.toStatus()));
        item.put("fromAgencyId", s(e.fromAgencyId()));
        item.put("toAgencyId", s(e.toAgencyId()));
        item.put("publicComment", s(e.publicComment()));
        item.put("form", s(e.form()));
        item.put("onTime", e.onTime() == null ? null : AttributeValue.fromBool(e.onTime()));
        Map<String, AttributeValue> details = new LinkedHashMap<>();
        e.details().forEach((k, v) -> {
            if (v != null) {
                details.put(k, s(v));
            }
        });
        item.put("details", AttributeValue.fromM(details));
        return withoutNulls(item);
    }

    static TimelineEntry event(Map<String, AttributeValue> item) {
        Map<String, String> details = new LinkedHashMap<>();
        if (item.containsKey("details") && item.get("details").hasM()) {
            item.get("details").m().forEach((k, v) -> details.put(k, v.s()));
        }
        return new TimelineEntry(text(item, "dossierId"), (int) number(item, "version"), instant(item, "at"),
                text(item, "actorId"), item.containsKey("role") ? ActorRole.valueOf(text(item, "role")) : null,
                DossierAction.valueOf(text(item, "action")),
                item.containsKey("fromStatus") ? DossierStatus.valueOf(text(item, "fromStatus")) : null,
                item.containsKey("toStatus") ? DossierStatus.valueOf(text(item, "toStatus")) : null,
                text(item, "fromAgencyId"), text(item, "toAgencyId"), text(item, "publicComment"), text(item, "form"),
                item.containsKey("onTime") ? item.get("onTime").bool() : null, details);
    }

    static Map<String, AttributeValue> noteItem(InternalNote note) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(dossierKey(note.dossierId()), noteKey(note)));
        item.put("itemType", s("DOSSIER_NOTE"));
        item.put("dossierId", s(note.dossierId()));
        item.put("noteId", s(note.noteId()));
        item.put("at", s(note.at()));
        item.put("authorId", s(note.authorId()));
        item.put("agencyId", s(note.agencyId()));
        item.put("text", s(note.text()));
        return withoutNulls(item);
    }

    static InternalNote note(Map<String, AttributeValue> item) {
        return new InternalNote(text(item, "dossierId"), text(item, "noteId"), instant(item, "at"),
                text(item, "authorId"), text(item, "agencyId"), text(item, "text"));
    }

    static Map<String, AttributeValue> codeItem(String code, String dossierId) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key(codeKey(code), CODE));
        item.put("itemType", s("DOSSIER_CODE"));
        item.put("code", s(code));
        item.put("dossierId", s(dossierId));
        return item;
    }

    // ------------------------------------------------------------------ attribute helpers

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }
}
