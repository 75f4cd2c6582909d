package vn.smartprovince.reports.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.smartprovince.reports.core.Actor.*;
import static vn.smartprovince.reports.core.ReportStatus.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every (action, state, actor) combination against a table written out independently of
 * {@link StateMachine#RULES}: each allowed one leads where the table says, every other is refused.
 */
class StateMachineTest {
    /** action -> from-state ("NEW" for a new report) -> actors -> to-state. */
    private static final Map<String, ReportStatus> EXPECTED = new HashMap<>();

    private static void allow(Action action, List<String> from, List<Actor> actors, ReportStatus to) {
        for (String state : from) {
            for (Actor actor : actors) {
                EXPECTED.put(action + "|" + state + "|" + actor, to);
            }
        }
    }

    static {
        List<Actor> officers = List.of(AGENCY_OFFICER, PROVINCE_ADMIN);
        List<Actor> rerouters = List.of(AGENCY_OFFICER, TRIAGE_OFFICER, PROVINCE_ADMIN);
        allow(Action.SUBMIT, List.of("NEW"), List.of(OWNER), ROUTED);
        allow(Action.WITHDRAW, List.of("ROUTED", "NEEDS_INFO", "REOPENED"), List.of(OWNER), WITHDRAWN);
        allow(Action.PROVIDE_INFO, List.of("NEEDS_INFO"), List.of(OWNER), IN_PROGRESS);
        allow(Action.RATE, List.of("ANSWERED"), List.of(OWNER), ANSWERED);
        allow(Action.REOPEN, List.of("ANSWERED"), List.of(OWNER), REOPENED);
        allow(Action.ACCEPT, List.of("ROUTED", "REOPENED"), officers, IN_PROGRESS);
        allow(Action.REQUEST_INFO, List.of("ROUTED", "IN_PROGRESS", "REOPENED"), officers, NEEDS_INFO);
        allow(Action.ANSWER, List.of("ROUTED", "IN_PROGRESS", "REOPENED"), officers, ANSWERED);
        allow(Action.TRANSFER, List.of("ROUTED", "IN_PROGRESS", "REOPENED"), rerouters, ROUTED);
        allow(Action.REJECT, List.of("ROUTED", "IN_PROGRESS", "NEEDS_INFO", "REOPENED"), rerouters, REJECTED);
        for (String state : List.of("ROUTED", "IN_PROGRESS", "NEEDS_INFO", "REOPENED")) {
            allow(Action.ASSIGN, List.of(state), officers, ReportStatus.valueOf(state));
        }
    }

    @Test
    void everyCombinationIsAllowedExactlyAsTheTableSays() {
        List<String> states = new ArrayList<>();
        states.add("NEW");
        Arrays.stream(ReportStatus.values()).forEach(s -> states.add(s.name()));
        int allowed = 0;
        int refused = 0;
        for (Action action : Action.values()) {
            for (String state : states) {
                ReportStatus current = state.equals("NEW") ? null : ReportStatus.valueOf(state);
                for (Actor actor : Actor.values()) {
                    Optional<StateMachine.Rule> rule = StateMachine.find(action, current, Set.of(actor));
                    ReportStatus expected = EXPECTED.get(action + "|" + state + "|" + actor);
                    String what = action + " in " + state + " by " + actor;
                    assertEquals(expected != null, rule.isPresent(), what);
                    if (expected != null) {
                        assertEquals(expected, rule.get().target(current), what);
                        allowed++;
                    } else {
                        refused++;
                    }
                }
            }
        }
        assertEquals(EXPECTED.size(), allowed);
        assertEquals(Action.values().length * states.size() * Actor.values().length, allowed + refused);
    }

    @Test
    void finalStatesAllowNothingAndOnlyTheOwnerActsAsACitizen() {
        for (Action action : Action.values()) {
            for (ReportStatus state : List.of(REJECTED, WITHDRAWN)) {
                assertEquals(Optional.empty(), StateMachine.find(action, state, Set.of(Actor.values())), action + " " + state);
            }
            assertEquals(Optional.empty(), StateMachine.find(action, ROUTED, Set.of(CITIZEN)), action.name());
        }
    }

    @Test
    void openStatesAreTheOnesWaitingOnSomeone() {
        assertEquals(Set.of(ROUTED, IN_PROGRESS, NEEDS_INFO, REOPENED),
                Set.copyOf(Arrays.stream(ReportStatus.values()).filter(ReportStatus::open).toList()));
    }

    @Test
    void aCallerWithSeveralCapacitiesGetsTheUnion() {
        assertEquals(true, StateMachine.find(Action.TRANSFER, IN_PROGRESS, Set.of(CITIZEN, TRIAGE_OFFICER)).isPresent());
        assertEquals(false, StateMachine.find(Action.ACCEPT, ROUTED, Set.of(CITIZEN, TRIAGE_OFFICER)).isPresent());
    }
}
