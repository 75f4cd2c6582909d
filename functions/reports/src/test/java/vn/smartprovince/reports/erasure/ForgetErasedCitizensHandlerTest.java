package vn.smartprovince.reports.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.smartprovince.reports.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.TrackingCodes;
import vn.smartprovince.reports.store.DynamoDbReportStore;
import vn.smartprovince.reports.store.ReportItems;
import vn.smartprovince.reports.submit.SubmitReport;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.testkit.Events;

/**
 * {@code ForgetErasedCitizensFunction} against the emulator, driven by
 * events/reports-forget-erased-citizen.json: a TTL deletion, the profile citizen 1 deleted with
 * DELETE /v1/me, a TTL deletion of another profile. Only citizen 1's reports are forgotten.
 */
class ForgetErasedCitizensHandlerTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    @Test
    void aDeletedProfilesReportsLoseTheirOwnerInTheTableTtlDeletionsChangeNothing() throws Exception {
        DynamoDbReportStore store = new DynamoDbReportStore(aws.dynamoDb(), aws.tableName("MainTable"));
        SubmitReport submit = new SubmitReport(store, () -> DEMO, new Photos(), (a, l) -> List.of(), new TrackingCodes(),
                Clock.systemUTC());
        Report erased = submit.submit(citizen(CITIZEN), body(), null).report();
        Report expired = submit.submit(citizen("9000000000000000003"), body(), null).report();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ForgetErasedCitizensHandler(aws.env("ForgetErasedCitizensFunction")).handleRequest(
                new ByteArrayInputStream(Events.load("reports-forget-erased-citizen.json").getBytes(StandardCharsets.UTF_8)),
                out, null);
        JsonNode answer = Json.read(out.toString(StandardCharsets.UTF_8));
        assertEquals(0, answer.path("batchItemFailures").size(), answer.toString());

        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("MainTable"))
                .key(ReportItems.key(ReportItems.reportKey(erased.id()), ReportItems.REPORT))).item();
        assertEquals(Report.ERASED_CITIZEN, item.get("citizenId").s());
        for (String gone : List.of("gsi1pk", "gsi1sk", "address")) {
            assertFalse(item.containsKey(gone), gone + " still in " + item);
        }
        assertEquals(erased.description(), item.get("description").s());
        assertEquals(Report.ERASED_CITIZEN, store.history(erased.id()).get(0).actorId());
        assertEquals(List.of(), store.mine(CITIZEN, null, 10).reports());

        Report untouched = store.find(expired.id()).orElseThrow();
        assertEquals("9000000000000000003", untouched.citizenId(), "a TTL deletion is not an erasure");
        assertEquals(expired.location().address(), untouched.location().address());
    }
}
