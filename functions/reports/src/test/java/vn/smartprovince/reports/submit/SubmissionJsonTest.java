package vn.smartprovince.reports.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.core.Views;
import vn.smartprovince.shared.json.Json;

/**
 * The submission's JSON written by hand is, byte for byte, what Jackson wrote for the records: the
 * canonical form feeds the idempotency hash stored with a report, so a retry sent across a deploy
 * still replays; the answer is what the mini app reads.
 */
class SubmissionJsonTest {

    @Test
    void theCanonicalFormIsJacksonsSoStoredHashesStillMatch() {
        Submission full = new Submission("ROAD_DAMAGE", "Ổ gà lớn \"giữa\" đường\n", 11.3101, 106.0985,
                "12 Đường 30/4", "DEMO-P02", List.of("report-photos/pending/1/a.jpg", "report-photos/pending/1/b.png"),
                true);
        Submission bare = new Submission("LIGHTING", "Đèn hỏng", -0.5, 180.0, null, "DEMO-P01", List.of(), false);
        for (Submission submission : List.of(full, bare)) {
            assertEquals(Json.write(submission), submission.canonical());
        }
    }

    @Test
    void theAnswerIsJacksons() {
        Views.Submitted submitted = new Views.Submitted("01J0000000000000000000000", "PA-2026-000123",
                ReportStatus.ROUTED, 1, new Views.Submitted.Agency("UBND-P02", "UBND Phường Bình Minh"),
                "2026-12-10", "2026-12-06T10:00:00Z", true);
        assertEquals(Json.write(submitted), Json.write(submitted.toJson()));
        Views.Submitted noAgencyName = new Views.Submitted("r1", "PA-1", ReportStatus.ROUTED, 7,
                new Views.Submitted.Agency("A", null), "2026-12-10", "2026-12-06T10:00:00Z", false);
        assertEquals(Json.write(noAgencyName), Json.write(noAgencyName.toJson()));
    }
}
