package vn.smartprovince.dossiers.core;

import java.time.Instant;
import vn.smartprovince.shared.province.DocumentType;

/**
 * One file attached to a dossier, for one of its procedure's documents.
 *
 * @param requirementKey the procedure document's key it is for
 * @param fileKey        the private object's key in the document bucket
 * @param supplement     true when it came with a supplement (answering form 02)
 */
public record AttachedDocument(String requirementKey, String fileKey, DocumentType type, long bytes, Instant addedAt,
                               boolean supplement) {
}
