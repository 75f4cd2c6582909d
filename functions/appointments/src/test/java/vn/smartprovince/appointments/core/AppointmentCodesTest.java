package vn.smartprovince.appointments.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Short codes read aloud at the desk: no look-alikes, six characters, typed leniently. */
class AppointmentCodesTest {
    @Test
    void theAlphabetHasNoLookAlikes() {
        for (char c : "0O1IL".toCharArray()) {
            assertFalse(AppointmentCodes.ALPHABET.indexOf(c) >= 0, "no " + c);
        }
        assertEquals(31, AppointmentCodes.ALPHABET.length());
        assertEquals(31, AppointmentCodes.ALPHABET.chars().distinct().count());
    }

    @Test
    void codesAreSixCharactersOfTheAlphabetAndVary() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = AppointmentCodes.next();
            assertTrue(AppointmentCodes.SHAPE.matcher(code).matches(), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 990);
    }

    @Test
    void typedCodesAreNormalised() {
        assertEquals("K7M2PQ", AppointmentCodes.normalise(" k7m-2pq "));
        assertNull(AppointmentCodes.normalise("K7M2P0"), "0 is never in a code");
        assertNull(AppointmentCodes.normalise("K7M2P"));
        assertNull(AppointmentCodes.normalise(null));
    }
}
