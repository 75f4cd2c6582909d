package vn.smartprovince.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.province.TextRules;

/** Small decoding helpers shared by the identity handlers. */
final class Requests {
    static final int MAX_TOKEN_CHARS = 4096;

    private Requests() {
    }

    /** Refuses fields the route does not know (a typo would otherwise be silently ignored). */
    static void onlyFields(JsonNode body, Set<String> allowed) {
        List<FieldError> unknown = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(new FieldError(name, "UNKNOWN_FIELD", "Trường này không được hỗ trợ.",
                        "This field is not supported."));
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
    }

    /** An opaque token from Zalo: a non-empty string without white space or control characters. */
    static String token(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiException.invalid(new FieldError(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing."));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw ApiException.invalid(new FieldError(field, "INVALID_TYPE", "Phải là một chuỗi khác rỗng.",
                    "Must be a non-empty string."));
        }
        String token = node.asText();
        if (token.length() > MAX_TOKEN_CHARS || TextRules.firstControlCharacter(token, false) >= 0
                || token.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.invalid(new FieldError(field, "INVALID_FORMAT", "Mã không hợp lệ.", "The token is malformed."));
        }
        return token;
    }

    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiException.invalid(new FieldError(field, "REQUIRED", "Thiếu " + field + ".", field + " is missing."));
        }
        if (!node.isTextual()) {
            throw ApiException.invalid(new FieldError(field, "INVALID_TYPE", "Phải là một chuỗi.", "Must be a string."));
        }
        return TextRules.normalise(node.asText());
    }

    /** Private data: never stored by a cache or a proxy. */
    static HttpResponse privateJson(int status, Object body) {
        return HttpResponse.json(status, body).withHeader("cache-control", "no-store");
    }

    static HttpResponse noContent() {
        return new HttpResponse(204, Map.of("cache-control", "no-store"), List.of(), "");
    }
}
