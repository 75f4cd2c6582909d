package vn.smartprovince.dossiers.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.Address;
import vn.smartprovince.dossiers.core.Applicant;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.Cccd;
import vn.smartprovince.dossiers.core.DocumentCitations;
import vn.smartprovince.dossiers.core.DocumentCitations.Cited;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.OnBehalf;
import vn.smartprovince.dossiers.core.Profiles;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.idempotency.Idempotency;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.Competence;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;

/**
 * Submitting a dossier: the body checked against the procedure (every problem names its field),
 * the applicant prefilled from the caller's profile, the uploads verified as the caller's and
 * copied under the dossier, the competent agency chosen, and the dossier created as status 1
 * (REGISTERED, version 1) with its SUBMIT entry and the {@code submitted} counter, in one write.
 *
 * <p>Safe retries: with an Idempotency-Key the id is derived from the caller and the key, so a
 * retry finds the first dossier and replays it (the same body) or is refused (another body).
 */
public final class SubmitDossier {
    static final Set<String> FIELDS = Set.of("procedureCode", "applicant", "onBehalf", "form", "documents",
            "resultDelivery", "deliveryAddress");
    static final int MAX_NAME = 100;
    static final int MAX_STREET = 200;
    static final int MAX_DOCUMENTS = 60;

    private final DossierStore store;
    private final DocumentStore documents;
    private final Profiles profiles;
    private final Clock clock;

    public SubmitDossier(DossierStore store, DocumentStore documents, Profiles profiles, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** The answer; {@code replayed} when an earlier request with the same key created it. */
    public record Submitted(Dossier dossier, boolean replayed) {
    }

    public Submitted submit(Caller caller, ProvinceConfig config, JsonNode body, String idempotencyKey) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingDays.ZONE).toLocalDate();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, FIELDS);
        String procedureCode = problems.token(body, "procedureCode", true);
        Procedure procedure = null;
        if (procedureCode != null) {
            procedure = config.procedure(procedureCode).orElse(null);
            if (procedure == null) {
                problems.error("procedureCode", "UNKNOWN_PROCEDURE", "Không có thủ tục này.", "No such procedure.");
            }
        }
        Applicant applicant = applicant(body.get("applicant"), caller, config, today, problems);
        OnBehalf onBehalf = onBehalf(body.get("onBehalf"), today, problems);
        if (procedure == null) {
            problems.done();
        }
        Map<String, Object> form = FormCheck.check(body.get("form"), procedure, config, today, problems);
        List<Cited> cited = documents(body.get("documents"), procedure, problems);
        ResultDelivery delivery = problems.oneOf(body, "resultDelivery", "resultDelivery", ResultDelivery.values(),
                procedure.resultDeliveries().size() != 1);
        if (delivery == null && procedure.resultDeliveries().size() == 1 && !problems.hasErrorFor("resultDelivery")) {
            delivery = procedure.resultDeliveries().get(0);
        }
        if (delivery != null && !procedure.resultDeliveries().contains(delivery)) {
            problems.error("resultDelivery", "NOT_OFFERED", "Thủ tục không trả kết quả theo cách này.",
                    "The procedure does not return results this way; it offers " + procedure.resultDeliveries() + ".");
        }
        Address deliveryAddress = null;
        if (delivery == ResultDelivery.POST) {
            deliveryAddress = address(body.get("deliveryAddress"), "deliveryAddress", config, problems, true);
        } else if (body.hasNonNull("deliveryAddress")) {
            problems.error("deliveryAddress", "NOT_ALLOWED", "Chỉ dùng khi nhận kết quả qua bưu chính.",
                    "Only with resultDelivery POST.");
        }
        Agency agency = problems.ok() ? route(procedure, applicant, form, config, problems) : null;
        problems.done();

        String requestHash = Idempotency.requestHash(canonical(body));
        String id = Idempotency.newId("d", "dossier", caller.userId(), idempotencyKey);
        if (idempotencyKey != null) {
            Optional<Dossier> earlier = store.find(id);
            if (earlier.isPresent()) {
                return replay(earlier.get(), requestHash);
            }
        }
        List<AttachedDocument> attached = DocumentCitations.attach(documents, caller.userId(), id, procedure, cited, now, false);

        Dossier dossier = new Dossier.Builder().id(id).procedureCode(procedure.code()).agencyId(agency.id())
                .status(DossierStatus.REGISTERED).version(1).applicant(applicant).onBehalf(onBehalf).formData(form)
                .documents(attached).resultDelivery(delivery).deliveryAddress(deliveryAddress)
                .submittedAt(now).updatedAt(now).requestHash(idempotencyKey == null ? null : requestHash).build();
        TimelineEntry entry = new TimelineEntry(id, 1, now, caller.userId(), ActorRole.APPLICANT, DossierAction.SUBMIT,
                null, DossierStatus.REGISTERED, null, agency.id(), null, null, null,
                Map.of("routing", procedure.competence().basis().name()));
        DossierStore.CreateResult result = store.create(dossier, entry, List.of(),
                DossierCounters.add(dossier, now, DossierCounterKeys.SUBMITTED, 1));
        if (result instanceof DossierStore.DuplicateId duplicate) {
            return replay(duplicate.existing(), requestHash);
        }
        return new Submitted(((DossierStore.Created) result).dossier(), false);
    }

    private static Submitted replay(Dossier earlier, String requestHash) {
        Idempotency.checkSameRequest(earlier.requestHash(), requestHash);
        return new Submitted(earlier, true);
    }

    /** The body as JSON with every object's keys sorted: the same request hashes the same. */
    static String canonical(JsonNode body) {
        try {
            Object tree = Json.MAPPER.convertValue(body, Object.class);
            return Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ applicant

    private Applicant applicant(JsonNode node, Caller caller, ProvinceConfig config, LocalDate today, BodyFields problems) {
        if (node == null || node.isNull()) {
            problems.error(BodyFields.required("applicant"));
            return null;
        }
        if (!node.isObject()) {
            problems.error("applicant", "INVALID_TYPE", "Phải là một đối tượng.", "Must be an object.");
            return null;
        }
        problems.onlyFields(node, "applicant.", Set.of("fullName", "cccd", "phone", "birthDate", "address"));
        Optional<Profiles.Profile> profile = (node.hasNonNull("fullName") && node.hasNonNull("phone"))
                ? Optional.empty() : profiles.of(caller.userId());
        String fullName = problems.text(node, "fullName", "applicant.fullName", false, MAX_NAME, false);
        if (fullName == null && !problems.hasErrorFor("applicant.fullName")) {
            fullName = profile.map(Profiles.Profile::fullName).orElse(null);
            if (fullName == null) {
                problems.error(BodyFields.required("applicant.fullName"));
            }
        }
        String cccd = problems.text(node, "cccd", "applicant.cccd", true, 12, false);
        if (cccd != null && !Cccd.valid(cccd)) {
            problems.error(Cccd.invalid("applicant.cccd"));
        }
        String phone = null;
        String phoneText = problems.text(node, "phone", "applicant.phone", false, 20, false);
        if (phoneText != null) {
            phone = PhoneNumbers.mobile(phoneText).orElse(null);
            if (phone == null) {
                problems.error("applicant.phone", "INVALID_PHONE", "Số điện thoại di động không hợp lệ.",
                        "Not a Vietnamese mobile number.");
            }
        } else if (!problems.hasErrorFor("applicant.phone")) {
            phone = profile.map(Profiles.Profile::phone).orElse(null);
            if (phone == null) {
                problems.error(BodyFields.required("applicant.phone"));
            }
        }
        String birthDate = birthDate(node, "applicant.birthDate", today, problems);
        Address address = address(node.get("address"), "applicant.address", config, problems, true);
        return new Applicant(caller.userId(), fullName, cccd, phone, birthDate, address, Applicant.ApplicantType.CITIZEN);
    }

    private static OnBehalf onBehalf(JsonNode node, LocalDate today, BodyFields problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.error("onBehalf", "INVALID_TYPE", "Phải là một đối tượng.", "Must be an object.");
            return null;
        }
        problems.onlyFields(node, "onBehalf.", Set.of("fullName", "cccd", "birthDate", "relationship"));
        String fullName = problems.text(node, "fullName", "onBehalf.fullName", true, MAX_NAME, false);
        String cccd = problems.text(node, "cccd", "onBehalf.cccd", false, 12, false);
        if (cccd != null && !Cccd.valid(cccd)) {
            problems.error(Cccd.invalid("onBehalf.cccd"));
        }
        String birthDate = birthDate(node, "onBehalf.birthDate", today, problems);
        OnBehalf.Relationship relationship = problems.oneOf(node, "relationship", "onBehalf.relationship",
                OnBehalf.Relationship.values(), true);
        return new OnBehalf(fullName, cccd, birthDate, relationship);
    }

    private static String birthDate(JsonNode node, String field, LocalDate today, BodyFields problems) {
        String text = problems.text(node, "birthDate", field, false, 10, false);
        if (text == null) {
            return null;
        }
        LocalDate date = FormCheck.date(text);
        if (date == null) {
            problems.error(field, "INVALID_DATE", "Ngày không hợp lệ (YYYY-MM-DD).", "Not a date (YYYY-MM-DD).");
            return null;
        }
        if (date.isAfter(today)) {
            problems.error(field, "DATE_IN_FUTURE", "Ngày sinh không được sau hôm nay.", "The birth date is in the future.");
            return null;
        }
        return date.toString();
    }

    private static Address address(JsonNode node, String field, ProvinceConfig config, BodyFields problems, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.error(BodyFields.required(field));
            }
            return null;
        }
        if (!node.isObject()) {
            problems.error(field, "INVALID_TYPE", "Phải là một địa chỉ {street, areaCode}.", "Must be {street, areaCode}.");
            return null;
        }
        problems.onlyFields(node, field + ".", Set.of("street", "areaCode"));
        String street = problems.text(node, "street", field + ".street", true, MAX_STREET, false);
        String code = problems.text(node, "areaCode", field + ".areaCode", true, 20, false);
        Area area = null;
        if (code != null) {
            area = FormCheck.commune(config, code).orElse(null);
            if (area == null) {
                problems.error(field + ".areaCode", "UNKNOWN_AREA", "Không có xã, phường này trong tỉnh.",
                        "No such commune or ward in the province.");
            }
        }
        return street == null || area == null ? null : new Address(street, area.code());
    }

    // ------------------------------------------------------------------ documents

    private static List<Cited> documents(JsonNode node, Procedure procedure, BodyFields problems) {
        List<Cited> cited = DocumentCitations.parse(node, procedure, MAX_DOCUMENTS, problems);
        for (DocumentRequirement requirement : procedure.documents()) {
            long count = DocumentCitations.count(cited, requirement.key());
            if (requirement.required() && count == 0 && !anyErrorUnder(problems, "documents[")) {
                problems.error("documents." + requirement.key(), "REQUIRED", "Thiếu " + requirement.name() + ".",
                        requirement.name() + " is required.");
            }
            if (count > requirement.maxFiles()) {
                problems.error("documents." + requirement.key(), "TOO_MANY_FILES",
                        "Tối đa " + requirement.maxFiles() + " tệp cho " + requirement.name() + ".",
                        "At most " + requirement.maxFiles() + " files for " + requirement.name() + ".");
            }
        }
        return cited;
    }

    private static boolean anyErrorUnder(BodyFields problems, String prefix) {
        return problems.errors().stream().anyMatch(e -> e.field().startsWith(prefix));
    }

    // ------------------------------------------------------------------ routing

    /** The competent agency: fixed, or the candidate covering the applicant's or the subject's commune. */
    static Agency route(Procedure procedure, Applicant applicant, Map<String, Object> form, ProvinceConfig config,
                        BodyFields problems) {
        Competence competence = procedure.competence();
        String areaCode;
        String field;
        switch (competence.basis()) {
            case FIXED -> {
                return config.agency(competence.agencyIds().get(0))
                        .orElseThrow(() -> new IllegalStateException("procedure " + procedure.code() + ": unknown agency"));
            }
            case APPLICANT_AREA -> {
                areaCode = applicant.address() == null ? null : applicant.address().areaCode();
                field = "applicant.address.areaCode";
            }
            case SUBJECT_AREA -> {
                Object value = form.get(competence.subjectAreaField());
                areaCode = value instanceof Map<?, ?> map ? (String) map.get("areaCode") : null;
                field = "form." + competence.subjectAreaField();
            }
            default -> throw new IllegalStateException("unknown basis " + competence.basis());
        }
        Map<String, Agency> candidates = new LinkedHashMap<>();
        competence.agencyIds().forEach(id -> config.agency(id).ifPresent(a -> candidates.put(id, a)));
        Optional<Agency> agency = areaCode == null ? Optional.empty()
                : candidates.values().stream().filter(a -> a.covers(areaCode)).findFirst();
        if (agency.isEmpty()) {
            problems.error(field, areaCode == null ? "REQUIRED" : "NOT_COVERED",
                    "Không có cơ quan có thẩm quyền cho xã, phường này.", "No competent agency covers this commune.");
            return null;
        }
        return agency.get();
    }
}
