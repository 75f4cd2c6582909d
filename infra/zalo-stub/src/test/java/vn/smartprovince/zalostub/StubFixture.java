package vn.smartprovince.zalostub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/** One stub per test class, with the values a province's backend would be configured with. */
final class StubFixture {
    static final String APP_ID = "1234567890";
    static final String APP_SECRET = "test-app-secret-0123456789";
    static final String OA_ID = "9000000000000000099";
    static final String OA_SECRET = "test-oa-secret-key-abcdef";
    static final String OA_ACCESS = "initial-oa-access-token";
    static final String OA_REFRESH = "initial-oa-refresh-token";

    static final ZnsTemplate RECEIVED = ZnsTemplate.enabled("900001", "Đã nhận phản ánh", 1,
            List.of("report_code", "category_name", "deadline"));
    static final ZnsTemplate CARE = ZnsTemplate.enabled("900003", "Khảo sát hài lòng", 2, List.of("report_code"));
    static final ZnsTemplate PROMO = ZnsTemplate.enabled("900004", "Tin tức tỉnh", 3, List.of("title"));
    static final ZnsTemplate PENDING = new ZnsTemplate("900005", "Chờ duyệt", 1, List.of("x"), "PENDING_REVIEW");

    static StubConfig config() {
        return StubConfig.of(APP_ID, APP_SECRET, OA_ID, OA_SECRET, OA_ACCESS, OA_REFRESH)
                .withTemplates(List.of(RECEIVED, CARE, PROMO, PENDING));
    }

    static ZaloStub start() {
        try {
            return ZaloStub.start(config(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI base(ZaloStub stub) {
        return stub.baseUri();
    }

    private StubFixture() {
    }
}
