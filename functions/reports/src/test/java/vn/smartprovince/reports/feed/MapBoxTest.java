package vn.smartprovince.reports.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.shared.http.ApiException;

class MapBoxTest {
    private static String failedField(Runnable check, String code) {
        ApiException e = assertThrows(ApiException.class, check::run);
        assertEquals(400, e.code().status());
        assertEquals(code, e.details().get(0).code());
        return e.details().get(0).field();
    }

    @Test
    void anInvertedBoxNamesTheField() {
        assertEquals("maxLat", failedField(() -> MapBox.checked(11.4, 106.0, 11.3, 106.1), "BOX_INVERTED"));
        assertEquals("maxLng", failedField(() -> MapBox.checked(11.3, 106.2, 11.4, 106.1), "BOX_INVERTED"));
    }

    @Test
    void aTooLargeBoxNamesTheDimensionToShrink() {
        assertEquals("maxLat", failedField(() -> MapBox.checked(10.0, 106.0, 12.0, 106.1), "BOX_TOO_LARGE"));
        assertEquals("maxLng", failedField(() -> MapBox.checked(11.3, 105.0, 11.35, 107.0), "BOX_TOO_LARGE"));
        assertEquals("maxLng", failedField(() -> MapBox.checked(-90, -180, 90, 180), "BOX_TOO_LARGE"));
    }

    @Test
    void theCellsCoverEveryPointOfTheBox() {
        MapBox box = MapBox.checked(11.28, 106.05, 11.34, 106.14);
        List<String> cells = box.cells();
        assertTrue(cells.size() <= MapBox.MAX_CELLS && cells.size() >= 4, cells.toString());
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            double lat = box.minLat() + random.nextDouble() * (box.maxLat() - box.minLat());
            double lng = box.minLng() + random.nextDouble() * (box.maxLng() - box.minLng());
            assertTrue(cells.contains(Geohash.encode(lat, lng, PublicItems.MAP_PRECISION)), lat + "," + lng);
        }
        assertTrue(cells.contains(Geohash.encode(11.34, 106.14, PublicItems.MAP_PRECISION)), "the corner itself");
        assertEquals(1, MapBox.checked(11.31, 106.09, 11.31, 106.09).cells().size(), "a point is one cell");
    }
}
