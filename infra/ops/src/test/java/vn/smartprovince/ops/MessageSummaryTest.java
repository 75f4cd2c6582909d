package vn.smartprovince.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What infra/bin/dlq peek says of a parked alert fan-out page: which alert, commune and page, nothing else. */
class MessageSummaryTest {
    @Test
    void anAlertFanOutPageShowsItsAlertCommuneAndPage() {
        MessageSummary summary = MessageSummary.of(
                "{\"alertId\":\"alaaaaaaaaaaaaaaaaaaaaaaaa\",\"areaCode\":\"DEMO-P01\",\"page\":3,\"cursor\":\"9000\"}", null);
        assertEquals("alert-fan-out", summary.kind());
        assertEquals(List.of("alertId=alaaaaaaaaaaaaaaaaaaaaaaaa", "areaCode=DEMO-P01", "page=3"), summary.facts());
    }
}
