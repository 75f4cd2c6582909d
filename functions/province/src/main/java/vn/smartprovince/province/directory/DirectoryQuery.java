package vn.smartprovince.province.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.Area;
import vn.smartprovince.shared.province.DirectoryKind;
import vn.smartprovince.shared.province.GeoPoint;
import vn.smartprovince.shared.province.ProvinceConfig;
import vn.smartprovince.shared.text.SearchText;

/**
 * The parameters of {@code GET /v1/directory}, checked against the configuration in force: every
 * problem is a 400 naming its parameter (all of them at once).
 *
 * @param q             free text, compared without diacritics; "" for none
 * @param kind          or null
 * @param areaCode      a current area code (a former code is resolved to its successor), or null
 * @param category      a report category code, or null
 * @param procedureCode a procedure code, or null
 * @param near          the caller's position, or null: with it the nearest come first
 */
record DirectoryQuery(String q, DirectoryKind kind, String areaCode, String category, String procedureCode,
                      GeoPoint near, int limit, String cursor) {
    static final int MAX_QUERY_CHARS = 100;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final Pattern NEAR = Pattern.compile("\\s*(-?\\d{1,3}(?:\\.\\d{1,10})?)\\s*,\\s*(-?\\d{1,3}(?:\\.\\d{1,10})?)\\s*");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,3}");

    /** Reads {@code parameter} by name (null when absent). */
    static DirectoryQuery read(Function<String, String> parameter, ProvinceConfig config) {
        List<FieldError> errors = new ArrayList<>();
        String q = parameter.apply("q");
        if (q != null && q.codePointCount(0, q.length()) > MAX_QUERY_CHARS) {
            errors.add(new FieldError("q", "TOO_LONG", "Từ khóa tìm kiếm tối đa " + MAX_QUERY_CHARS + " ký tự.",
                    "The search text is at most " + MAX_QUERY_CHARS + " characters."));
        }
        DirectoryKind kind = null;
        String kindText = blankToNull(parameter.apply("kind"));
        if (kindText != null) {
            try {
                kind = DirectoryKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "INVALID_VALUE",
                        "Loại không hợp lệ: AGENCY, SERVICE_CENTRE, PEOPLES_COMMITTEE, POLICE, HEALTH_STATION hoặc OTHER.",
                        "Unknown kind: AGENCY, SERVICE_CENTRE, PEOPLES_COMMITTEE, POLICE, HEALTH_STATION or OTHER."));
            }
        }
        String areaCode = blankToNull(parameter.apply("areaCode"));
        if (areaCode != null) {
            String resolved = areaCode.length() > 40 ? null : config.resolveArea(areaCode).map(Area::code).orElse(null);
            if (resolved == null) {
                errors.add(new FieldError("areaCode", "UNKNOWN_AREA", "Không có đơn vị hành chính này trong tỉnh.",
                        "There is no such commune or ward in the province."));
            }
            areaCode = resolved;
        }
        String category = blankToNull(parameter.apply("category"));
        if (category != null && config.category(category).isEmpty()) {
            errors.add(new FieldError("category", "UNKNOWN_CATEGORY", "Không có lĩnh vực phản ánh này.",
                    "There is no such report category."));
        }
        String procedureCode = blankToNull(parameter.apply("procedureCode"));
        if (procedureCode != null && config.procedure(procedureCode).isEmpty()) {
            errors.add(new FieldError("procedureCode", "UNKNOWN_PROCEDURE", "Không có thủ tục này.",
                    "There is no such procedure."));
        }
        GeoPoint near = null;
        String nearText = blankToNull(parameter.apply("near"));
        if (nearText != null) {
            near = point(nearText);
            if (near == null) {
                errors.add(new FieldError("near", "INVALID_FORMAT",
                        "Vị trí dạng <vĩ độ>,<kinh độ>, ví dụ 11.31,106.1 (vĩ độ -90 đến 90, kinh độ -180 đến 180).",
                        "A position as <lat>,<lng>, e.g. 11.31,106.1 (latitude -90 to 90, longitude -180 to 180)."));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = blankToNull(parameter.apply("limit"));
        if (limitText != null) {
            if (!LIMIT.matcher(limitText).matches() || Integer.parseInt(limitText) < 1
                    || Integer.parseInt(limitText) > MAX_LIMIT) {
                errors.add(new FieldError("limit", "OUT_OF_RANGE", "Số mục mỗi trang từ 1 đến " + MAX_LIMIT + ".",
                        "limit is 1 to " + MAX_LIMIT + "."));
            } else {
                limit = Integer.parseInt(limitText);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new DirectoryQuery(q == null ? "" : q, kind, areaCode, category, procedureCode, near, limit,
                blankToNull(parameter.apply("cursor")));
    }

    /**
     * What a cursor is bound to: the list and its filters, the text folded (a cursor continues only
     * the list it was made for).
     */
    String binding() {
        return "directory#" + String.join("|", SearchText.fold(q), kind == null ? "" : kind.name(),
                areaCode == null ? "" : areaCode, category == null ? "" : category,
                procedureCode == null ? "" : procedureCode, near == null ? "" : near.lat() + "," + near.lng());
    }

    private static GeoPoint point(String text) {
        var matcher = NEAR.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        double lat = Double.parseDouble(matcher.group(1));
        double lng = Double.parseDouble(matcher.group(2));
        if (lat < -90 || lat > 90 || lng < -180 || lng > 180) {
            return null;
        }
        return new GeoPoint(lat, lng);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

}
