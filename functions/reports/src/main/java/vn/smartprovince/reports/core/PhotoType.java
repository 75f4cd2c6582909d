package vn.smartprovince.reports.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The picture formats citizens' phones produce and the mini app may upload: JPEG (most Android
 * cameras), HEIC (iPhones), PNG (screenshots) and WebP. Each has one content type (stored with
 * the object, signed into the upload) and one file extension (the last part of its key).
 */
public enum PhotoType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    HEIC("image/heic", "heic"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    PhotoType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The type a client named: case and surrounding spaces do not matter, and {@code image/jpg}
     * (a common misspelling) is JPEG. Parameters ({@code ; charset=...}) are not accepted: an
     * image has none, and the exact value is signed into the upload.
     */
    public static Optional<PhotoType> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String wanted = contentType.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("image/jpg")) {
            return Optional.of(JPEG);
        }
        for (PhotoType type : values()) {
            if (type.contentType.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<PhotoType> ofExtension(String extension) {
        for (PhotoType type : values()) {
            if (type.extension.equals(extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
