package vn.smartprovince.dossiers.officer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.ActionNames;
import vn.smartprovince.dossiers.core.ActorRole;
import vn.smartprovince.dossiers.core.CounterDelta;
import vn.smartprovince.dossiers.core.Deadlines;
import vn.smartprovince.dossiers.core.DeskUpdate;
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
import vn.smartprovince.dossiers.core.OpenRequest;
import vn.smartprovince.dossiers.core.ProcessSheet;
import vn.smartprovince.dossiers.core.StateMachine;
import vn.smartprovince.dossiers.core.TimelineEntry;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.notify.NotificationJob;
import vn.smartprovince.shared.province.Agency;
import vn.smartprovince.shared.province.Fee;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.province.ResultDelivery;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.DossierCounterKeys;

/**
 * What the officers of the competent agency do to a dossier: intake (receive, refuse, request a
 * supplement), processing (start, transfer, request fees, stop, finish, return the result) and
 * lateness (extend, form 04). Every action, in this order:
 * <ol>
 *   <li>the caller's right ({@link OfficerAccess#toAct}): 404 / 403 before the body is read;</li>
 *   <li>the body (400 naming every bad field, nothing written); {@code expectedVersion} (or
 *       {@code If-Match}) is required;</li>
 *   <li>the lifecycle ({@link StateMachine}): 409 {@code TRANSITION_NOT_ALLOWED} with the current dossier;</li>
 *   <li>the version: 409 {@code VERSION_MISMATCH} with the current dossier;</li>
 *   <li>the step's own rules (409 {@code ALREADY_EXTENDED}, {@code PAST_DUE_DATE}…), then ONE
 *       {@link DossierStore#update} with the dossier, its timeline entry (role OFFICER), the
 *       applicant's notification jobs ({@link Notices}) and the counters ({@link DossierCounters}).</li>
 * </ol>
 * A receipt claims the agency's day sequence in the same write: when another receipt took that
 * number first ({@link DossierStore.SequenceTaken}) it reads the counter again and retries, at most
 * {@link #MAX_SEQUENCE_ATTEMPTS} times (then 503, retry later); when the dossier itself moved on
 * (someone else received it) it stops with 409 and the dossier as it is.
 */
public final class OfficerActions {
    public static final int MAX_REASON = 2_000;
    public static final int MAX_ITEM = 500;
    public static final int MAX_ITEMS = 20;
    public static final int MAX_SEQUENCE_ATTEMPTS = 40;
    static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final DossierStore store;
    private final Supplier<ProvinceConfig> configs;
    private final DocumentStore documents;
    private final Clock clock;
    private final OfficerAccess access;
    /** Set on the instance {@link #applyDesk} uses for one desk update: the system actor's context. */
    private final Desk desk;

    /** The actions on the function's adapters ({@link Wiring}): the main table, the document bucket, the configuration. */
    public static OfficerActions of(Wiring wiring) {
        return new OfficerActions(wiring.dossiers(), () -> wiring.provinceConfigs().snapshot().config(), wiring.documents(),
                wiring.clock());
    }

    /**
     * @param documents verifies result files the officer uploaded; null accepts only keys under the
     *                  dossier's prefix {@code dossiers/<id>/}
     */
    public OfficerActions(DossierStore store, Supplier<ProvinceConfig> configs, DocumentStore documents, Clock clock) {
        this.store = store;
        this.configs = configs;
        this.documents = documents;
        this.clock = clock;
        this.access = new OfficerAccess(store);
        this.desk = null;
    }

    private OfficerActions(OfficerActions actions, Desk desk) {
        this.store = actions.store;
        this.configs = actions.configs;
        this.documents = actions.documents;
        this.clock = actions.clock;
        this.access = actions.access;
        this.desk = desk;
    }

    // ------------------------------------------------------------------ the engine

    /** What a step adds besides the status: entry facts, jobs, counters, a sequence claim. */
    static final class Effects {
        final Instant at;
        final Map<String, String> details = new LinkedHashMap<>();
        final List<Function<Dossier, List<NotificationJob>>> notices = new ArrayList<>();
        final List<CounterDelta> counters = new ArrayList<>();
        String comment;
        String form;
        Boolean onTime;
        DossierStore.SequenceClaim sequence;

        Effects(Instant at) {
            this.at = at;
        }
    }

    /** A step: the rules that need the dossier, and what changes. Run again when a receipt retries. */
    @FunctionalInterface
    interface Step {
        void apply(Dossier before, Dossier.Builder after, Effects effects);
    }

    /** Reads the body (once the caller's right is established) against the dossier and the configuration. */
    @FunctionalInterface
    interface Input {
        Step read(Dossier before, ProvinceConfig config, JsonNode body, BodyFields fields);
    }

    Dossier run(Caller caller, String id, DossierAction action, Set<String> bodyFields, Supplier<JsonNode> body,
                Input input) {
        ProvinceConfig config = configs.get();     // once: the whole action sees one version
        Dossier before = desk == null ? access.toAct(caller, id) : desk.dossier;
        JsonNode json = body.get();
        BodyFields fields = new BodyFields();
        Set<String> allowed = new LinkedHashSet<>(bodyFields);
        allowed.add("expectedVersion");
        fields.onlyFields(json, "", allowed);
        Long version = fields.version(json);
        if (version == null && !fields.hasErrorFor("expectedVersion")) {
            fields.error("expectedVersion", "REQUIRED", "Thiếu phiên bản (expectedVersion hoặc If-Match).",
                    "expectedVersion (or If-Match) is required.");
        }
        Step step = input.read(before, config, json, fields);
        fields.done();
        try {
            return write(caller, before, version, action, step);
        } catch (Refusal refusal) {
            if (desk != null) {
                throw refusal;      // applyDesk decides: a refused desk update, or a retry
            }
            throw refusal.error.apply(view(caller, refusal.current, config));
        }
    }

    /** The dossier as {@code GET /v1/dossiers/{id}} shows it to {@code caller}: what every action answers. */
    public ObjectNode view(Caller caller, Dossier dossier) {
        return view(caller, dossier, configs.get());
    }

    private ObjectNode view(Caller caller, Dossier dossier, ProvinceConfig config) {
        List<TimelineEntry> timeline = store.timeline(dossier.id());
        return DossierViews.detail(dossier, timeline, config, DossierAccess.of(caller, dossier, timeline));
    }

    private Dossier write(Caller caller, Dossier before, Long version, DossierAction action, Step step) {
        for (int attempt = 1; ; attempt++) {
            DossierStatus to = StateMachine.next(before, action).orElseThrow(() -> invalidTransition(before));
            if (version != before.version()) {
                throw versionConflict(before);
            }
            Instant now = clock.instant();
            Effects effects = new Effects(now);
            Dossier.Builder builder = before.toBuilder().next(now).status(to);
            step.apply(before, builder, effects);
            if (desk != null) {
                builder.deskSequence(desk.update.deskSequence());
                effects.details.putAll(desk.details());
            }
            Dossier after = builder.build();
            TimelineEntry entry = new TimelineEntry(before.id(), after.version(), now, caller.userId(),
                    desk == null ? ActorRole.OFFICER : ActorRole.ONE_STOP, action, before.status(), after.status(),
                    before.agencyId(), after.agencyId(),
                    effects.comment, effects.form, effects.onTime, effects.details);
            List<NotificationJob> jobs = new ArrayList<>();
            effects.notices.forEach(notice -> jobs.addAll(notice.apply(after)));
            DossierStore.UpdateResult result = store.update(new DossierStore.Change(before, after, entry, jobs,
                    effects.counters, effects.sequence));
            if (result instanceof DossierStore.Updated updated) {
                return updated.dossier();
            }
            if (result instanceof DossierStore.VersionConflict conflict
                    && (conflict.current() == null || conflict.current().version() != before.version())) {
                throw versionConflict(conflict.current() == null ? before : conflict.current());
            }
            // SequenceTaken: another receipt of the same agency and day got that number; read again.
            // (A "conflict" that left the dossier at the version read was a transient transaction
            // clash on a shared item, such as a counter: try again the same way.)
            if (attempt >= MAX_SEQUENCE_ATTEMPTS) {
                throw ApiException.unavailable("dossier-sequence");
            }
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 + Math.min(attempt, 10) * 3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("dossier-sequence");
        }
    }

    static Refusal invalidTransition(Dossier current) {
        return new Refusal(current, "TRANSITION_NOT_ALLOWED",
                view -> DossierErrors.invalidTransition(current.status(), view));
    }

    static Refusal versionConflict(Dossier current) {
        return new Refusal(current, VERSION_MISMATCH, view -> DossierErrors.versionConflict(current.version(), view));
    }

    /** 409 with the dossier as it is now (rendered for the caller by {@link #run}). */
    static Refusal conflict(Dossier current, String field, String code, String vietnamese, String english) {
        return new Refusal(current, code, view -> DossierErrors.conflict(field, code, vietnamese, english, view));
    }

    private static final String VERSION_MISMATCH = "VERSION_MISMATCH";

    /** A step's 409, before the dossier in it is shown as the caller sees it ({@code error} takes that view). */
    static final class Refusal extends RuntimeException {
        final transient Dossier current;
        /** The error's stable code ({@code TRANSITION_NOT_ALLOWED}, {@code ALREADY_EXTENDED}…). */
        final String code;
        final transient java.util.function.Function<Object, ApiException> error;

        Refusal(Dossier current, String code, java.util.function.Function<Object, ApiException> error) {
            super(null, null, false, false);
            this.current = current;
            this.code = code;
            this.error = error;
        }
    }

    // ------------------------------------------------------------------ desk updates of the one-stop system

    /** What became of a desk update. */
    public enum DeskOutcome {
        /** Applied as the officer action it stands for (timeline, notices, counters as in the mini app). */
        APPLIED,
        /** Not allowed from the dossier's current status (or by a step's rule): DESK_UPDATE_REFUSED written. */
        REFUSED,
        /** Its deskSequence was applied or refused already: nothing written. */
        DUPLICATE
    }

    /** The context of one desk update on the instance that applies it. */
    private record Desk(Dossier dossier, DeskUpdate update) {
        Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("deskSequence", Integer.toString(update.deskSequence()));
            if (update.knownSequence() != null) {
                details.put("knownSequence", Integer.toString(update.knownSequence()));
            }
            details.put("updateId", update.updateId());
            return details;
        }
    }

    /**
     * Applies the desk update {@code update.deskSequence()} when it is the dossier's next
     * ({@code deskSequence + 1}; the caller keeps the order, see {@code DeskUpdates}), as the system
     * actor {@code one-stop:<officer>} with role ONE_STOP: no access check, otherwise the officer
     * action's own rules, timeline entry, applicant's notices and counters, and the dossier's
     * {@code deskSequence} advanced in the same transaction.
     *
     * <p>The conflict rule: the mini app's current state decides. A transition that the current
     * status allows applies (whatever the one-stop believed: its {@code knownSequence} goes into the
     * entry's details); one it does not allow, or that a step's rule refuses (409) or whose values
     * the action refuses (400), is refused: a {@code DESK_UPDATE_REFUSED} entry (status unchanged,
     * details deskSequence, requestedStatus, reason) written with {@code deskSequence} advanced, so
     * later updates are not blocked and the one-stop hears the dossier's status back. A concurrent
     * change of the dossier is met by reading it again and deciding again.
     *
     * @throws IllegalArgumentException when the dossier does not exist
     * @throws IllegalStateException    when {@code update} is not the dossier's next desk update
     * @throws ApiException             503 when a dependency is unavailable (the message is retried)
     */
    public DeskOutcome applyDesk(DeskUpdate update) {
        for (int attempt = 1; ; attempt++) {
            Dossier current = store.find(update.dossierId())
                    .orElseThrow(() -> new IllegalArgumentException("no dossier " + update.dossierId()));
            if (update.deskSequence() <= current.deskSequence()) {
                return DeskOutcome.DUPLICATE;
            }
            if (update.deskSequence() != current.deskSequence() + 1) {
                throw new IllegalStateException("desk update " + update.deskSequence() + " is not the next of "
                        + current.deskSequence());
            }
            String reason;
            try {
                new OfficerActions(this, new Desk(current, update)).deskAction(current, update);
                return DeskOutcome.APPLIED;
            } catch (Refusal refusal) {
                if (VERSION_MISMATCH.equals(refusal.code)) {
                    if (attempt >= MAX_SEQUENCE_ATTEMPTS) {
                        throw ApiException.unavailable("dossier-changing");
                    }
                    continue;       // changed meanwhile: decide again on what it is now
                }
                reason = refusal.code;
            } catch (ApiException e) {
                if (e.code().status() >= 500) {
                    throw e;
                }
                reason = e.details().isEmpty() ? e.code().name()
                        : "INVALID_FIELD " + e.details().get(0).field() + " " + e.details().get(0).code();
            }
            if (refuseDesk(current, update, reason)) {
                return DeskOutcome.REFUSED;
            }
            if (attempt >= MAX_SEQUENCE_ATTEMPTS) {
                throw ApiException.unavailable("dossier-changing");
            }
        }
    }

    /** The officer action the update stands for, with the body an officer would have sent. */
    private void deskAction(Dossier current, DeskUpdate update) {
        Caller actor = new Caller(update.actorId(), Set.of(vn.smartprovince.shared.auth.Role.OFFICER),
                current.agencyId() == null ? "none" : current.agencyId(), null, null, null);
        ObjectNode body = vn.smartprovince.shared.json.Json.object().put("expectedVersion", current.version());
        String comment = update.comment();
        String id = current.id();
        switch (update.action()) {
            case RECEIVE -> receive(actor, id, withText(body, "comment", comment));
            case REFUSE -> refuse(actor, id, withText(body, "reasons", comment));
            case REQUEST_SUPPLEMENT -> {
                var items = body.putArray("items");
                (update.items().isEmpty() ? List.of(comment) : update.items()).forEach(items::add);
                requestSupplement(actor, id, withText(body, "message", comment));
            }
            case START -> start(actor, id, withText(body, "comment", comment));
            case REQUEST_FEES -> {
                body.put("amountVnd", update.amountVnd());
                requestFees(actor, id, withText(body, "message", comment != null ? comment
                        : "Vui lòng thực hiện nghĩa vụ tài chính tại Bộ phận Một cửa."));
            }
            case STOP -> stop(actor, id, withText(body, "reasons", comment));
            case FINISH -> finish(actor, id, withText(body, "summary", comment != null ? comment
                    : ActionNames.vietnamese(DossierAction.FINISH) + "."));
            case RETURN_RESULT -> {
                if (update.delivery() != null) {
                    body.put("how", update.delivery().name());
                }
                returnResult(actor, id, withText(body, "comment", comment));
            }
            default -> throw new IllegalArgumentException("not a desk action: " + update.action());
        }
    }

    private static Supplier<JsonNode> withText(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
        return () -> body;
    }

    /** The refusal's entry, with deskSequence advanced; false when the dossier changed meanwhile. */
    private boolean refuseDesk(Dossier before, DeskUpdate update, String reason) {
        Instant now = clock.instant();
        Dossier after = before.toBuilder().next(now).deskSequence(update.deskSequence()).build();
        Map<String, String> details = new LinkedHashMap<>(new Desk(before, update).details());
        details.put("requestedStatus", Integer.toString(update.status().code()));
        details.put("reason", reason);
        TimelineEntry entry = new TimelineEntry(before.id(), after.version(), now, update.actorId(), ActorRole.ONE_STOP,
                DossierAction.DESK_UPDATE_REFUSED, before.status(), before.status(), before.agencyId(),
                before.agencyId(), null, null, null, details);
        return store.update(new DossierStore.Change(before, after, entry, List.of(), List.of(), null))
                instanceof DossierStore.Updated;
    }

    // ------------------------------------------------------------------ intake

    /**
     * 1 -> 2: the dossier code {@code {unitCode}-{yyMMdd}-{seq}} (the agency's day sequence, race-free),
     * receivedAt, the due date from the procedure's working days and the holiday calendar, form 01,
     * DOSSIER_RECEIVED; counters received and inProgress +1. Optional {@code comment}.
     */
    public Dossier receive(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.RECEIVE, Set.of("comment"), body, (before, config, json, fields) -> {
            String comment = fields.text(json, "comment", "comment", false, MAX_REASON, true);
            return (b, after, effects) -> {
                Procedure procedure = procedure(config, b);
                Agency agency = config.agency(b.agencyId()).orElse(null);
                if (agency == null || agency.unitCode() == null) {
                    throw conflict(b, "agencyId", "AGENCY_HAS_NO_UNIT_CODE",
                            "Cơ quan tiếp nhận chưa có mã đơn vị, không thể cấp mã hồ sơ.",
                            "The receiving agency has no national unit code for the dossier code.");
                }
                LocalDate day = Deadlines.today(effects.at);
                long last = store.lastSequence(agency.unitCode(), day);
                effects.sequence = new DossierStore.SequenceClaim(agency.unitCode(), day, last);
                String code = code(agency.unitCode(), day, effects.sequence.next());
                LocalDate due = new Deadlines(WorkingDays.of(config)).dueDate(effects.at, procedure.processingWorkingDays());
                after.code(code).receivedAt(effects.at).dueDate(due).originalDueDate(due);
                effects.comment = comment;
                effects.form = "01";
                effects.onTime = true;
                effects.details.put("code", code);
                effects.details.put(ProcessSheet.DUE_DATE, due.toString());
                effects.notices.add(d -> Notices.received(d, procedure.name(), effects.at));
                count(effects, b, DossierCounterKeys.RECEIVED, 1);
                count(effects, b, DossierCounterKeys.IN_PROGRESS, 1);
            };
        });
    }

    /** {@code {unitCode}-{yyMMdd}-{sequence, 4 digits}}. */
    public static String code(String unitCode, LocalDate day, long sequence) {
        return unitCode + "-" + CODE_DAY.format(day) + "-" + String.format(java.util.Locale.ROOT, "%04d", sequence);
    }

    /** 1 -> 3 with the reasons (form 03); DOSSIER_CLOSED; counter refused. */
    public Dossier refuse(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.REFUSE, Set.of("reasons"), body, (before, config, json, fields) -> {
            String reasons = fields.text(json, "reasons", "reasons", true, MAX_REASON, true);
            return (b, after, effects) -> {
                after.closingReason(reasons).openRequest(null).resumeStatus(null);
                effects.comment = reasons;
                effects.form = "03";
                effects.notices.add(d -> Notices.closed(d, effects.at));
                count(effects, b, DossierCounterKeys.REFUSED, 1);
            };
        });
    }

    /**
     * 1, 2, 4 -> 5: {@code items} (what is missing or wrong, required), {@code documentKeys} (the
     * procedure's documents to send again), {@code message}; form 02, DOSSIER_SUPPLEMENT_REQUESTED.
     * After receipt the legal clock pauses ({@code pausedAt}); the answer returns it to the status it
     * came from.
     */
    public Dossier requestSupplement(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.REQUEST_SUPPLEMENT, Set.of("items", "documentKeys", "message"), body,
                (before, config, json, fields) -> {
                    List<String> items = texts(fields, json, "items", true, MAX_ITEMS, MAX_ITEM);
                    List<String> documentKeys = texts(fields, json, "documentKeys", false, MAX_ITEMS, 100);
                    Procedure procedure = config.procedure(before.procedureCode()).orElse(null);
                    for (int i = 0; i < documentKeys.size(); i++) {
                        if (procedure == null || procedure.document(documentKeys.get(i)).isEmpty()) {
                            fields.error("documentKeys[" + i + "]", "UNKNOWN_DOCUMENT",
                                    "Thủ tục không có thành phần hồ sơ này.", "The procedure has no such document.");
                        }
                    }
                    String message = fields.text(json, "message", "message", false, MAX_REASON, true);
                    return (b, after, effects) -> {
                        OpenRequest request = new OpenRequest(OpenRequest.Kind.SUPPLEMENT, items, documentKeys, null,
                                message, effects.at, caller.userId());
                        after.openRequest(request).resumeStatus(b.status());
                        if (b.receivedAt() != null) {
                            after.pausedAt(effects.at);     // the clock pauses after receipt only
                        }
                        effects.comment = message;
                        effects.form = "02";
                        effects.details.putAll(request.askedDetails());     // form 02 after the answer
                        effects.notices.add(d -> Notices.supplementRequested(d, procedureName(config, d), effects.at));
                    };
                });
    }

    // ------------------------------------------------------------------ processing

    /** 2, 6 -> 4: the agency works on it (after fees: the payment is settled outside). */
    public Dossier start(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.START, Set.of("comment"), body, (before, config, json, fields) -> {
            String comment = fields.text(json, "comment", "comment", false, MAX_REASON, true);
            return (b, after, effects) -> {
                after.openRequest(null).resumeStatus(null);
                effects.comment = comment;
            };
        });
    }

    /**
     * 2, 4 -> 4 at another agency of the chain (liên thông): {@code toAgencyId} exists and differs;
     * optional {@code comment}. A handover line of form 06 (on time against the due date, kept).
     * Counters: transferredOut and inProgress -1 for the old agency, transferredIn and inProgress +1
     * for the new one.
     */
    public Dossier transfer(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.TRANSFER, Set.of("toAgencyId", "comment"), body,
                (before, config, json, fields) -> {
                    String to = fields.text(json, "toAgencyId", "toAgencyId", true, 100, false);
                    if (to != null && config.agency(to).isEmpty()) {
                        fields.error("toAgencyId", "UNKNOWN_AGENCY", "Cơ quan không tồn tại trong tỉnh.",
                                "No such agency in the province.");
                    } else if (to != null && to.equals(before.agencyId())) {
                        fields.error("toAgencyId", "SAME_AGENCY", "Hồ sơ đã ở cơ quan này.",
                                "The dossier is already with this agency.");
                    }
                    String comment = fields.text(json, "comment", "comment", false, MAX_REASON, true);
                    return (b, after, effects) -> {
                        after.agencyId(to);
                        effects.comment = comment;
                        effects.form = "06";
                        effects.onTime = Deadlines.onTime(b.dueDate(), effects.at);
                        dueDetail(effects, b);
                        countAgency(effects, b.agencyId(), DossierCounterKeys.TRANSFERRED_OUT, 1);
                        countAgency(effects, b.agencyId(), DossierCounterKeys.IN_PROGRESS, -1);
                        countAgency(effects, to, DossierCounterKeys.TRANSFERRED_IN, 1);
                        countAgency(effects, to, DossierCounterKeys.IN_PROGRESS, 1);
                    };
                });
    }

    /**
     * 2, 4 -> 6: {@code amountVnd} (> 0; defaults to the procedure's FIXED fee) and how to pay
     * ({@code message}, required); DOSSIER_FEES_REQUESTED. Payment is out of scope: start (6 -> 4)
     * or finish (6 -> 9) continues.
     */
    public Dossier requestFees(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.REQUEST_FEES, Set.of("amountVnd", "message"), body,
                (before, config, json, fields) -> {
                    Long amount = amount(fields, json);
                    if (amount == null && !fields.hasErrorFor("amountVnd")) {
                        Fee fee = config.procedure(before.procedureCode()).map(Procedure::fee).orElse(null);
                        if (fee != null && fee.kind() == Fee.Kind.FIXED && fee.amountVnd() != null && fee.amountVnd() > 0) {
                            amount = fee.amountVnd();
                        } else {
                            fields.error(BodyFields.required("amountVnd"));
                        }
                    }
                    String message = fields.text(json, "message", "message", true, MAX_REASON, true);
                    long amountVnd = amount == null ? 0 : amount;
                    return (b, after, effects) -> {
                        after.openRequest(new OpenRequest(OpenRequest.Kind.FEES, List.of(), List.of(), amountVnd,
                                message, effects.at, caller.userId())).resumeStatus(b.status());
                        effects.comment = message;
                        effects.details.put("amountVnd", Long.toString(amountVnd));
                        effects.notices.add(d -> Notices.feesRequested(d, amountVnd, effects.at));
                    };
                });
    }

    /** 2, 4, 5, 6 -> 8 with the reasons (form 05); DOSSIER_CLOSED; counters stopped +1, inProgress -1. */
    public Dossier stop(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.STOP, Set.of("reasons"), body, (before, config, json, fields) -> {
            String reasons = fields.text(json, "reasons", "reasons", true, MAX_REASON, true);
            return (b, after, effects) -> {
                closePause(config, b, after, effects.at);
                after.closingReason(reasons).openRequest(null).resumeStatus(null);
                effects.comment = reasons;
                effects.form = "05";
                effects.notices.add(d -> Notices.closed(d, effects.at));
                count(effects, b, DossierCounterKeys.STOPPED, 1);
                count(effects, b, DossierCounterKeys.IN_PROGRESS, -1);
            };
        });
    }

    /**
     * 4, 6 -> 9 with the result: {@code summary} (required) and {@code resultFileKey} (required for
     * ONLINE delivery; a file the officer uploaded). Result onTime against the due date,
     * workingDaysTaken from the receipt, pauses excluded. Counters finished, finishedOnTime or
     * finishedLate, workingDaysToResult, inProgress -1; DOSSIER_RESULT_READY.
     */
    public Dossier finish(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.FINISH, Set.of("summary", "resultFileKey"), body,
                (before, config, json, fields) -> {
                    String summary = fields.text(json, "summary", "summary", true, MAX_REASON, true);
                    // The desk's result lives in the one-stop system: no file of ours is required.
                    boolean online = desk == null && before.resultDelivery() == ResultDelivery.ONLINE;
                    String fileKey = fields.text(json, "resultFileKey", "resultFileKey", online, 512, false);
                    return (b, after, effects) -> {
                        String kept = fileKey == null ? null : keepResultFile(caller, b, fileKey);
                        Deadlines deadlines = new Deadlines(WorkingDays.of(config));
                        boolean onTime = Deadlines.onTime(b.dueDate(), effects.at);
                        int taken = b.receivedAt() == null ? 0
                                : deadlines.workingDaysTaken(b.receivedAt(), effects.at, b.pausedWorkingDays());
                        after.result(new Dossier.Result(summary, kept, onTime, taken)).finishedAt(effects.at)
                                .openRequest(null).resumeStatus(null);
                        effects.comment = summary;
                        effects.onTime = onTime;
                        dueDetail(effects, b);
                        effects.details.put("workingDaysTaken", Integer.toString(taken));
                        effects.notices.add(d -> Notices.resultReady(d, procedureName(config, d), effects.at));
                        count(effects, b, DossierCounterKeys.FINISHED, 1);
                        count(effects, b, onTime ? DossierCounterKeys.FINISHED_ON_TIME : DossierCounterKeys.FINISHED_LATE, 1);
                        count(effects, b, DossierCounterKeys.WORKING_DAYS_TO_RESULT, taken);
                        count(effects, b, DossierCounterKeys.IN_PROGRESS, -1);
                    };
                });
    }

    /**
     * 9 -> 10: {@code how} (DESK, POST or ONLINE, one of the procedure's; defaults to the applicant's
     * choice); ONLINE needs the result file. DOSSIER_RETURNED; counter returned.
     */
    public Dossier returnResult(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.RETURN_RESULT, Set.of("how", "comment"), body,
                (before, config, json, fields) -> {
                    ResultDelivery how = fields.oneOf(json, "how", "how", ResultDelivery.values(), false);
                    if (how == null && !fields.hasErrorFor("how")) {
                        how = before.resultDelivery();
                    }
                    Procedure procedure = config.procedure(before.procedureCode()).orElse(null);
                    if (how != null && procedure != null && !procedure.resultDeliveries().contains(how)) {
                        fields.error("how", "NOT_OFFERED", "Thủ tục không trả kết quả theo cách này.",
                                "The procedure does not return results this way.");
                    }
                    if (how == null && !fields.hasErrorFor("how")) {
                        fields.error(BodyFields.required("how"));
                    }
                    String comment = fields.text(json, "comment", "comment", false, MAX_REASON, true);
                    ResultDelivery delivery = how;
                    return (b, after, effects) -> {
                        if (delivery == ResultDelivery.ONLINE && (b.result() == null || b.result().fileKey() == null)) {
                            throw conflict(b, "how", "NO_RESULT_FILE", "Hồ sơ chưa có tệp kết quả để trả trực tuyến.",
                                    "The dossier has no result file to return online.");
                        }
                        after.returnedAt(effects.at).resultDelivery(delivery);
                        effects.comment = comment;
                        effects.onTime = Deadlines.onTime(b.dueDate(), effects.at);
                        dueDetail(effects, b);
                        effects.details.put("how", delivery.name());
                        effects.notices.add(d -> Notices.returned(d, effects.at));
                        count(effects, b, DossierCounterKeys.RETURNED, 1);
                    };
                });
    }

    // ------------------------------------------------------------------ lateness

    /**
     * Form 04, the apology and a new date: only up to the due date (today <= dueDate, else 409
     * {@code PAST_DUE_DATE}), only once (409 {@code ALREADY_EXTENDED}); {@code newDueDate} after the
     * current due date and a working day; {@code reason} required. DOSSIER_LATE; counter extended.
     */
    public Dossier extend(Caller caller, String id, Supplier<JsonNode> body) {
        return run(caller, id, DossierAction.EXTEND, Set.of("newDueDate", "reason"), body,
                (before, config, json, fields) -> {
                    String text = fields.text(json, "newDueDate", "newDueDate", true, 10, false);
                    LocalDate newDue = null;
                    if (text != null) {
                        try {
                            newDue = LocalDate.parse(text);
                        } catch (DateTimeParseException e) {
                            fields.error("newDueDate", "INVALID_FORMAT", "Ngày phải có dạng YYYY-MM-DD.",
                                    "A date is YYYY-MM-DD.");
                        }
                    }
                    if (newDue != null && !WorkingDays.of(config).isWorkingDay(newDue)) {
                        fields.error("newDueDate", "NOT_A_WORKING_DAY", "Ngày hẹn mới phải là ngày làm việc.",
                                "The new date must be a working day.");
                    }
                    if (newDue != null && before.dueDate() != null && !newDue.isAfter(before.dueDate())) {
                        fields.error("newDueDate", "NOT_AFTER_DUE_DATE", "Ngày hẹn mới phải sau ngày hẹn hiện tại.",
                                "The new date must be after the current due date.");
                    }
                    String reason = fields.text(json, "reason", "reason", true, MAX_REASON, true);
                    LocalDate due = newDue;
                    return (b, after, effects) -> {
                        if (b.extension() != null) {
                            throw conflict(b, "extension", "ALREADY_EXTENDED", "Hồ sơ đã được gia hạn một lần.",
                                    "The dossier was already extended once.");
                        }
                        if (b.dueDate() == null || Deadlines.today(effects.at).isAfter(b.dueDate())) {
                            throw conflict(b, "dueDate", "PAST_DUE_DATE",
                                    "Chỉ gia hạn được trước hoặc trong ngày hẹn trả kết quả.",
                                    "An extension is only possible up to the due date.");
                        }
                        after.extension(new Dossier.Extension(b.dueDate(), due, reason, effects.at, caller.userId()))
                                .dueDate(due);
                        effects.comment = reason;
                        effects.form = "04";
                        effects.details.put("previousDueDate", b.dueDate().toString());
                        effects.details.put("newDueDate", due.toString());
                        effects.notices.add(d -> Notices.late(d, due, effects.at));
                        count(effects, b, DossierCounterKeys.EXTENDED, 1);
                    };
                });
    }

    // ------------------------------------------------------------------ helpers

    private static Procedure procedure(ProvinceConfig config, Dossier dossier) {
        return config.procedure(dossier.procedureCode()).orElseThrow(() -> conflict(dossier, "procedureCode",
                "UNKNOWN_PROCEDURE", "Thủ tục của hồ sơ không còn trong danh mục.",
                "The dossier's procedure is no longer in the catalogue."));
    }

    private static String procedureName(ProvinceConfig config, Dossier dossier) {
        return config.procedure(dossier.procedureCode()).map(Procedure::name).orElse(dossier.procedureCode());
    }

    /** {@code field} (a {@link DossierCounterKeys} constant) += amount, for the dossier's agency, procedure, commune, province. */
    private static void count(Effects effects, Dossier dossier, String field, long amount) {
        effects.counters.addAll(DossierCounters.add(dossier, effects.at, field, amount));
    }

    /** {@code field} += amount for one agency only (a transfer moves work between agencies, not procedures). */
    private static void countAgency(Effects effects, String agencyId, String field, long amount) {
        effects.counters.addAll(DossierCounters.addForAgency(agencyId, effects.at, field, amount));
    }

    private static void dueDetail(Effects effects, Dossier before) {
        if (before.dueDate() != null) {
            effects.details.put(ProcessSheet.DUE_DATE, before.dueDate().toString());
        }
    }

    /** A pause ends with the dossier (stopped while a supplement was awaited): its working days are kept. */
    private static void closePause(ProvinceConfig config, Dossier before, Dossier.Builder after, Instant at) {
        if (before.pausedAt() != null) {
            int days = new Deadlines(WorkingDays.of(config)).pausedWorkingDays(before.pausedAt(), at);
            after.pausedAt(null).pausedWorkingDays(before.pausedWorkingDays() + days);
        }
    }

    /**
     * The result file as kept: an upload of the officer, verified and copied under the dossier's
     * prefix (the pending upload itself expires a day later).
     */
    private String keepResultFile(Caller caller, Dossier dossier, String fileKey) {
        if (documents != null) {
            return documents.attach(dossier.id(), documents.verify(caller.userId(), List.of(fileKey), "resultFileKey")).get(0);
        } else if (!fileKey.startsWith("dossiers/" + dossier.id() + "/") || fileKey.contains("..")) {
            throw ApiException.invalid(new FieldError("resultFileKey", "UNKNOWN_FILE",
                    "Không tìm thấy tệp kết quả đã tải lên.", "No such uploaded result file."));
        }
        return fileKey;
    }

    private static Long amount(BodyFields fields, JsonNode json) {
        JsonNode node = json.get("amountVnd");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            fields.error("amountVnd", "INVALID_TYPE", "Phải là một số nguyên (đồng).", "Must be a whole number of đồng.");
            return null;
        }
        long value = node.longValue();
        if (value <= 0 || value > 1_000_000_000_000L) {
            fields.error("amountVnd", "OUT_OF_RANGE", "Số tiền phải lớn hơn 0.", "The amount must be more than 0.");
            return null;
        }
        return value;
    }

    /** A list of short texts; required lists must have at least one. */
    static List<String> texts(BodyFields fields, JsonNode json, String name, boolean required, int maxItems, int maxChars) {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                fields.error(BodyFields.required(name));
            }
            return List.of();
        }
        if (!node.isArray()) {
            fields.error(name, "INVALID_TYPE", "Phải là một danh sách.", "Must be an array.");
            return List.of();
        }
        if (required && node.isEmpty()) {
            fields.error(name, "REQUIRED", "Cần ít nhất một mục.", "At least one item is required.");
            return List.of();
        }
        if (node.size() > maxItems) {
            fields.error(name, "TOO_MANY", "Tối đa " + maxItems + " mục.", "At most " + maxItems + " items.");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode item = vn.smartprovince.shared.json.Json.object();
            item.set("value", node.get(i));
            String value = fields.text(item, "value", name + "[" + i + "]", true, maxChars, false);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
