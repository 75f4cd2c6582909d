package vn.smartprovince.dossiers.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.PhoneNumbers;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * THE JSON views of dossiers, for every dossier route: the status as {@code {code, key, name}}, a list
 * item, the full dossier with its timeline, what is asked of the applicant and the clock. Personal
 * data: the CCCD and phone numbers are shown in full only to whom {@link DossierAccess#unmasked()}
 * allows; internal notes never appear here.
 */
public final class DossierViews {
    private DossierViews() {
    }

    /**
     * THE status of a dossier on every route (citizen, officer, queue, lookup):
     * {@code {"code": 5, "key": "SUPPLEMENT_REQUESTED", "name": "Yêu cầu bổ sung"}}, the national
     * code, the enum name (stable, for programs) and how it reads.
     */
    public record Status(int code, String key, String name) {
        public static Status of(DossierStatus status) {
            return status == null ? null : new Status(status.code(), status.name(), status.vietnameseName());
        }
    }

    /** {@link Status} as JSON. */
    public static ObjectNode status(DossierStatus status) {
        return Json.MAPPER.valueToTree(Status.of(status));
    }

    /** {@code ********6789}: the last four digits of a CCCD, for anyone but the applicant and the current agency. */
    public static String maskedCccd(String cccd) {
        if (cccd == null) {
            return null;
        }
        return cccd.length() <= 4 ? "*".repeat(cccd.length()) : "*".repeat(cccd.length() - 4) + cccd.substring(cccd.length() - 4);
    }

    /** {@code 84*****1234} unless unmasked. */
    public static String phone(String phone, boolean unmasked) {
        return phone == null || unmasked ? phone : PhoneNumbers.masked(phone);
    }

    public static String cccd(String cccd, boolean unmasked) {
        return unmasked ? cccd : maskedCccd(cccd);
    }

    /** {@code {code, name}} of the procedure (the name from the configuration, the code alone when it left it). */
    public static ObjectNode procedure(String code, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("code", code);
        config.procedure(code).ifPresent(p -> node.put("name", p.name()));
        return node;
    }

    /** {@code {id, name}} of an agency. */
    public static ObjectNode agency(String id, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("id", id);
        config.agency(id).map(Agency::name).ifPresent(name -> node.put("name", name));
        return node;
    }

    /** Whether the dossier waits for its applicant now (a supplement or fees). */
    public static boolean askedOfApplicant(Dossier d) {
        return d.openRequest() != null
                && (d.status() == DossierStatus.SUPPLEMENT_REQUESTED || d.status() == DossierStatus.FEES_REQUESTED);
    }

    /** One line of a list: what a list shows without opening the dossier. */
    public static ObjectNode summary(Dossier d, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("id", d.id());
        node.put("reference", d.reference());
        putText(node, "code", d.code());
        node.set("status", status(d.status()));
        node.set("procedure", procedure(d.procedureCode(), config));
        node.set("agency", agency(d.agencyId(), config));
        node.put("subjectName", d.subjectName());
        node.put("submittedAt", d.submittedAt().toString());
        putText(node, "receivedAt", d.receivedAt());
        putText(node, "dueDate", d.dueDate());
        node.put("overdue", d.overdue());
        node.put("askedOfYou", askedOfApplicant(d));
        node.put("version", d.version());
        return node;
    }

    /** The whole dossier for someone with {@code access} (never {@link DossierAccess#NONE}). */
    public static ObjectNode detail(Dossier d, List<TimelineEntry> timeline, ProvinceConfig config, DossierAccess access) {
        boolean unmasked = access.unmasked();
        ObjectNode node = summary(d, config);
        Procedure procedure = config.procedure(d.procedureCode()).orElse(null);
        ObjectNode applicant = node.putObject("applicant");
        applicant.put("fullName", d.applicant().fullName());
        putText(applicant, "cccd", cccd(d.applicant().cccd(), unmasked));
        putText(applicant, "phone", phone(d.applicant().phone(), unmasked));
        putText(applicant, "birthDate", d.applicant().birthDate());
        if (d.applicant().address() != null) {
            applicant.set("address", address(d.applicant().address()));
        }
        if (d.onBehalf() != null) {
            ObjectNode onBehalf = node.putObject("onBehalf");
            onBehalf.put("fullName", d.onBehalf().fullName());
            putText(onBehalf, "cccd", cccd(d.onBehalf().cccd(), unmasked));
            putText(onBehalf, "birthDate", d.onBehalf().birthDate());
            putText(onBehalf, "relationship", d.onBehalf().relationship());
        }
        node.set("form", form(d.formData(), procedure, unmasked));
        ArrayNode documents = node.putArray("documents");
        for (int i = 0; i < d.documents().size(); i++) {
            AttachedDocument doc = d.documents().get(i);
            ObjectNode item = documents.addObject();
            item.put("index", i);
            item.put("documentKey", doc.requirementKey());
            documentName(procedure, doc.requirementKey()).ifPresent(name -> item.put("name", name));
            putText(item, "contentType", doc.type() == null ? null : doc.type().contentType());
            item.put("bytes", doc.bytes());
            putText(item, "addedAt", doc.addedAt());
            item.put("supplement", doc.supplement());
            item.put("file", "/v1/dossiers/" + d.id() + "/files/" + i);
        }
        putText(node, "resultDelivery", d.resultDelivery());
        if (d.deliveryAddress() != null) {
            node.set("deliveryAddress", address(d.deliveryAddress()));
        }
        node.set("clock", clock(d));
        if (askedOfApplicant(d)) {
            node.set("askedOfYouDetail", askedOfYou(d.openRequest(), procedure));
        }
        if (d.extension() != null) {
            ObjectNode extension = node.putObject("extension");
            extension.put("previousDueDate", d.extension().previousDueDate().toString());
            extension.put("newDueDate", d.extension().newDueDate().toString());
            putText(extension, "reason", d.extension().reason());
            putText(extension, "issuedAt", d.extension().issuedAt());
        }
        if (d.result() != null) {
            ObjectNode result = node.putObject("result");
            putText(result, "summary", d.result().summary());
            result.put("onTime", d.result().onTime());
            result.put("workingDaysTaken", d.result().workingDaysTaken());
            if (d.result().fileKey() != null) {
                result.put("file", "/v1/dossiers/" + d.id() + "/files/result");
            }
        }
        putText(node, "finishedAt", d.finishedAt());
        putText(node, "returnedAt", d.returnedAt());
        putText(node, "closingReason", d.closingReason());
        putText(node, "updatedAt", d.updatedAt());
        ArrayNode lines = node.putArray("timeline");
        timeline.stream().filter(entry -> access != DossierAccess.APPLICANT || shownToApplicant(entry))
                .forEach(entry -> lines.add(entry(entry, config)));
        return node;
    }

    /** The clock: due date, pauses, overdue. */
    public static ObjectNode clock(Dossier d) {
        ObjectNode clock = Json.object();
        putText(clock, "receivedAt", d.receivedAt());
        putText(clock, "dueDate", d.dueDate());
        putText(clock, "originalDueDate", d.originalDueDate());
        putText(clock, "pausedSince", d.pausedAt());
        clock.put("paused", d.paused());
        clock.put("pausedWorkingDays", d.pausedWorkingDays());
        clock.put("overdue", d.overdue());
        return clock;
    }

    /** What is asked of the applicant: the items, documents to resend, the amount and how to pay, since when. */
    public static ObjectNode askedOfYou(OpenRequest request, Procedure procedure) {
        ObjectNode node = Json.object();
        node.put("kind", request.kind().name());
        ArrayNode items = node.putArray("items");
        request.items().forEach(items::add);
        ArrayNode documents = node.putArray("documents");
        for (String key : request.documentKeys()) {
            ObjectNode doc = documents.addObject();
            doc.put("documentKey", key);
            documentName(procedure, key).ifPresent(name -> doc.put("name", name));
        }
        if (request.amountVnd() != null) {
            node.put("amountVnd", request.amountVnd());
        }
        putText(node, "message", request.message());
        putText(node, "since", request.requestedAt());
        return node;
    }

    /**
     * Whether the applicant (and the public lookup) sees this line: not a refused desk update of the
     * one-stop system, which changed nothing and is for the officers to reconcile.
     */
    public static boolean shownToApplicant(TimelineEntry entry) {
        return entry.action() != DossierAction.DESK_UPDATE_REFUSED;
    }

    /** One timeline line as the applicant and officers read it (no actor id: the role says who). */
    public static ObjectNode entry(TimelineEntry e, ProvinceConfig config) {
        ObjectNode node = Json.object();
        node.put("version", e.version());
        node.put("at", e.at().toString());
        node.put("action", e.action().name());
        putText(node, "by", e.role());
        if (e.fromStatus() != null) {
            node.set("fromStatus", status(e.fromStatus()));
        }
        if (e.toStatus() != null) {
            node.set("toStatus", status(e.toStatus()));
        }
        if (e.fromAgencyId() != null) {
            node.set("fromAgency", agency(e.fromAgencyId(), config));
        }
        if (e.toAgencyId() != null) {
            node.set("toAgency", agency(e.toAgencyId(), config));
        }
        putText(node, "comment", e.publicComment());
        putText(node, "form", e.form());
        if (e.onTime() != null) {
            node.put("onTime", e.onTime());
        }
        if (!e.details().isEmpty()) {
            ObjectNode details = node.putObject("details");
            e.details().forEach(details::put);
        }
        return node;
    }

    private static ObjectNode address(Address a) {
        ObjectNode node = Json.object();
        putText(node, "street", a.street());
        putText(node, "areaCode", a.areaCode());
        return node;
    }

    /** The form's values; CCCD and PHONE fields masked like the applicant's own. */
    private static ObjectNode form(Map<String, Object> values, Procedure procedure, boolean unmasked) {
        ObjectNode node = Json.object();
        values.forEach((key, value) -> {
            var field = procedure == null ? null
                    : procedure.form().stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
            if (field != null && !unmasked && value instanceof String text) {
                switch (field.type()) {
                    case CCCD -> value = maskedCccd(text);
                    case PHONE -> value = PhoneNumbers.masked(text);
                    default -> { }
                }
            }
            node.set(key, Json.MAPPER.valueToTree(value));
        });
        return node;
    }

    private static java.util.Optional<String> documentName(Procedure procedure, String key) {
        return procedure == null ? java.util.Optional.empty()
                : procedure.documents().stream().filter(r -> r.key().equals(key)).map(DocumentRequirement::name).findFirst();
    }

    private static void putText(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }
}
