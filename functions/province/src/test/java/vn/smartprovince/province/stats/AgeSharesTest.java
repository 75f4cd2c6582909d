package vn.smartprovince.province.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Over 45 from birth-year counters, computed for the year asked. */
class AgeSharesTest {

    @Test
    void overFortyFiveIsBornMoreThanFortyFiveYearsBeforeTheYear() {
        Map<String, Long> item = Map.of("users", 10L, "unknownBirthYear", 2L, "y1980", 3L, "y1981", 4L, "y2000", 1L);
        AgeShares.Ages in2026 = AgeShares.of(item, 2026);
        assertEquals(10, in2026.users());
        assertEquals(8, in2026.knownBirthYear());
        assertEquals(2, in2026.unknownBirthYear());
        assertEquals(3, in2026.over45(), "born 1980: 46 in 2026; born 1981: 45, not over");
        assertEquals(0.375, in2026.over45Share());

        AgeShares.Ages in2027 = AgeShares.of(item, 2027);
        assertEquals(7, in2027.over45(), "a year later those born in 1981 are over 45 too");
        assertEquals(0.875, in2027.over45Share());
    }

    @Test
    void noKnownBirthYearGivesNoShare() {
        AgeShares.Ages ages = AgeShares.of(Map.of("users", 3L, "unknownBirthYear", 3L), 2026);
        assertEquals(0, ages.over45());
        assertNull(ages.over45Share());
    }
}
