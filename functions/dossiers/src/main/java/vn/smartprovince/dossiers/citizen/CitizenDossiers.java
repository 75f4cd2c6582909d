package vn.smartprovince.dossiers.citizen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.CounterDelta;
import vn.smartprovince.dossiers.core.Deadlines;
import vn.smartprovince.dossiers.core.DocumentCitations;
import vn.smartprovince.dossiers.core.DocumentCitations.Cited;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAccess;
import vn.smartprovince.dossiers.core.DossierAction;
import vn.smartprovince.dossiers.core.DossierCounters;
import vn.smartprovince.dossiers.core.DossierErrors;
import vn.smartprovince.dossiers.core.DossierStatus;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.dossiers.core.DossierViews;
import vn.smartprovince.dossiers.core.Notices;
import vn.smartprovince.dossiers.core.Officers;
import vn.smartprovince.dossiers.core.StateMachine;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.PageCursor;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;

/**
 * The applicant's use cases. Authorization comes first: someone who may not see the dossier gets
 * 404 before the body is read; someone who may see it but is not its applicant (an officer, an
 * admin) gets 403 for the applicant's actions. Then the body, then the version
 * (409 {@code VERSION_MISMATCH} with the current dossier), then the lifecycle
 * (409 {@code TRANSITION_NOT_ALLOWED}).
 */
public final class CitizenDossiers {
    static final int MAX_REASON = 1000;
    static final int MAX_COMMENT = 2000;
    static final int MAX_SUPPLEMENT_FILES = 30;

    private final DossierStore store;
    private final DocumentStore documents;
    private final Officers officers;
    private final Clock clock;

    /** @param officers the agency's officers, told when a supplement is answered */
    public CitizenDossiers(DossierStore store, DocumentStore documents, Officers officers, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.officers = officers;
        this.clock = clock;
    }

    static CitizenDossiers of(Wiring wiring) {
        return new CitizenDossiers(wiring.dossiers(), wiring.documents(), wiring.agencyOfficers()::officersOf,
                wiring.clock());
    }

    /** {@code {items, nextCursor}} of the caller's dossiers, newest first. */
    public ObjectNode mine(Caller caller, String cursor, int limit, ProvinceConfig config) {
        DossierStore.Page page;
        try {
            page = store.ofApplicant(caller.userId(), cursor, limit);
        } catch (IllegalArgumentException e) {
            throw PageCursor.invalid();
        }
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("items");
        page.dossiers().forEach(d -> items.add(DossierViews.summary(d, config)));
        if (page.nextCursor() != null) {
            answer.put("nextCursor", page.nextCursor());
        } else {
            answer.putNull("nextCursor");
        }
        return answer;
    }

    /** The dossier with its timeline, for whoever may see it. */
    public Viewed get(Caller caller, String id, ProvinceConfig config) {
        Dossier dossier = store.find(id).orElseThrow(DossierErrors::notFound);
        List<TimelineEntry> timeline = store.timeline(id);
        DossierAccess access = DossierAccess.of(caller, dossier, timeline);
        if (!access.sees()) {
            throw DossierErrors.notFound();
        }
        return new Viewed(dossier, DossierViews.detail(dossier, timeline, config, access));
    }

    public record Viewed(Dossier dossier, ObjectNode view) {
    }

    /** Withdraw (status 7) while the lifecycle allows it. */
    public Viewed withdraw(Caller caller, String id, Supplier<JsonNode> request, ProvinceConfig config) {
        Dossier before = applicantsOwn(caller, id);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("expectedVersion", "reason"));
        Long expected = expectedVersion(body, problems);
        String reason = problems.text(body, "reason", "reason", false, MAX_REASON, true);
        problems.done();
        checkVersionAndStatus(caller, before, expected, DossierAction.WITHDRAW, config);
        Instant now = clock.instant();
        Dossier after = before.toBuilder().next(now).status(DossierStatus.WITHDRAWN).openRequest(null)
                .resumeStatus(null).pausedAt(null).closingReason(reason).build();
        TimelineEntry entry = new TimelineEntry(id, after.version(), now, caller.userId(), ActorRole.APPLICANT,
                DossierAction.WITHDRAW, before.status(), after.status(), before.agencyId(), before.agencyId(), reason,
                null, null, Map.of());
        List<CounterDelta> counters = new ArrayList<>(
                DossierCounters.add(before, now, DossierCounterKeys.WITHDRAWN, 1));
        if (before.receivedAt() != null) {
            counters.addAll(DossierCounters.addForAgency(before.agencyId(), now, DossierCounterKeys.IN_PROGRESS, -1));
        }
        return write(caller, new DossierStore.Change(before, after, entry, List.of(), counters, null), config);
    }

    /**
     * Answers the open supplement request: the new files are appended ({@code supplement = true}),
     * the dossier returns to the status it came from and, when the clock was paused, the due date
     * moves by the working days of the pause; the current agency's officers are told
     * ({@code DOSSIER_SUPPLEMENT_ANSWERED}, in the same transaction). The body is read after the
     * caller's right is checked.
     */
    public Viewed supplement(Caller caller, String id, Supplier<JsonNode> request, ProvinceConfig config) {
        Dossier before = applicantsOwn(caller, id);
        JsonNode body = request.get();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, Set.of("expectedVersion", "comment", "documents"));
        Long expected = expectedVersion(body, problems);
        String comment = problems.text(body, "comment", "comment", true, MAX_COMMENT, true);
        Procedure procedure = config.procedure(before.procedureCode()).orElse(null);
        List<Cited> cited = cited(body.get("documents"), procedure, problems);
        problems.done();
        checkVersionAndStatus(caller, before, expected, DossierAction.ANSWER_SUPPLEMENT, config);

        Instant now = clock.instant();
        List<AttachedDocument> all = new ArrayList<>(before.documents());
        all.addAll(DocumentCitations.attach(documents, caller.userId(), id, procedure, cited, now, true));
        DossierStatus resume = before.resumeStatus() != null ? before.resumeStatus()
                : StateMachine.next(before, DossierAction.ANSWER_SUPPLEMENT).orElse(DossierStatus.REGISTERED);
        Dossier.Builder next = before.toBuilder().next(now).status(resume).documents(all).openRequest(null)
                .resumeStatus(null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("files", Integer.toString(cited.size()));
        if (before.pausedAt() != null) {
            Deadlines deadlines = new Deadlines(WorkingDays.of(config));
            int paused = deadlines.pausedWorkingDays(before.pausedAt(), now);
            next.pausedAt(null).pausedWorkingDays(before.pausedWorkingDays() + paused);
            if (before.dueDate() != null) {
                next.dueDate(deadlines.shift(before.dueDate(), paused));
                details.put("dueDate", deadlines.shift(before.dueDate(), paused).toString());
            }
            details.put("pausedWorkingDays", Integer.toString(paused));
        }
        Dossier after = next.build();
        TimelineEntry entry = new TimelineEntry(id, after.version(), now, caller.userId(), ActorRole.APPLICANT,
                DossierAction.ANSWER_SUPPLEMENT, before.status(), after.status(), before.agencyId(), before.agencyId(),
                comment, null, null, details);
        String procedureName = procedure == null ? before.procedureCode() : procedure.name();
        List<NotificationJob> jobs = Notices.supplementAnswered(after, procedureName,
                officers.of(after.agencyId(), Notices.MAX_OFFICERS), now);
        return write(caller, new DossierStore.Change(before, after, entry, jobs, List.of(), null), config);
    }

    // ------------------------------------------------------------------ helpers

    /** The dossier if the caller is its applicant: 404 when they may not see it, 403 when they see it as officer/admin. */
    private Dossier applicantsOwn(Caller caller, String id) {
        Dossier dossier = store.find(id).orElseThrow(DossierErrors::notFound);
        DossierAccess access = DossierAccess.of(caller, dossier, List.of());
        if (access == DossierAccess.NONE) {
            access = DossierAccess.of(caller, dossier, store.timeline(id));
        }
        if (access == DossierAccess.NONE) {
            throw DossierErrors.notFound();
        }
        if (access != DossierAccess.APPLICANT) {
            throw new ApiException(ErrorCode.FORBIDDEN, "APPLICANT_ONLY", List.of(new FieldError("id", "APPLICANT_ONLY",
                    "Chỉ người nộp hồ sơ được thực hiện thao tác này.", "Only the applicant may do this.")), Map.of(), null);
        }
        return dossier;
    }

    private static Long expectedVersion(JsonNode body, BodyFields problems) {
        Long expected = problems.version(body);
        if (expected == null && !problems.hasErrorFor("expectedVersion")) {
            problems.error(BodyFields.required("expectedVersion"));
        }
        return expected;
    }

    private void checkVersionAndStatus(Caller caller, Dossier before, Long expected, DossierAction action,
                                       ProvinceConfig config) {
        if (expected != before.version()) {
            throw DossierErrors.versionConflict(before.version(), view(caller, before, config));
        }
        if (!StateMachine.allows(before.status(), action)) {
            throw DossierErrors.invalidTransition(before.status(), view(caller, before, config));
        }
    }

    private Viewed write(Caller caller, DossierStore.Change change, ProvinceConfig config) {
        DossierStore.UpdateResult result = store.update(change);
        if (result instanceof DossierStore.VersionConflict conflict) {
            throw DossierErrors.versionConflict(conflict.current().version(), view(caller, conflict.current(), config));
        }
        Dossier after = ((DossierStore.Updated) result).dossier();
        return new Viewed(after, view(caller, after, config));
    }

    private ObjectNode view(Caller caller, Dossier dossier, ProvinceConfig config) {
        List<TimelineEntry> timeline = store.timeline(dossier.id());
        return DossierViews.detail(dossier, timeline, config, DossierAccess.of(caller, dossier, timeline));
    }

    /** The supplement's files, checked against the procedure (at most its documents' maxFiles each). */
    private static List<Cited> cited(JsonNode node, Procedure procedure, BodyFields problems) {
        List<Cited> cited = DocumentCitations.parse(node, procedure, MAX_SUPPLEMENT_FILES, problems);
        if (procedure != null) {
            for (DocumentRequirement requirement : procedure.documents()) {
                if (DocumentCitations.count(cited, requirement.key()) > requirement.maxFiles()) {
                    problems.error("documents." + requirement.key(), "TOO_MANY_FILES", "Quá nhiều tệp cho thành phần này.",
                            "Too many files for this document.");
                }
            }
        }
        return cited;
    }
}
