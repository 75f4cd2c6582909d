package vn.smartprovince.shared.province;

/** WGS 84 latitude and longitude in degrees. */
public record GeoPoint(double lat, double lng) {
}
