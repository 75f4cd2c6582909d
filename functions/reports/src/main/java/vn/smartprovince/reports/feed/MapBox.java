package vn.smartprovince.reports.feed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.reports.core.Geohash;
import vn.smartprovince.reports.store.PublicItems;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.HttpRequest;

/**
 * The map's bounding box: {@code minLat, minLng, maxLat, maxLng}, every one required and in range,
 * not inverted, and covering at most {@value #MAX_CELLS} geohash-5 cells (about 30 km x 30 km);
 * a bigger box is 400 {@code BOX_TOO_LARGE} naming the dimension to shrink (zoom in).
 */
public record MapBox(double minLat, double minLng, double maxLat, double maxLng) {
    public static final int MAX_CELLS = 64;
    /** Height and width of a geohash-5 cell in degrees. */
    static final double CELL_LAT = 180.0 / (1L << 12);
    static final double CELL_LNG = 360.0 / (1L << 13);

    public static MapBox of(HttpRequest request) {
        BodyFields fields = new BodyFields();
        Double minLat = coordinate(request, fields, "minLat", 90);
        Double minLng = coordinate(request, fields, "minLng", 180);
        Double maxLat = coordinate(request, fields, "maxLat", 90);
        Double maxLng = coordinate(request, fields, "maxLng", 180);
        fields.done();
        return checked(minLat, minLng, maxLat, maxLng);
    }

    static MapBox checked(double minLat, double minLng, double maxLat, double maxLng) {
        BodyFields fields = new BodyFields();
        if (minLat > maxLat) {
            fields.error("maxLat", "BOX_INVERTED", "maxLat phải lớn hơn hoặc bằng minLat.", "maxLat must not be below minLat.");
        }
        if (minLng > maxLng) {
            fields.error("maxLng", "BOX_INVERTED", "maxLng phải lớn hơn hoặc bằng minLng.", "maxLng must not be below minLng.");
        }
        fields.done();
        MapBox box = new MapBox(minLat, minLng, maxLat, maxLng);
        long rows = box.rows();
        long columns = box.columns();
        if (rows * columns > MAX_CELLS) {
            String field = rows >= columns ? "maxLat" : "maxLng";
            fields.error(field, "BOX_TOO_LARGE", "Vùng bản đồ quá lớn, vui lòng phóng to.",
                    "The map box is too large; zoom in (at most " + MAX_CELLS + " cells of about 5 km).");
            fields.done();
        }
        return box;
    }

    private static Double coordinate(HttpRequest request, BodyFields fields, String name, double limit) {
        String text = request.queryParameter(name).map(String::strip).orElse("");
        if (text.isEmpty()) {
            fields.error(name, "REQUIRED", "Thiếu " + name + ".", name + " is missing.");
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= -limit && value <= limit) {
                return value;
            }
            fields.error(name, "OUT_OF_RANGE", "Phải từ " + -limit + " đến " + limit + ".",
                    "Must be between " + -limit + " and " + limit + ".");
        } catch (NumberFormatException e) {
            fields.error(name, "INVALID_TYPE", "Phải là một số.", "Must be a number.");
        }
        return null;
    }

    long rows() {
        return (long) Math.floor(maxLat / CELL_LAT) - (long) Math.floor(minLat / CELL_LAT) + 1;
    }

    long columns() {
        return (long) Math.floor(maxLng / CELL_LNG) - (long) Math.floor(minLng / CELL_LNG) + 1;
    }

    /** The geohash-5 cells covering the box (at most {@link #MAX_CELLS}). */
    public List<String> cells() {
        Set<String> cells = new LinkedHashSet<>();
        long firstRow = (long) Math.floor(minLat / CELL_LAT);
        long firstColumn = (long) Math.floor(minLng / CELL_LNG);
        for (long row = firstRow; row < firstRow + rows(); row++) {
            for (long column = firstColumn; column < firstColumn + columns(); column++) {
                double lat = Math.min(90, (row + 0.5) * CELL_LAT);
                double lng = Math.min(180, (column + 0.5) * CELL_LNG);
                cells.add(Geohash.encode(lat, lng, PublicItems.MAP_PRECISION));
            }
        }
        return List.copyOf(cells);
    }

    public boolean contains(double lat, double lng) {
        return lat >= minLat && lat <= maxLat && lng >= minLng && lng <= maxLng;
    }
}
