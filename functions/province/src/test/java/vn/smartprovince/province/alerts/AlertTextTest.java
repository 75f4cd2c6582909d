package vn.smartprovince.province.alerts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Zalo's template rules on an alert's text: no links, no phone numbers, emergency numbers allowed. */
class AlertTextTest {
    @Test
    void linksAreFoundInTheirUsualShapes() {
        assertTrue(AlertText.hasLink("Xem https://tayninh.gov.vn/bao"));
        assertTrue(AlertText.hasLink("Xem www.tayninh.gov.vn"));
        assertTrue(AlertText.hasLink("Xem tayninh.gov.vn để biết thêm"));
        assertFalse(AlertText.hasLink("Mực nước 2.5 m, dự kiến lúc 18.30."));
    }

    @Test
    void phoneNumbersAreFoundButEmergencyNumbersAndFiguresPass() {
        assertTrue(AlertText.hasPhoneNumber("Gọi 0901234567"));
        assertTrue(AlertText.hasPhoneNumber("Gọi 0901 234 567"));
        assertTrue(AlertText.hasPhoneNumber("Gọi +84 901.234.567"));
        assertTrue(AlertText.hasPhoneNumber("Đường dây nóng 0276-3822-555"));
        assertFalse(AlertText.hasPhoneNumber("Khẩn cấp gọi 113, 114 hoặc 115."));
        assertFalse(AlertText.hasPhoneNumber("Mưa 150 mm trong 24 giờ, ngày 29/11/2026."));
    }
}
