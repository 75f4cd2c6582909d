package vn.smartprovince.identity.officers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;
import vn.smartprovince.shared.json.Json;

/**
 * The opaque cursor of an agency's officer list: base64url of {@code {"a": agencyId, "z": last
 * Zalo id}}. It only ever points inside the list it came from: an altered, foreign or malformed
 * cursor is a 400 {@code INVALID_CURSOR}, and one that decodes can at worst skip within this list.
 */
final class OfficerCursor {
    private static final Pattern ZALO_ID = Pattern.compile("[0-9]{1,32}");

    private OfficerCursor() {
    }

    static String encode(String agencyId, String lastZaloId) {
        String json = Json.write(Json.object().put("a", agencyId).put("z", lastZaloId));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The Zalo id to continue after. */
    static String decode(String cursor, String agencyId) {
        try {
            if (cursor.length() > 512) {
                throw new IllegalArgumentException();
            }
            JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
            String zaloId = node.path("z").asText("");
            if (!agencyId.equals(node.path("a").asText(null)) || !ZALO_ID.matcher(zaloId).matches() || node.size() != 2) {
                throw new IllegalArgumentException();
            }
            return zaloId;
        } catch (Exception e) {
            throw new ApiException(ErrorCode.INVALID_CURSOR, null);
        }
    }
}
