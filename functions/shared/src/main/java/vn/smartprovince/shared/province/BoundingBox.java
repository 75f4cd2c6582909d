package vn.smartprovince.shared.province;

/** A latitude/longitude rectangle (WGS 84 degrees); Vietnam does not cross the antimeridian. */
public record BoundingBox(double minLat, double minLng, double maxLat, double maxLng) {
    public boolean contains(double lat, double lng) {
        return lat >= minLat && lat <= maxLat && lng >= minLng && lng <= maxLng;
    }
}
