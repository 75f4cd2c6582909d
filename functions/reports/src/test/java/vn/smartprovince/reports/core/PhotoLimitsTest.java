package vn.smartprovince.reports.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.config.Env;

class PhotoLimitsTest {

    @Test
    void defaultsAreTheFourPhoneFormatsUpTo10MibFor15Minutes() {
        PhotoLimits limits = PhotoLimits.fromEnv(new Env(Map.of()));
        assertEquals(PhotoLimits.defaults(), limits);
        assertEquals(EnumSet.allOf(PhotoType.class), limits.types());
        assertEquals(10_485_760, limits.maxBytes());
        assertEquals(Duration.ofMinutes(15), limits.uploadTtl());
        assertTrue(limits.acceptsSize(1));
        assertTrue(limits.acceptsSize(10_485_760));
        assertFalse(limits.acceptsSize(10_485_761));
        assertFalse(limits.acceptsSize(0));
        assertEquals("10 MB", limits.sizeText());
    }

    @Test
    void theEnvironmentNarrowsTheLimits() {
        PhotoLimits limits = PhotoLimits.fromEnv(new Env(Map.of(
                "PHOTO_MAX_BYTES", "5242880",
                "PHOTO_CONTENT_TYPES", " image/JPEG , image/png,",
                "PHOTO_UPLOAD_URL_TTL_SECONDS", "300")));
        assertEquals(EnumSet.of(PhotoType.JPEG, PhotoType.PNG), limits.types());
        assertFalse(limits.accepts(PhotoType.HEIC));
        assertEquals(5_242_880, limits.maxBytes());
        assertEquals(Duration.ofMinutes(5), limits.uploadTtl());
        assertEquals("image/jpeg, image/png", limits.typeList());
    }

    @Test
    void malformedSettingsAreDeploymentMistakesNamedByVariable() {
        for (var bad : Map.of(
                "PHOTO_MAX_BYTES", "ten megabytes",
                "PHOTO_UPLOAD_URL_TTL_SECONDS", "86400",
                "PHOTO_CONTENT_TYPES", "image/gif").entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> PhotoLimits.fromEnv(new Env(Map.of(bad.getKey(), bad.getValue()))));
            assertTrue(e.getMessage().startsWith(bad.getKey()), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> PhotoLimits.fromEnv(new Env(Map.of("PHOTO_MAX_BYTES", "0"))));
        assertThrows(IllegalStateException.class,
                () -> PhotoLimits.fromEnv(new Env(Map.of("PHOTO_MAX_BYTES", "6000000000"))), "above one PUT's 5 GiB");
    }

    @Test
    void contentTypesAreMatchedForgivingly() {
        assertEquals(Optional.of(PhotoType.JPEG), PhotoType.ofContentType("image/jpg"));
        assertEquals(Optional.of(PhotoType.JPEG), PhotoType.ofContentType(" IMAGE/JPEG "));
        assertEquals(Optional.of(PhotoType.HEIC), PhotoType.ofContentType("image/heic"));
        assertEquals(Optional.of(PhotoType.WEBP), PhotoType.ofContentType("image/webp"));
        assertEquals(Optional.empty(), PhotoType.ofContentType("image/jpeg; charset=utf-8"));
        assertEquals(Optional.empty(), PhotoType.ofContentType("image/gif"));
        assertEquals(Optional.empty(), PhotoType.ofContentType("application/pdf"));
        assertEquals(Optional.empty(), PhotoType.ofContentType(null));
    }
}
