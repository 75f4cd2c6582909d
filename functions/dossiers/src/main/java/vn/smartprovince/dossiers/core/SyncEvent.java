package vn.smartprovince.dossiers.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.onestop.OneStopFields;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;

/**
 * One outbound event of the one-stop synchronisation: a timeline entry of a dossier in the national
 * codes, as the one-stop system receives it ({@code POST {base}/dossier-events}; the wire format and
 * the canonical names are {@link OneStopFields}). The entry's version is the event's sequence, so a
 * receiver applies a dossier's events once and in order.
 *
 * <p>Dates ({@code yyyyMMddHHmmss}, Vietnam time) are what was true right after this event: a dossier
 * code and receipt time only from the receipt on, a finish or return time only from that step on.
 *
 * @param status          the national status code (1-10) after the event
 * @param previousStatus  before it; null on {@link EventType#CREATED}
 * @param agencyCode      the national unit code of the agency holding the dossier after the event (null if none)
 * @param actor           an officer's id, {@code applicant}, {@code system} or {@code one-stop:<officer name>}
 * @param documents       the files the event brought (the submission, a supplement); empty otherwise
 * @param deskSequence    on events caused by a desk update: its sequence; null otherwise
 */
public record SyncEvent(String eventId, String dossierId, int sequence, EventType eventType, String dossierCode,
                        String procedureCode, String procedureName, String agencyCode, int channel, int applicantType,
                        String applicantName, String applicantIdNumber, String applicantPhone, int status,
                        Integer previousStatus, String eventAt, String submittedAt, String receivedAt, String dueAt,
                        String finishedAt, String returnedAt, String action, String actor, Origin origin,
                        String comment, String form, Map<String, String> details, List<Document> documents,
                        Integer deskSequence) {
    /** Channel: 2 = online (the mini app). */
    public static final int CHANNEL_ONLINE = 2;
    /** {@code yyyyMMddHHmmss} in Vietnam time. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(WorkingDays.ZONE);
    /** A due date is due at the end of the working day. */
    public static final LocalTime DUE_TIME = LocalTime.of(17, 0);
    /** The action the inbound side writes for a refused desk update (named, not imported: another feature's). */
    static final String DESK_UPDATE_REFUSED = "DESK_UPDATE_REFUSED";
    static final String ONE_STOP_ROLE = "ONE_STOP";
    static final String DESK_SEQUENCE_DETAIL = "deskSequence";

    public SyncEvent {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public enum EventType { CREATED, STATUS_CHANGED, TRANSFERRED, DESK_UPDATE_REFUSED }

    /** Where the change was made. */
    public enum Origin { MINI_APP, ONE_STOP }

    /** A file the event brought: the procedure's document name, its type, the requirement's key. */
    public record Document(String name, String type, String documentKey) {
    }

    /** {@code <dossierId>:<sequence>}: also the Idempotency-Key of the request. */
    public static String eventId(String dossierId, int sequence) {
        return dossierId + ":" + sequence;
    }

    /**
     * The event of {@code entry} of {@code dossier} (the dossier as stored now, at or after the entry's
     * version), with the procedure's name and agencies' unit codes from {@code config}.
     */
    public static SyncEvent of(TimelineEntry entry, Dossier dossier, ProvinceConfig config) {
        Instant at = entry.at();
        boolean received = reached(dossier.receivedAt(), at);
        Procedure procedure = config.procedure(dossier.procedureCode()).orElse(null);
        String agencyId = entry.toAgencyId() != null ? entry.toAgencyId() : dossier.agencyId();
        String agencyCode = agencyId == null ? null : config.agency(agencyId).map(Agency::unitCode).orElse(null);
        Applicant applicant = dossier.applicant();
        EventType type = type(entry);
        String due = entry.details().getOrDefault("newDueDate", entry.details().get(ProcessSheet.DUE_DATE));
        LocalDate dueDate = !received ? null : due != null ? LocalDate.parse(due) : dossier.dueDate();
        String desk = entry.details().get(DESK_SEQUENCE_DETAIL);
        return new SyncEvent(eventId(dossier.id(), entry.version()), dossier.id(), entry.version(), type,
                received ? dossier.code() : null, dossier.procedureCode(),
                procedure == null ? null : procedure.name(), agencyCode, CHANNEL_ONLINE,
                applicant.type() == null ? Applicant.ApplicantType.CITIZEN.code() : applicant.type().code(),
                applicant.fullName(), applicant.cccd(), applicant.phone(),
                entry.toStatus().code(), entry.fromStatus() == null ? null : entry.fromStatus().code(),
                time(at), time(dossier.submittedAt()), received ? time(dossier.receivedAt()) : null,
                dueDate == null ? null : TIME.format(dueDate.atTime(DUE_TIME).atZone(WorkingDays.ZONE)),
                reached(dossier.finishedAt(), at) ? time(dossier.finishedAt()) : null,
                reached(dossier.returnedAt(), at) ? time(dossier.returnedAt()) : null,
                entry.action().name(), actor(entry), oneStop(entry) ? Origin.ONE_STOP : Origin.MINI_APP,
                entry.publicComment(), entry.form(), entry.details(), documents(entry, dossier, procedure),
                desk == null ? null : Integer.valueOf(desk));
    }

    private static boolean reached(Instant when, Instant at) {
        return when != null && !when.isAfter(at);
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    private static boolean oneStop(TimelineEntry entry) {
        return entry.role() != null && ONE_STOP_ROLE.equals(entry.role().name());
    }

    static EventType type(TimelineEntry entry) {
        if (entry.action() == DossierAction.SUBMIT) {
            return EventType.CREATED;
        }
        if (entry.action() == DossierAction.TRANSFER) {
            return EventType.TRANSFERRED;
        }
        if (DESK_UPDATE_REFUSED.equals(entry.action().name())) {
            return EventType.DESK_UPDATE_REFUSED;
        }
        return EventType.STATUS_CHANGED;
    }

    /** Officers and the one-stop by id; never the applicant's Zalo id. */
    static String actor(TimelineEntry entry) {
        if (entry.role() == ActorRole.APPLICANT) {
            return "applicant";
        }
        if (entry.role() == ActorRole.SYSTEM) {
            return "system";
        }
        return entry.actorId();
    }

    /** The submission's files on CREATED; the files that came with a supplement on its answer. */
    private static List<Document> documents(TimelineEntry entry, Dossier dossier, Procedure procedure) {
        boolean created = entry.action() == DossierAction.SUBMIT;
        if (!created && entry.action() != DossierAction.ANSWER_SUPPLEMENT) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        for (AttachedDocument d : dossier.documents()) {
            boolean brought = created ? !d.supplement() : d.supplement() && entry.at().equals(d.addedAt());
            if (brought) {
                String name = procedure == null ? d.requirementKey() : procedure.document(d.requirementKey())
                        .map(DocumentRequirement::name).orElse(d.requirementKey());
                documents.add(new Document(name, d.type() == null ? null : d.type().name(), d.requirementKey()));
            }
        }
        return documents;
    }

    /** The request body: every field, nulls included, under the vendor's names. */
    public ObjectNode toJson(OneStopFields fields) {
        ObjectNode body = Json.object();
        body.put(fields.name(OneStopFields.EVENT_ID), eventId);
        body.put(fields.name(OneStopFields.DOSSIER_ID), dossierId);
        body.put(fields.name(OneStopFields.SEQUENCE), sequence);
        body.put(fields.name(OneStopFields.EVENT_TYPE), eventType.name());
        body.put(fields.name(OneStopFields.DOSSIER_CODE), dossierCode);
        body.put(fields.name(OneStopFields.PROCEDURE_CODE), procedureCode);
        body.put(fields.name(OneStopFields.PROCEDURE_NAME), procedureName);
        body.put(fields.name(OneStopFields.AGENCY_CODE), agencyCode);
        body.put(fields.name(OneStopFields.CHANNEL), channel);
        body.put(fields.name(OneStopFields.APPLICANT_TYPE), applicantType);
        body.put(fields.name(OneStopFields.APPLICANT_NAME), applicantName);
        body.put(fields.name(OneStopFields.APPLICANT_ID_NUMBER), applicantIdNumber);
        body.put(fields.name(OneStopFields.APPLICANT_PHONE), applicantPhone);
        body.put(fields.name(OneStopFields.STATUS), status);
        body.put(fields.name(OneStopFields.PREVIOUS_STATUS), previousStatus);
        body.put(fields.name(OneStopFields.EVENT_AT), eventAt);
        body.put(fields.name(OneStopFields.SUBMITTED_AT), submittedAt);
        body.put(fields.name(OneStopFields.RECEIVED_AT), receivedAt);
        body.put(fields.name(OneStopFields.DUE_AT), dueAt);
        body.put(fields.name(OneStopFields.FINISHED_AT), finishedAt);
        body.put(fields.name(OneStopFields.RETURNED_AT), returnedAt);
        body.put(fields.name(OneStopFields.ACTION), action);
        body.put(fields.name(OneStopFields.ACTOR), actor);
        body.put(fields.name(OneStopFields.ORIGIN), origin.name());
        body.put(fields.name(OneStopFields.COMMENT), comment);
        body.put(fields.name(OneStopFields.FORM), form);
        ObjectNode details = body.putObject(fields.name(OneStopFields.DETAILS));
        this.details.forEach(details::put);
        ArrayNode documents = body.putArray(fields.name(OneStopFields.DOCUMENTS));
        this.documents.forEach(d -> documents.addObject().put("name", d.name()).put("type", d.type())
                .put("documentKey", d.documentKey()));
        body.put(fields.name(OneStopFields.DESK_SEQUENCE), deskSequence);
        return body;
    }
}
