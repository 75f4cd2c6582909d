package vn.smartprovince.reports.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.smartprovince.reports.core.Report;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.json.Json;

/**
 * What a citizen sends to {@code POST /v1/reports}, checked for shape (types, lengths, ranges);
 * what depends on the province (category, area, boundary) is checked by {@link SubmitReport}.
 */
public record Submission(String categoryCode, String description, double lat, double lng, String address,
                         String areaCode, List<String> photoKeys, boolean hideIdentity) {
    public static final int MAX_DESCRIPTION = Report.MAX_DESCRIPTION;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_PHOTOS = 5;
    public static final int MAX_PHOTO_KEY = 300;

    public Submission {
        photoKeys = List.copyOf(photoKeys);
    }

    /** Parses the body; every problem found is in {@code fields} (the caller decides when to throw). */
    static Submission parse(JsonNode body, BodyFields fields) {
        fields.onlyFields(body, "", Set.of("category", "description", "location", "photoKeys", "hideIdentity"));
        String category = fields.text(body, "category", "category", true, 64, false);
        String description = fields.text(body, "description", "description", true, MAX_DESCRIPTION, true);
        JsonNode location = body.get("location");
        Double lat = null;
        Double lng = null;
        String address = null;
        String area = null;
        if (location == null || location.isNull()) {
            fields.error("location", "REQUIRED", "Thiếu vị trí.", "location is missing.");
        } else if (!location.isObject()) {
            fields.error("location", "INVALID_TYPE", "Phải là một đối tượng.", "Must be an object.");
        } else {
            fields.onlyFields(location, "location.", Set.of("lat", "lng", "address", "areaCode"));
            lat = fields.number(location, "lat", "location.lat", -90, 90);
            lng = fields.number(location, "lng", "location.lng", -180, 180);
            address = fields.text(location, "address", "location.address", false, MAX_ADDRESS, false);
            area = fields.text(location, "areaCode", "location.areaCode", true, 40, false);
        }
        List<String> photos = new ArrayList<>();
        JsonNode keys = body.get("photoKeys");
        if (keys != null && !keys.isNull()) {
            if (!keys.isArray()) {
                fields.error("photoKeys", "INVALID_TYPE", "Phải là một danh sách.", "Must be an array.");
            } else if (keys.size() > MAX_PHOTOS) {
                fields.error("photoKeys", "TOO_MANY", "Tối đa " + MAX_PHOTOS + " ảnh.", "At most " + MAX_PHOTOS + " photos.");
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < keys.size(); i++) {
                    JsonNode key = keys.get(i);
                    String field = "photoKeys[" + i + "]";
                    if (!key.isTextual() || key.asText().isBlank() || key.asText().length() > MAX_PHOTO_KEY) {
                        fields.error(field, "INVALID_TYPE", "Phải là mã ảnh đã tải lên.", "Must be the key of an uploaded photo.");
                    } else if (!seen.add(key.asText())) {
                        fields.error(field, "DUPLICATE", "Ảnh bị lặp lại.", "The same photo twice.");
                    }
                }
                photos.addAll(seen);
            }
        }
        boolean hide = fields.bool(body, "hideIdentity", "hideIdentity");
        if (!fields.ok()) {
            return null;
        }
        return new Submission(category, description, lat, lng, address, area, photos, hide);
    }

    /**
     * Canonical JSON of the submission: the same request retried hashes the same. Byte for byte
     * what Jackson writes for this record (components in order, nulls left out), since stored
     * hashes must keep matching across deploys; written by hand, because mapping a record by
     * reflection is much of a cold start's first request.
     */
    String canonical() {
        ObjectNode node = Json.object();
        Json.putIfPresent(node, "categoryCode", categoryCode);
        Json.putIfPresent(node, "description", description);
        node.put("lat", lat);
        node.put("lng", lng);
        Json.putIfPresent(node, "address", address);
        Json.putIfPresent(node, "areaCode", areaCode);
        photoKeys.forEach(node.putArray("photoKeys")::add);
        node.put("hideIdentity", hideIdentity);
        return Json.write(node);
    }
}
