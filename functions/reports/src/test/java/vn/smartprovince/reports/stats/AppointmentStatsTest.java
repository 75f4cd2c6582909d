package vn.smartprovince.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.fasterxml.jackson.databind.JsonNode;
import vn.smartprovince.shared.province.WorkingDays;
import vn.smartprovince.shared.stats.AppointmentCounterKeys;
import vn.smartprovince.testkit.AwsEmulatorExtension;

/**
 * The appointments block of {@code GET /v1/stats?centreId=}: counter items as functions/appointments
 * writes them (key scheme {@link AppointmentCounterKeys}), for the demo centre run by so-xay-dung.
 */
class AppointmentStatsTest {
    @RegisterExtension
    static AwsEmulatorExtension aws = DossierStatsTest.aws;
    static final String CENTRE = "ttphvhcc-tinh";
    static final String MONTH = YearMonth.now(WorkingDays.ZONE).toString();

    @BeforeAll
    static void counters() {
        DossierStatsTest.publishAProvinceWithAProcedureAndItsCounters();
        DossierStatsTest.counters(AppointmentCounterKeys.centreKey(CENTRE), AppointmentCounterKeys.TOTAL,
                DossierStatsTest.fields("booked", 10, "cancelledByCitizen", 2, "cancelledByCentre", 1, "rescheduled", 1,
                        "checkedIn", 6, "served", 4, "noShow", 2, "waitSeconds", 1500));
        DossierStatsTest.counters(AppointmentCounterKeys.centreKey(CENTRE), AppointmentCounterKeys.month(YearMonth.parse(MONTH)),
                Map.of("booked", 3));
    }

    @Test
    void aCentresAppointmentsForItsAgencysOfficersAndAdmins() {
        JsonNode answer = DossierStatsTest.stats(Map.of("centreId", CENTRE), "CITIZEN,OFFICER", "so-xay-dung");
        assertEquals(200, answer.path("statusCode").asInt(), answer.toString());
        JsonNode body = answer.path("json");
        assertEquals("CENTRE", body.path("dimension").asText());
        JsonNode a = body.path("appointments");
        assertEquals(10, a.path("booked").asInt());
        assertEquals(1, a.path("cancelledByCentre").asInt());
        assertEquals(6, a.path("checkedIn").asInt());
        assertEquals(2, a.path("noShow").asInt());
        assertEquals(0.75, a.path("showRate").asDouble(), "checkedIn / (checkedIn + noShow)");
        assertEquals(6.25, a.path("averageWaitMinutes").asDouble(), "1500 s over 4 served");

        JsonNode month = DossierStatsTest.stats(Map.of("centreId", CENTRE, "month", MONTH), "CITIZEN,PROVINCE_ADMIN", "")
                .path("json").path("appointments");
        assertEquals(3, month.path("booked").asInt());
        assertTrue(month.path("showRate").isMissingNode(), "nobody came or missed yet this month");

        assertEquals(403, DossierStatsTest.stats(Map.of("centreId", CENTRE), "CITIZEN,OFFICER", "ubnd-tan-ninh")
                .path("statusCode").asInt(), "another agency's officer");
        assertEquals(403, DossierStatsTest.stats(Map.of("centreId", CENTRE), "CITIZEN", "").path("statusCode").asInt());
        JsonNode unknown = DossierStatsTest.stats(Map.of("centreId", "no-such-centre"), "CITIZEN,PROVINCE_ADMIN", "");
        assertEquals("UNKNOWN_CENTRE", unknown.path("json").path("error").path("details").path(0).path("code").asText());
    }
}
