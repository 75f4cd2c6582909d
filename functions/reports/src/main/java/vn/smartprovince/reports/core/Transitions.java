package vn.smartprovince.reports.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.auth.Role;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * The one way a report changes state, for the citizen routes here and the officer routes to
 * come: who may act ({@link #actorsOf}), whether the state machine allows it, the version check,
 * then ONE transaction with the report, its history entry, its notification jobs and counters.
 *
 * <p>Refusals, the same everywhere:
 * <ul>
 *   <li>404 {@code NOT_FOUND}: no such report, or a citizen who is not its owner (existence not revealed);</li>
 *   <li>403 {@code FORBIDDEN} / {@code NOT_AN_OFFICER_OF_AGENCY}: an officer of another agency, or a
 *       role that may never do this action;</li>
 *   <li>409 {@code CONFLICT}, detail {@code status}/{@code TRANSITION_NOT_ALLOWED}: not allowed in the
 *       current state (also rule refusals such as {@code ALREADY_RATED}, {@code REOPEN_WINDOW_CLOSED});
 *       {@code version}/{@code VERSION_MISMATCH}: the report moved on since the version the client sent,
 *       or another action won the race. {@code error.current} holds the report as it is now.</li>
 * </ul>
 */
public final class Transitions {
    private final ReportStore store;
    private final ProvinceSource province;
    private final Clock clock;

    public Transitions(ReportStore store, ProvinceSource province, Clock clock) {
        this.store = store;
        this.province = province;
        this.clock = clock;
    }

    /** What a transition does besides the state: fields, jobs, counters. May refuse with {@link #refuse}. */
    @FunctionalInterface
    public interface Step {
        void apply(Report before, Report.Builder after, Effects effects);
    }

    /** Collected by a {@link Step}: the jobs and counter changes of the transition, the reason in the history. */
    public static final class Effects {
        final List<ReportNotice> notices = new ArrayList<>();
        final List<CounterDelta> counters = new ArrayList<>();
        final Instant at;
        String reason;

        Effects(Instant at) {
            this.at = at;
        }

        public Instant at() {
            return at;
        }

        public Effects reason(String text) {
            reason = text;
            return this;
        }

        public Effects notify(ReportNotice notice) {
            notices.add(notice);
            return this;
        }

        public Effects count(List<CounterDelta> deltas) {
            counters.addAll(deltas);
            return this;
        }
    }

    /** The capacities {@code caller} holds on {@code report}. */
    public Set<Actor> actorsOf(Caller caller, Report report) {
        return actorsOf(caller, report, province.config());
    }

    /** {@link #actorsOf(Caller, Report)} against the request's configuration. */
    public static Set<Actor> actorsOf(Caller caller, Report report, ProvinceConfig config) {
        Set<Actor> actors = EnumSet.of(Actor.CITIZEN);
        if (caller.userId().equals(report.citizenId())) {
            actors.add(Actor.OWNER);
        }
        if (report.agencyId() != null && caller.isOfficerOf(report.agencyId())) {
            actors.add(Actor.AGENCY_OFFICER);
        }
        if (caller.isOfficerOf(config.routing().triageAgencyId())) {
            actors.add(Actor.TRIAGE_OFFICER);
        }
        if (caller.isProvinceAdmin()) {
            actors.add(Actor.PROVINCE_ADMIN);
        }
        return actors;
    }

    /** Whether {@code caller} sees the whole report (owner, its agency's or the triage desk's officers, admins). */
    public boolean seesEverything(Set<Actor> actors) {
        return actors.contains(Actor.OWNER) || actors.contains(Actor.AGENCY_OFFICER)
                || actors.contains(Actor.TRIAGE_OFFICER) || actors.contains(Actor.PROVINCE_ADMIN);
    }

    /** The report, if {@code caller} may see all of it; 404 otherwise (someone else's report is not revealed). */
    public Report load(String reportId, Caller caller) {
        Report report = Ids.valid(reportId) ? store.find(reportId).orElse(null) : null;
        if (report == null || !seesEverything(actorsOf(caller, report))) {
            throw notFound();
        }
        return report;
    }

    /**
     * What the caller asks, read from the request only once the caller's right to the report is
     * established (so someone without it gets the same 404/403 whatever they sent): checks the
     * input (400 naming every field) and answers the expected version and the step to run.
     */
    @FunctionalInterface
    public interface Input {
        Change read(Report before);
    }

    /**
     * An {@link Input} that also needs the province configuration: it gets the one the action
     * took (once, at its start), so that the whole request is served from one version.
     */
    @FunctionalInterface
    public interface ConfiguredInput {
        Change read(Report before, ProvinceConfig config);
    }

    /** A checked request: {@code expectedVersion} null = whatever version is read. */
    public record Change(Long expectedVersion, Step step) {
    }

    /** The report and the capacities of a caller allowed to do {@code action} to it (maybe not in its current state). */
    public record Authorized(Report report, Set<Actor> actors) {
    }

    /**
     * The caller's right to do {@code action} to the report, before anything of the request is
     * read: 404 when there is no such report or the caller may not see it (a citizen who does not
     * own it), 403 {@code NOT_AN_OFFICER_OF_AGENCY} for an officer of another agency, 403
     * {@code ACTION_NOT_PERMITTED} when none of the caller's capacities may ever do the action.
     */
    public Authorized authorize(Caller caller, String reportId, Action action) {
        return authorize(caller, reportId, action, province.config());
    }

    private Authorized authorize(Caller caller, String reportId, Action action, ProvinceConfig config) {
        Report report = Ids.valid(reportId) ? store.find(reportId).orElse(null) : null;
        if (report == null) {
            throw notFound();
        }
        Set<Actor> actors = actorsOf(caller, report, config);
        if (!seesEverything(actors)) {
            if (caller.has(Role.OFFICER)) {
                throw otherAgency();
            }
            throw notFound();
        }
        if (!StateMachine.mayEver(action, actors)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "ACTION_NOT_PERMITTED", List.of(new FieldError("action",
                    "ACTION_NOT_PERMITTED", "Bạn không được thực hiện thao tác này với phản ánh.",
                    "You may not do this to the report.")), Map.of(), null);
        }
        return new Authorized(report, actors);
    }

    /** 403 for an officer acting on a report of another agency. */
    public static ApiException otherAgency() {
        return new ApiException(ErrorCode.FORBIDDEN, "NOT_AN_OFFICER_OF_AGENCY", List.of(new FieldError("agencyId",
                "NOT_AN_OFFICER_OF_AGENCY", "Phản ánh này thuộc cơ quan khác.",
                "This report belongs to another agency.")), Map.of(), null);
    }

    /**
     * Applies {@code action} to the report for {@code caller}: checks, runs {@code step}, writes
     * atomically. {@code expectedVersion} null = whatever version is read (the race is still
     * caught: the write is conditional on the version read).
     */
    public Report apply(Caller caller, String reportId, Action action, Long expectedVersion, Step step) {
        return apply(caller, reportId, action, before -> new Change(expectedVersion, step));
    }

    /**
     * Applies {@code action} in this order: the caller's right ({@link #authorize}: 404/403), then
     * the request ({@code input}: 400), then the lifecycle (409 {@code TRANSITION_NOT_ALLOWED}) and
     * the version (409 {@code VERSION_MISMATCH}); then the step and ONE conditional write.
     */
    public Report apply(Caller caller, String reportId, Action action, Input input) {
        return apply(caller, reportId, action, (before, config) -> input.read(before));
    }

    /** {@link #apply(Caller, String, Action, Input)} whose input is read against the action's configuration. */
    public Report apply(Caller caller, String reportId, Action action, ConfiguredInput input) {
        ProvinceConfig config = province.config();   // once: the whole action sees one version
        Authorized authorized = authorize(caller, reportId, action, config);
        Report before = authorized.report();
        Set<Actor> actors = authorized.actors();
        Change change = input.read(before, config);
        Long expectedVersion = change.expectedVersion();
        StateMachine.Rule rule = StateMachine.find(action, before.status(), actors).orElseThrow(() -> refuse(before,
                "status", "TRANSITION_NOT_ALLOWED", "Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh.",
                "This action is not allowed in the report's current status."));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw versionConflict(before);
        }
        Instant now = clock.instant();
        Effects effects = new Effects(now);
        Report.Builder builder = before.toBuilder().status(rule.target(before.status()))
                .version(before.version() + 1).updatedAt(now);
        change.step().apply(before, builder, effects);
        Report after = builder.build();
        Actor actor = primaryActor(actors, rule);
        HistoryEntry entry = new HistoryEntry(before.id(), after.version(), now, caller.userId(), actor, action,
                before.status(), after.status(), effects.reason, before.agencyId(), after.agencyId());
        try {
            store.apply(new ReportChange(before, after, entry, effects.notices, effects.counters));
        } catch (ReportStore.VersionConflict e) {
            throw versionConflict(store.find(reportId).orElse(before));
        }
        return after;
    }

    /** The capacity recorded in the history: the most specific one the rule accepts. */
    static Actor primaryActor(Set<Actor> actors, StateMachine.Rule rule) {
        for (Actor candidate : List.of(Actor.OWNER, Actor.AGENCY_OFFICER, Actor.TRIAGE_OFFICER, Actor.PROVINCE_ADMIN,
                Actor.SYSTEM, Actor.CITIZEN)) {
            if (actors.contains(candidate) && rule.actors().contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no actor of the rule");
    }

    /** 409 with the report's current state: the action is refused by a rule of the lifecycle. */
    public static ApiException refuse(Report current, String field, String code, String vietnamese, String english) {
        return new ApiException(ErrorCode.CONFLICT, code, List.of(new FieldError(field, code, vietnamese, english)),
                Map.of(), Views.ReportDetail.of(current, null));
    }

    static ApiException versionConflict(Report current) {
        return refuse(current, "version", "VERSION_MISMATCH", "Phản ánh vừa được cập nhật, vui lòng tải lại.",
                "The report changed in the meantime; reload it.");
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, null);
    }
}
