package vn.smartprovince.shared.province;

import java.time.ZoneId;
import java.util.List;

/**
 * The province itself. {@code boundary} is optional (empty list = none): a closed ring of points
 * (the last point joins the first) that report coordinates must fall inside; without it the
 * bounding box alone decides.
 */
public record Province(String code, String name, String timeZone, BoundingBox boundingBox, List<GeoPoint> boundary) {
    public Province {
        boundary = List.copyOf(boundary);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Whether a report's coordinates lie in the province: bounding box, then the boundary if there is one. */
    public boolean contains(double lat, double lng) {
        if (!boundingBox.contains(lat, lng)) {
            return false;
        }
        return boundary.isEmpty() || insideBoundary(lat, lng);
    }

    /** Ray casting (even-odd rule) on the plane: fine at the scale of a province. */
    private boolean insideBoundary(double lat, double lng) {
        boolean inside = false;
        for (int i = 0, j = boundary.size() - 1; i < boundary.size(); j = i++) {
            GeoPoint a = boundary.get(i);
            GeoPoint b = boundary.get(j);
            if ((a.lat() > lat) != (b.lat() > lat)
                    && lng < (b.lng() - a.lng()) * (lat - a.lat()) / (b.lat() - a.lat()) + a.lng()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
