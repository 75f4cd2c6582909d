package vn.smartprovince.reports.core;

import static vn.smartprovince.reports.core.Actor.*;
import static vn.smartprovince.reports.core.ReportStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The report lifecycle as data: every allowed (action, from-state, actor) and the state it leads
 * to. Anything not listed is refused by the server. Tests enumerate {@link #RULES}; the officer
 * and moderation routes use {@link #find} through {@code Transitions}.
 *
 * <pre>
 * action        from                                    to            actors
 * SUBMIT        (new)                                   ROUTED        OWNER
 * WITHDRAW      ROUTED, NEEDS_INFO, REOPENED            WITHDRAWN     OWNER
 * PROVIDE_INFO  NEEDS_INFO                              IN_PROGRESS   OWNER
 * RATE          ANSWERED                                ANSWERED      OWNER            (once)
 * REOPEN        ANSWERED                                REOPENED      OWNER            (within the window)
 * ACCEPT        ROUTED, REOPENED                        IN_PROGRESS   AGENCY_OFFICER, PROVINCE_ADMIN
 * REQUEST_INFO  ROUTED, IN_PROGRESS, REOPENED           NEEDS_INFO    AGENCY_OFFICER, PROVINCE_ADMIN
 * ANSWER        ROUTED, IN_PROGRESS, REOPENED           ANSWERED      AGENCY_OFFICER, PROVINCE_ADMIN
 * TRANSFER      ROUTED, IN_PROGRESS, REOPENED           ROUTED        AGENCY_OFFICER, TRIAGE_OFFICER, PROVINCE_ADMIN
 * REJECT        ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED REJECTED    AGENCY_OFFICER, TRIAGE_OFFICER, PROVINCE_ADMIN
 * ASSIGN        ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED (unchanged) AGENCY_OFFICER, PROVINCE_ADMIN
 * </pre>
 *
 * Not transitions (no version bump, no history entry of the lifecycle): me-too support, internal
 * notes, moderation of the public view. They are separate items (see functions/reports/README.md).
 */
public final class StateMachine {

    /**
     * One allowed move.
     *
     * @param from the states it applies to; empty for {@link Action#SUBMIT} (a new report)
     * @param to   the state afterwards; null = unchanged ({@link Action#ASSIGN}, {@link Action#RATE} keeps ANSWERED explicitly)
     */
    public record Rule(Action action, Set<ReportStatus> from, ReportStatus to, Set<Actor> actors) {
        public Rule {
            from = from.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(from));
            actors = Set.copyOf(EnumSet.copyOf(actors));
        }

        /** The state after this rule applied to {@code current}. */
        public ReportStatus target(ReportStatus current) {
            return to == null ? current : to;
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(Action.SUBMIT, Set.of(), ROUTED, Set.of(OWNER)),
            new Rule(Action.WITHDRAW, Set.of(ROUTED, NEEDS_INFO, REOPENED), WITHDRAWN, Set.of(OWNER)),
            new Rule(Action.PROVIDE_INFO, Set.of(NEEDS_INFO), IN_PROGRESS, Set.of(OWNER)),
            new Rule(Action.RATE, Set.of(ANSWERED), ANSWERED, Set.of(OWNER)),
            new Rule(Action.REOPEN, Set.of(ANSWERED), REOPENED, Set.of(OWNER)),
            new Rule(Action.ACCEPT, Set.of(ROUTED, REOPENED), IN_PROGRESS, Set.of(AGENCY_OFFICER, PROVINCE_ADMIN)),
            new Rule(Action.REQUEST_INFO, Set.of(ROUTED, IN_PROGRESS, REOPENED), NEEDS_INFO,
                    Set.of(AGENCY_OFFICER, PROVINCE_ADMIN)),
            new Rule(Action.ANSWER, Set.of(ROUTED, IN_PROGRESS, REOPENED), ANSWERED, Set.of(AGENCY_OFFICER, PROVINCE_ADMIN)),
            new Rule(Action.TRANSFER, Set.of(ROUTED, IN_PROGRESS, REOPENED), ROUTED,
                    Set.of(AGENCY_OFFICER, TRIAGE_OFFICER, PROVINCE_ADMIN)),
            new Rule(Action.REJECT, Set.of(ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED), REJECTED,
                    Set.of(AGENCY_OFFICER, TRIAGE_OFFICER, PROVINCE_ADMIN)),
            new Rule(Action.ASSIGN, Set.of(ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED), null,
                    Set.of(AGENCY_OFFICER, PROVINCE_ADMIN)));

    private StateMachine() {
    }

    /** The rule letting one of {@code actors} do {@code action} in {@code current} (null = a new report). */
    public static Optional<Rule> find(Action action, ReportStatus current, Set<Actor> actors) {
        return RULES.stream()
                .filter(rule -> rule.action() == action)
                .filter(rule -> current == null ? rule.from().isEmpty() : rule.from().contains(current))
                .filter(rule -> actors.stream().anyMatch(rule.actors()::contains))
                .findFirst();
    }

    /** Whether {@code action} exists in state {@code current} for anyone (distinguishes 409 from 403/404). */
    public static boolean possibleIn(Action action, ReportStatus current) {
        return RULES.stream().anyMatch(rule -> rule.action() == action && rule.from().contains(current));
    }

    /** Whether any of {@code actors} may ever do {@code action}, whatever the state. */
    public static boolean mayEver(Action action, Set<Actor> actors) {
        return RULES.stream().anyMatch(rule -> rule.action() == action && actors.stream().anyMatch(rule.actors()::contains));
    }
}
