package vn.smartprovince.dossiers.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameMaskTest {
    @Test
    void familyNameWholeOtherWordsInitials() {
        assertEquals("Nguyễn V. A.", NameMask.mask("Nguyễn Văn An"));
        assertEquals("Trần T. N. Á.", NameMask.mask("  Trần   Thị Ngọc Ánh "));
        assertEquals("Lê Đ.", NameMask.mask("Lê đức"));
        assertEquals("A.", NameMask.mask("An"), "one word: the initial only, never the whole name");
        assertEquals("Nguyễn V. A.", NameMask.mask("Nguye\u0302\u0303n Văn An"), "decomposed input is normalised");
        assertEquals("", NameMask.mask(" "));
    }
}
