package vn.smartprovince.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.testkit.RepoRoot;

/** The cold-start table can measure every function, and reads back the ratios it wrote. */
class ColdStartTableTest {

    @Test
    void everyFunctionOfTheTemplateHasASampleEvent() throws Exception {
        Path root = RepoRoot.get();
        Template template = Template.load(root.resolve("template.yaml"));
        Map<String, ColdStartTable.EventChoice> choices =
                ColdStartTable.eventChoices(root.resolve(ColdStartTable.EVENTS_FILE));
        List<String> missing = new ArrayList<>();
        List<FunctionSpec> functions = FunctionSpec.all(template);
        for (FunctionSpec spec : functions) {
            if (choices.containsKey(spec.logicalId())) {
                continue;
            }
            try {
                ColdStartBenchmark.defaultEvent(spec, root);
            } catch (ColdStartBenchmark.Failure e) {
                missing.add(spec.logicalId());
            }
        }
        assertTrue(functions.size() > 100, "the template's functions: " + functions.size());
        assertEquals(List.of(), missing, "functions without a sample event: add one to events/ (with the route's"
                + " routeKey) or name it in " + ColdStartTable.EVENTS_FILE);
        for (String function : choices.keySet()) {
            assertTrue(functions.stream().anyMatch(f -> f.logicalId().equals(function)),
                    ColdStartTable.EVENTS_FILE + " names " + function + ", which the template does not have");
        }
    }

    @Test
    void aRatioOfThePreviousPageIsReadBackIncludingAMissedGoal(@TempDir Path folder) throws Exception {
        Path page = folder.resolve("cold-starts.md");
        Files.writeString(page, String.join("\n",
                "| module | function | trigger | event | status | wall ms | floor ms | ratio | CPU ms |",
                "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
                "| health | `HealthFunction` | GET /v1/health | events/health-get.json | 200 | 412 | 61 | 6.8x | 390 |",
                "| reports | `SubmitReportFunction` | POST /v1/reports | events/reports-submit.json | 201 | 1,042 | 39"
                        + " | **26.9x** | 1,230 |",
                "| identity | `SignInFunction` | POST /v1/auth/zalo | - | - | | | | |"));
        assertEquals(Map.of("HealthFunction", 6.8, "SubmitReportFunction", 26.9),
                ColdStartTable.previousRatios(page));
    }
}
