package vn.smartprovince.shared.province;

/** A file type a dossier's documents may have. */
public enum DocumentType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    DocumentType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type with this MIME type, or null. */
    public static DocumentType ofContentType(String contentType) {
        for (DocumentType type : values()) {
            if (type.contentType.equalsIgnoreCase(contentType)) {
                return type;
            }
        }
        return null;
    }
}
