package vn.smartprovince.dossiers.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import vn.smartprovince.dossiers.core.DocumentKeys;
import vn.smartprovince.dossiers.core.DocumentLimits;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.aws.PresignedLinks;
import vn.smartprovince.shared.aws.S3Objects;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.province.DocumentType;

/**
 * {@link DocumentStore} on the private {@code DocumentBucket} ({@code DOCUMENT_BUCKET}).
 *
 * <ul>
 *   <li><b>Uploads</b>: presigned PUTs of {@code dossier-documents/pending/<userId>/<uuid>.<ext>}
 *       ({@link DocumentKeys}) signing {@code Content-Type} and {@code Content-Length}: S3 refuses
 *       another type or size. Signed in the function, without a call to S3.</li>
 *   <li><b>Verification</b>: a key must be a pending key of the caller ({@code NOT_YOURS} otherwise,
 *       without asking S3); HeadObject must find it with the key's type and a size within the limit
 *       ({@code NOT_UPLOADED} otherwise).</li>
 *   <li><b>Attaching</b> copies each upload to {@code dossier-documents/dossiers/<dossierId>/}; the
 *       upload itself expires with its prefix a day later.</li>
 *   <li><b>Downloads</b>: presigned GETs, handed out after the route's authorization.</li>
 * </ul>
 * Permissions: {@code s3:PutObject} and {@code s3:GetObject} on both prefixes, {@code s3:ListBucket}
 * limited to the pending prefix (a missing upload is then a 404, not a 403).
 */
public final class S3DocumentStore implements DocumentStore {
    public static final String BUCKET_VARIABLE = "DOCUMENT_BUCKET";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final PresignedLinks downloads = new PresignedLinks();
    private final String bucket;
    private final DocumentLimits limits;
    private final Supplier<UUID> ids;

    /** @param s3 null for an instance that only signs URLs (no S3 client built at cold start) */
    public S3DocumentStore(S3Client s3, S3Presigner presigner, String bucket, DocumentLimits limits, Supplier<UUID> ids) {
        this.s3 = s3;
        this.presigner = Objects.requireNonNull(presigner);
        this.bucket = Objects.requireNonNull(bucket);
        this.limits = Objects.requireNonNull(limits);
        this.ids = Objects.requireNonNull(ids);
    }

    public static S3DocumentStore fromEnv(Env env) {
        return new S3DocumentStore(AwsClients.s3(env), AwsClients.s3Presigner(env), env.required(BUCKET_VARIABLE),
                DocumentLimits.fromEnv(env), UUID::randomUUID);
    }

    /** Signing only (uploads, downloads). */
    public static S3DocumentStore signerFromEnv(Env env) {
        return new S3DocumentStore(null, AwsClients.s3Presigner(env), env.required(BUCKET_VARIABLE),
                DocumentLimits.fromEnv(env), UUID::randomUUID);
    }

    @Override
    public Upload createUpload(String ownerId, DocumentType type, long bytes) {
        if (bytes < 1 || bytes > limits.maxBytes()) {
            throw new IllegalArgumentException("bytes out of the limits: " + bytes);
        }
        String key = DocumentKeys.pending(ownerId, type, ids.get());
        PresignedPutObjectRequest signed = presigner.presignPutObject(b -> b.signatureDuration(DocumentLimits.UPLOAD_TTL)
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType(type.contentType()).contentLength(bytes)));
        return new Upload(key, S3Objects.toUri(signed.url()).toString(), S3Objects.clientHeaders(signed.signedHeaders()),
                signed.expiration());
    }

    @Override
    public List<Uploaded> verify(String ownerId, List<String> fileKeys, String fieldPrefix) {
        List<FieldError> problems = new ArrayList<>();
        List<Uploaded> uploaded = new ArrayList<>();
        for (int i = 0; i < fileKeys.size(); i++) {
            String field = fieldPrefix + "[" + i + "].fileKey";
            Optional<DocumentKeys.Pending> parsed = DocumentKeys.parse(fileKeys.get(i));
            if (parsed.isEmpty() || !parsed.get().userId().equals(ownerId)) {
                problems.add(new FieldError(field, "NOT_YOURS", "Tệp này không phải do bạn tải lên.",
                        "This file was not uploaded by you."));
                continue;
            }
            Optional<HeadObjectResponse> head = S3Objects.head(client(), bucket, parsed.get().key(),
                    "grant s3:GetObject on dossier-documents/pending/* and s3:ListBucket limited to it");
            DocumentType stored = head.map(h -> DocumentType.ofContentType(h.contentType())).orElse(null);
            Long size = head.map(HeadObjectResponse::contentLength).orElse(null);
            if (stored == null || stored != parsed.get().type() || size == null || size < 1 || size > limits.maxBytes()) {
                problems.add(new FieldError(field, "NOT_UPLOADED",
                        "Tệp chưa được tải lên xong hoặc đã quá hạn. Vui lòng tải lại.",
                        "This file was not uploaded (or not completely, or too long ago). Upload it again."));
                continue;
            }
            uploaded.add(new Uploaded(parsed.get().key(), stored, size));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return uploaded;
    }

    @Override
    public List<String> attach(String dossierId, List<Uploaded> uploads) {
        List<String> kept = new ArrayList<>(uploads.size());
        for (Uploaded upload : uploads) {
            DocumentKeys.Pending pending = DocumentKeys.parse(upload.fileKey())
                    .orElseThrow(() -> new IllegalArgumentException("not a pending upload"));
            String target = DocumentKeys.forDossier(dossierId, pending);
            try {
                client().copyObject(b -> b.sourceBucket(bucket).sourceKey(pending.key())
                        .destinationBucket(bucket).destinationKey(target).metadataDirective(MetadataDirective.COPY));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw ApiException.invalid(new FieldError("documents", "NOT_UPLOADED",
                            "Tệp đã quá hạn. Vui lòng tải lại.", "An upload expired meanwhile. Upload it again."));
                }
                throw S3Objects.classify(e);
            } catch (SdkClientException e) {
                throw ApiException.unavailable("s3");
            }
            kept.add(target);
        }
        return kept;
    }

    @Override
    public String downloadUrl(String fileKey, Duration ttl) {
        if (fileKey == null || !fileKey.startsWith(DocumentKeys.DOSSIERS)) {
            throw new IllegalArgumentException("not a dossier file key");
        }
        return downloads.get(bucket, fileKey, ttl, () -> S3Objects.toUri(presigner.presignGetObject(b -> b
                .signatureDuration(ttl).getObjectRequest(g -> g.bucket(bucket).key(fileKey))).url())).toString();
    }

    public DocumentLimits limits() {
        return limits;
    }

    private S3Client client() {
        if (s3 == null) {
            throw new IllegalStateException("this S3DocumentStore only signs URLs (signerFromEnv)");
        }
        return s3;
    }
}
