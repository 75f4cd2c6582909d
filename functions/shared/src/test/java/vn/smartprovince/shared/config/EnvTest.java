package vn.smartprovince.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {
    @Test
    void aNumberSettingIsItsValueOrTheFallbackAndAnythingElseIsNamedAtColdStart() {
        Env env = new Env(Map.of("SET", " 120 ", "BLANK", " ", "WORDS", "ten", "BIG", "86401"));
        assertEquals(120, env.number("SET", 60, 0, 3600), "trimmed");
        assertEquals(60, env.number("UNSET", 60, 0, 3600));
        assertEquals(60, env.number("BLANK", 60, 0, 3600), "blank is unset");
        IllegalStateException words = assertThrows(IllegalStateException.class, () -> env.number("WORDS", 60, 0, 3600));
        assertEquals("WORDS must be a whole number from 0 to 3600, got \"ten\"", words.getMessage());
        IllegalStateException big = assertThrows(IllegalStateException.class, () -> env.number("BIG", 60, 0, 86_400));
        assertEquals("BIG must be a whole number from 0 to 86400, got \"86401\"", big.getMessage());
    }
}
