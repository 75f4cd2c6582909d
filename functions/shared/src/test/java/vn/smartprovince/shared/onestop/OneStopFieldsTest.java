package vn.smartprovince.shared.onestop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneStopFieldsTest {

    @Test
    void defaultNamesAreTheNationalOnesAndDistinct() {
        assertEquals(OneStopFields.DEFAULTS.size(), new HashSet<>(OneStopFields.DEFAULTS.values()).size());
        assertEquals("MaHoSo", OneStopFields.NATIONAL.name(OneStopFields.DOSSIER_CODE));
        assertEquals("TrangThaiHoSo", OneStopFields.NATIONAL.name(OneStopFields.STATUS));
        assertSame(OneStopFields.NATIONAL, OneStopFields.of(Map.of()));
    }

    @Test
    void renamesOnlyWhatTheProvinceNames() {
        OneStopFields fields = OneStopFields.of(Map.of(OneStopFields.DOSSIER_CODE, "SoHoSo"));
        assertEquals("SoHoSo", fields.name(OneStopFields.DOSSIER_CODE));
        assertEquals("IdHoSoNguon", fields.name(OneStopFields.DOSSIER_ID));
        assertThrows(IllegalArgumentException.class, () -> OneStopFields.of(Map.of("nope", "X")));
        assertThrows(IllegalArgumentException.class, () -> OneStopFields.of(Map.of(OneStopFields.DOSSIER_CODE, "SoThuTu")));
        assertThrows(IllegalArgumentException.class, () -> fields.name("nope"));
    }
}
