package vn.smartprovince.shared.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhoneNumbersAndTextTest {
    @Test
    void mobileNumbersInEveryUsualSpellingBecome84() {
        assertEquals(Optional.of("84912345678"), PhoneNumbers.mobile("0912345678"));
        assertEquals(Optional.of("84912345678"), PhoneNumbers.mobile("+84 912 345 678"));
        assertEquals(Optional.of("84912345678"), PhoneNumbers.mobile("84-912.345.678"));
        assertEquals(Optional.of("84387654321"), PhoneNumbers.mobile("(038) 765 4321"));
        assertTrue(PhoneNumbers.mobile("091234567").isEmpty());     // one digit short
        assertTrue(PhoneNumbers.mobile("02763822123").isEmpty());   // a fixed line is no Zalo account
        assertTrue(PhoneNumbers.mobile("0912 345 67a").isEmpty());
        assertTrue(PhoneNumbers.mobile("113").isEmpty());
    }

    @Test
    void contactNumbersAlsoTakeFixedLinesAndServiceNumbers() {
        assertEquals(Optional.of("842763822123"), PhoneNumbers.contact("0276 3822 123"));
        assertEquals(Optional.of("84912345678"), PhoneNumbers.contact("0912345678"));
        assertEquals(Optional.of("113"), PhoneNumbers.contact("113"));
        assertEquals(Optional.of("19001234"), PhoneNumbers.contact("1900 1234"));
        assertTrue(PhoneNumbers.contact("12").isEmpty());
        assertTrue(PhoneNumbers.contact("call us").isEmpty());
    }

    @Test
    void maskedShowsOnlyTheCountryCodeAndLastFourDigits() {
        assertEquals("84*****5678", PhoneNumbers.masked("84912345678"));
    }

    @Test
    void textIsTrimmedNfcAndCountedInCharacters() {
        String decomposed = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        assertEquals("Nguyễn", TextRules.normalise(" \u00a0" + decomposed + "\n"));
        assertEquals("Văn An", TextRules.normalise("\ufeff\u200bVăn An\u202f"));
        assertEquals("", TextRules.normalise(" \u00a0 "));
        assertEquals(6, TextRules.length("Nguyễn"));
        assertEquals(2, TextRules.length("😀😀"));
        assertEquals(-1, TextRules.firstControlCharacter("a\nb", true));
        assertEquals(1, TextRules.firstControlCharacter("a\nb", false));
        assertEquals(2, TextRules.firstControlCharacter("😀a\u0000", false));
        assertEquals(1, TextRules.firstControlCharacter("a\tb", true));
    }

    @Test
    void foldIgnoresDiacriticsCaseAndSpacing() {
        assertEquals("dang ky khai sinh", TextRules.fold("Đăng ký khai sinh"));
        assertEquals(TextRules.fold("Đăng ký khai sinh"), TextRules.fold("dang ky khai sinh"));
        assertEquals(TextRules.fold("ĐĂNG  KÝ\tKHAI SINH "), TextRules.fold("dang ky khai sinh"));
        // Decomposed input (some keyboards) folds the same as precomposed.
        assertEquals("nguyen", TextRules.fold(Normalizer.normalize("Nguyễn", Normalizer.Form.NFD)));
        assertEquals("xac nhan thong tin ve cu tru", TextRules.fold("Xác nhận thông tin về cư trú"));
        assertEquals("chung thuc ban sao tu ban chinh", TextRules.fold("Chứng thực bản sao từ bản chính"));
        assertTrue(TextRules.fold("Cấp giấy phép xây dựng nhà ở riêng lẻ").contains(TextRules.fold("giay phep XAY DUNG")));
        assertEquals("1.001193.000.00.00.h56", TextRules.fold("1.001193.000.00.00.H56"));
        assertEquals("", TextRules.fold("  \u00a0 "));
    }
}
