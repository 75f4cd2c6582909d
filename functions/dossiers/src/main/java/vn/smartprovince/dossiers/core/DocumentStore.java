package vn.smartprovince.dossiers.core;

import java.time.Duration;
import java.util.List;
import vn.smartprovince.shared.province.DocumentType;

/**
 * The private bucket of dossier documents (photos of papers, PDFs, result files). Nothing in it is
 * public: uploads and downloads go through short-lived presigned URLs, handed out only to whoever
 * may see the dossier.
 */
public interface DocumentStore {

    /** Where the mini app PUTs one file, with the headers it must send. */
    record Upload(String fileKey, String url, java.util.Map<String, String> headers, java.time.Instant expiresAt) {
    }

    /** An upload slot for a file of the applicant (or officer, for results) {@code ownerId}. */
    Upload createUpload(String ownerId, DocumentType type, long bytes);

    /** The uploaded file's facts, checked: it exists, {@code ownerId} uploaded it, its type and size are as declared. */
    record Uploaded(String fileKey, DocumentType type, long bytes) {
    }

    /**
     * Verifies files the owner uploaded, before a dossier cites them.
     *
     * @throws vn.smartprovince.shared.http.ApiException 400 naming each missing, foreign or wrong file
     */
    List<Uploaded> verify(String ownerId, List<String> fileKeys, String fieldPrefix);

    /**
     * Copies verified uploads under the dossier's own prefix ({@code dossier-documents/dossiers/<id>/...}),
     * where the pending prefix's expiry never reaches them; answers the new keys, in order.
     */
    List<String> attach(String dossierId, List<Uploaded> uploads);

    /** A presigned GET of one file, valid for {@code ttl}. */
    String downloadUrl(String fileKey, Duration ttl);
}
