package vn.smartprovince.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.reports.core.ReportStatus;
import vn.smartprovince.reports.store.S3PhotoStore;
import vn.smartprovince.shared.config.Env;

/** What the reports' warm-overhead benchmarks share: an answered report, a photo signer without S3. */
public final class WarmFixtures {
    /** The sample events' request time (28 Nov 2026, 09:30 UTC): sessions valid, deadlines ahead. */
    public static final Instant EVENT_TIME = Instant.ofEpochMilli(1795858200000L);

    private WarmFixtures() {
    }

    /**
     * Signs photo links as the functions do (SigV4, no network call) with made-up credentials:
     * signing is part of a read's own work.
     */
    public static S3PhotoStore signer() {
        return S3PhotoStore.signerFromEnv(new Env(Map.of("AWS_REGION", "ap-southeast-1",
                "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                S3PhotoStore.BUCKET_VARIABLE, "report-photos")));
    }

    /** An answered report of the demo province with two photos of its own and one of the answer, as the feed shows them. */
    public static Report answered(String id, String citizenId, Instant answeredAt) {
        return new Report.Builder().id(id).trackingCode("K7M4-QX9P").provinceCode("DEMO-TNH").categoryCode("ROAD_DAMAGE")
                .description("Ổ gà lớn giữa đường trước số 12, xe máy dễ té ngã.")
                .location(new Report.Location(11.3101, 106.0985, "12 Đường 30/4, Phường Bình Minh", "DEMO-P02",
                        Geohash.encode(11.3101, 106.0985, 7)))
                .photoKeys(List.of(photo(id, 'a'), photo(id, 'b')))
                .citizenId(citizenId).agencyId("so-xay-dung").status(ReportStatus.ANSWERED).version(3)
                .createdAt(answeredAt.minusSeconds(86_400)).updatedAt(answeredAt).deadline(LocalDate.of(2026, 12, 4))
                .firstAnsweredAt(answeredAt).answeredAt(answeredAt).answerText("Đã vá ổ gà, cảm ơn bạn đã phản ánh.")
                .answerPhotoKeys(List.of(photo(id, 'c'))).build();
    }

    /** A copy of a photo under the report, named as PhotoKeys names them (24 hex digits). */
    private static String photo(String reportId, char digit) {
        return "report-photos/reports/" + reportId + "/" + String.valueOf(digit).repeat(24) + ".jpg";
    }
}
