package vn.smartprovince.dossiers.core;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.smartprovince.shared.province.DocumentType;

/**
 * The keys of the document bucket. An upload is {@code dossier-documents/pending/<userId>/<uuid>.<ext>}
 * (the uploader is part of the key, so a dossier can only cite its applicant's own uploads; the
 * bucket deletes the prefix's objects a day later); a dossier's file is
 * {@code dossier-documents/dossiers/<dossierId>/<uuid>.<ext>} (no uploader in it).
 */
public final class DocumentKeys {
    public static final String PENDING = "dossier-documents/pending/";
    public static final String DOSSIERS = "dossier-documents/dossiers/";
    private static final Pattern PENDING_KEY = Pattern.compile(
            "dossier-documents/pending/([A-Za-z0-9_-]{1,64})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(jpg|png|pdf)");

    private DocumentKeys() {
    }

    /** A pending upload's key, its uploader and its type. */
    public record Pending(String key, String userId, String fileName, DocumentType type) {
    }

    public static String pending(String userId, DocumentType type, UUID id) {
        return PENDING + userId + "/" + id + "." + type.extension();
    }

    public static Optional<Pending> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = PENDING_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        DocumentType type = null;
        for (DocumentType t : DocumentType.values()) {
            if (t.extension().equals(m.group(3))) {
                type = t;
            }
        }
        return Optional.of(new Pending(key, m.group(1), m.group(2) + "." + m.group(3), type));
    }

    /** Where a cited upload is kept for the dossier. */
    public static String forDossier(String dossierId, Pending upload) {
        return DOSSIERS + dossierId + "/" + upload.fileName();
    }
}
