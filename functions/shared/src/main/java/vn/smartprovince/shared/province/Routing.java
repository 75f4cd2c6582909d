package vn.smartprovince.shared.province;

import java.util.List;

/** Routing rules, and the triage agency that gets every report no rule matches. */
public record Routing(String triageAgencyId, List<RoutingRule> rules) {
    public Routing {
        rules = List.copyOf(rules);
    }
}
