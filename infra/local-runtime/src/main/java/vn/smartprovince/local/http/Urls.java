package vn.smartprovince.local.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percent-decoding and query strings, the way API Gateway reads them. */
final class Urls {
    private Urls() {
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8. A {@code +} stays a {@code +}: it means a space
     * only in HTML form encoding, which a URL path is not. A malformed sequence is kept as
     * written rather than refused.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (isEscape(text, i)) {
                // A run of escapes is one UTF-8 byte sequence (a Vietnamese letter takes 2-3).
                bytes.reset();
                while (isEscape(text, i)) {
                    bytes.write(hex(text, i + 1) * 16 + hex(text, i + 2));
                    i += 3;
                }
                out.append(bytes.toString(StandardCharsets.UTF_8));
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String text, int i) {
        return i + 2 < text.length() && text.charAt(i) == '%' && hex(text, i + 1) >= 0 && hex(text, i + 2) >= 0;
    }

    private static int hex(String text, int index) {
        if (index >= text.length()) {
            return -1;
        }
        return Character.digit(text.charAt(index), 16);
    }

    /**
     * The query string as payload format 2.0 gives it: decoded names and values, a name
     * without {@code =} has the empty value, repeated names are joined with commas.
     */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }
}
