package vn.smartprovince.reports.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/** Tracking codes, ids, geohash cells and cursors. */
class SmallRulesTest {

    @Test
    void trackingCodesAreReadableAndCanonicalisedFromTypedInput() {
        TrackingCodes codes = new TrackingCodes(new Random(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertTrue(TrackingCodes.valid(code), code);
            for (char c : "01OILUVSZB258".toCharArray()) {
                assertFalse(code.indexOf(c) >= 0, code + " holds the look-alike " + c);
            }
            seen.add(code);
        }
        assertTrue(seen.size() > 9_990, "practically no collisions in 10,000 draws");
        assertEquals(Optional.of("K7M4-QX9P"), TrackingCodes.normalise(" k7m4 qx9p "));
        assertEquals(Optional.of("K7M4-QX9P"), TrackingCodes.normalise("K7M4QX9P"));
        assertEquals(Optional.empty(), TrackingCodes.normalise("K7M4-QX9"));
        assertEquals(Optional.empty(), TrackingCodes.normalise("K0M4-QX9P"));
    }

    @Test
    void idsFromOneIdempotencyKeyAreEqualAndOtherwiseDistinct() {
        String a = Ids.forIdempotencyKey("9000000000000000001", "key-0000001");
        assertEquals(a, Ids.forIdempotencyKey("9000000000000000001", "key-0000001"));
        assertNotEquals(a, Ids.forIdempotencyKey("9000000000000000002", "key-0000001"), "another citizen's key");
        assertNotEquals(a, Ids.forIdempotencyKey("9000000000000000001", "key-0000002"));
        assertTrue(Ids.valid(a) && Ids.valid(Ids.random()));
        assertFalse(Ids.valid("r" + "a".repeat(23)) || Ids.valid("../etc") || Ids.valid(null));
    }

    @Test
    void geohashCellsCoverTheRadius() {
        assertEquals("u4pruydqqvj", Geohash.encode(57.64911, 10.40744, 11), "the reference example");
        double lat = 11.3101;
        double lng = 106.0985;
        var cells = Geohash.cellAndNeighbours(lat, lng);
        assertEquals(9, cells.size());
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            double bearing = random.nextDouble() * 2 * Math.PI;
            double meters = random.nextDouble() * Geohash.MAX_RADIUS_METERS;
            double pLat = lat + meters * Math.cos(bearing) / 111_320;
            double pLng = lng + meters * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(lat)));
            assertTrue(cells.contains(Geohash.encode(pLat, pLng, Geohash.CELL_PRECISION)), "point " + meters + " m away");
        }
        assertEquals(111.2, Geohash.distanceMeters(11, 106, 11.001, 106), 0.5);
    }

    @Test
    void cursorsRoundTripAndRefuseTampering() {
        String key = "2026-11-28T09:30:00Z#" + Ids.random();
        String cursor = Cursors.encode("mine", "9000000000000000001", key);
        assertEquals(key, Cursors.decode(cursor, "mine", "9000000000000000001", Cursors.MINE_SORT));
        for (String bad : new String[] {cursor + "x", "%%%", cursor.substring(2),
                Cursors.encode("mine", "9000000000000000002", key), Cursors.encode("mine", "9000000000000000001", "x#y")}) {
            ApiException e = assertThrows(ApiException.class,
                    () -> Cursors.decode(bad, "mine", "9000000000000000001", Cursors.MINE_SORT));
            assertEquals(ErrorCode.INVALID_CURSOR, e.code());
        }
    }
}
