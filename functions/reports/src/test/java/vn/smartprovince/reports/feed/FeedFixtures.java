package vn.smartprovince.reports.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;

/** Reports for the feed's unit tests, built through the core's builder. */
final class FeedFixtures {
    static final String CITIZEN = "9000000000000000001";
    static final String DESCRIPTION = "Ổ gà trước nhà tôi, Nguyễn Văn An, số 12, gọi 0912345678.";
    static final String ADDRESS = "12 Đường 30/4, nhà ông An";

    private FeedFixtures() {
    }

    static Report answered(String id, Instant answeredAt, boolean hideIdentity) {
        return new Report.Builder().id(id).trackingCode("K7M4-QX9P").provinceCode("DEMO").categoryCode("ROAD_DAMAGE")
                .description(DESCRIPTION)
                .location(new Report.Location(11.310123, 106.098456, ADDRESS, "DEMO-P02", Geohash.encode(11.310123, 106.098456, 7)))
                .photoKeys(List.of(CITIZEN + "/p1.jpg")).hideIdentity(hideIdentity).citizenId(CITIZEN)
                .agencyId("so-xay-dung").status(ReportStatus.ANSWERED).version(3)
                .createdAt(answeredAt.minusSeconds(86_400)).updatedAt(answeredAt).deadline(LocalDate.of(2026, 12, 4))
                .firstAnsweredAt(answeredAt).answeredAt(answeredAt).answerText("Đã vá ổ gà.")
                .answerPhotoKeys(List.of("report-photos/pending/8100000000000000001/a.jpg"))
                .rating(new Report.Rating(5, "Cảm ơn, tôi là An 0912345678", answeredAt.plusSeconds(60)))
                .infoRequest("Số nhà?").infoReply("Nhà tôi số 12").requestHash("hash").build();
    }
}
