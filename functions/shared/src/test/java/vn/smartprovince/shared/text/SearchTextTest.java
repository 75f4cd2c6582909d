package vn.smartprovince.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void vietnameseWithAndWithoutDiacriticsFoldTheSame() {
        assertEquals("uy ban nhan dan phuong tan ninh", SearchText.fold("Ủy ban Nhân dân phường Tân Ninh"));
        assertEquals("duong ho chi minh", SearchText.fold("ĐƯỜNG Hồ-Chí-Minh!"));
        String decomposed = Normalizer.normalize("Trạm y tế xã Đức Hòa", Normalizer.Form.NFD);
        assertEquals("tram y te xa duc hoa", SearchText.fold(decomposed));
        assertEquals("", SearchText.fold(null));
        assertEquals("", SearchText.fold("  --  "));
    }

    @Test
    void aQueryMatchesWhenEveryWordStartsAWord() {
        String folded = SearchText.fold("Cảnh báo lũ trên sông Vàm Cỏ Đông");
        assertTrue(SearchText.matches(folded, "vam co"));
        assertTrue(SearchText.matches(folded, "Sông VÀM"));
        assertTrue(SearchText.matches(folded, "canh bao lu"));
        assertFalse(SearchText.matches(folded, "bao lut"));
        assertFalse(SearchText.matches(folded, "am co"), "a word must start where the query's word starts");
        assertEquals(List.of("lu", "song"), SearchText.words("Lũ sông lụ song"));
    }
}
