package vn.smartprovince.reports.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Geohash cells for the nearby-duplicates query. Open reports are indexed by their cell of
 * precision {@value #CELL_PRECISION} (about 1.2 km x 0.6 km at Vietnam's latitudes); a query reads
 * the cell of the point and its 8 neighbours, which covers every point within
 * {@value #MAX_RADIUS_METERS} m, then filters by great-circle distance.
 */
public final class Geohash {
    public static final int CELL_PRECISION = 6;
    /** Half the smaller side of a precision-6 cell: a category's radius above this is capped. */
    public static final int MAX_RADIUS_METERS = 600;
    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";
    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private Geohash() {
    }

    public static String encode(double lat, double lng, int precision) {
        double minLat = -90, maxLat = 90, minLng = -180, maxLng = 180;
        StringBuilder hash = new StringBuilder(precision);
        boolean even = true;
        int bit = 0;
        int ch = 0;
        while (hash.length() < precision) {
            if (even) {
                double mid = (minLng + maxLng) / 2;
                if (lng >= mid) {
                    ch = (ch << 1) | 1;
                    minLng = mid;
                } else {
                    ch <<= 1;
                    maxLng = mid;
                }
            } else {
                double mid = (minLat + maxLat) / 2;
                if (lat >= mid) {
                    ch = (ch << 1) | 1;
                    minLat = mid;
                } else {
                    ch <<= 1;
                    maxLat = mid;
                }
            }
            even = !even;
            if (++bit == 5) {
                hash.append(BASE32.charAt(ch));
                bit = 0;
                ch = 0;
            }
        }
        return hash.toString();
    }

    /** The cell of the point and its 8 neighbours (fewer at the poles or the antimeridian). */
    public static List<String> cellAndNeighbours(double lat, double lng) {
        int lngBits = (CELL_PRECISION * 5 + 1) / 2;
        int latBits = CELL_PRECISION * 5 / 2;
        double cellLat = 180.0 / (1L << latBits);
        double cellLng = 360.0 / (1L << lngBits);
        Set<String> cells = new LinkedHashSet<>();
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double y = lat + dy * cellLat;
                double x = lng + dx * cellLng;
                if (y >= -90 && y <= 90 && x >= -180 && x <= 180) {
                    cells.add(encode(y, x, CELL_PRECISION));
                }
            }
        }
        return List.copyOf(cells);
    }

    /** Great-circle (haversine) distance in metres. */
    public static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
