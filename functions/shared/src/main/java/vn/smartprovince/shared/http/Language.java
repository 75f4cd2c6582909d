package vn.smartprovince.shared.http;

/** Language of the messages we send back: Vietnamese unless the caller asks for English. */
public enum Language {
    VI, EN;

    /** Reads an Accept-Language header; the first supported language wins, Vietnamese by default. */
    public static Language fromAcceptLanguage(String header) {
        if (header == null) {
            return VI;
        }
        for (String part : header.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (tag.startsWith("vi")) {
                return VI;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return VI;
    }
}
