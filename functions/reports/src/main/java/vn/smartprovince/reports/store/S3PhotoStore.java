package vn.smartprovince.reports.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.PhotoLimits;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.PhotoType;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.aws.PresignedLinks;
import vn.smartprovince.shared.aws.S3Objects;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;

/**
 * {@link PhotoStore} on a private S3 bucket ({@code PhotoBucket} of template.yaml, named by
 * {@code PHOTO_BUCKET}).
 *
 * <ul>
 *   <li><b>Uploads</b> are presigned PUTs of one object {@code report-photos/pending/<zaloId>/<uuid>.<ext>}
 *       ({@link PhotoKeys}). The signature covers {@code Content-Type}, {@code Content-Length}
 *       (the exact size announced, so no bigger file can be sent with it) and the tag
 *       {@code photo-state=pending} ({@code x-amz-tagging}); S3 refuses a PUT whose headers differ.
 *       Signing happens in the function, without a call to S3.</li>
 *   <li><b>Verification</b>: a key must be a well-formed pending key with the caller's Zalo id
 *       ({@code NOT_YOURS} otherwise, without asking S3), and HeadObject must find it with a size
 *       and type within the limits ({@code NOT_UPLOADED} otherwise).</li>
 *   <li><b>Attaching</b> copies each upload to the report's own key ({@link PhotoKeys#forReport}),
 *       tagged {@code photo-state=cited}; the upload keeps its pending tag and the lifecycle rule
 *       deletes it a day after upload, so no stored photo key names its uploader.</li>
 *   <li><b>Downloads</b> are presigned GETs.</li>
 * </ul>
 *
 * <p>S3 unreachable, throttling or failing (5xx) is {@code 503 DEPENDENCY_UNAVAILABLE} with cause
 * {@code s3}. Permissions the functions need: {@code s3:PutObject} and {@code s3:PutObjectTagging}
 * on the pending prefix to sign uploads (a presigned URL acts with the signer's rights);
 * {@code s3:GetObject} there to verify (HeadObject) and to sign downloads, plus {@code s3:ListBucket}
 * limited to the prefix so that a missing photo is a 404 rather than a 403;
 * {@code s3:PutObject} and {@code s3:PutObjectTagging} on the reports' prefix to attach (a copy reads
 * its source with {@code s3:GetObject}).
 */
public final class S3PhotoStore implements PhotoStore {
    public static final String BUCKET_VARIABLE = "PHOTO_BUCKET";
    /** The longest a SigV4 presigned URL can be valid. */
    static final Duration MAX_DOWNLOAD_VALIDITY = Duration.ofDays(7);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final PresignedLinks downloads = new PresignedLinks();
    private final String bucket;
    private final PhotoLimits limits;
    private final Supplier<UUID> ids;

    /**
     * @param s3        null for an instance that only signs uploads and downloads (no S3 client to build at cold start)
     * @param presigner signs URLs; they point where it is configured to (an emulator's endpoint, path style, locally)
     */
    public S3PhotoStore(S3Client s3, S3Presigner presigner, String bucket, PhotoLimits limits, Supplier<UUID> ids) {
        this.s3 = s3;
        this.presigner = Objects.requireNonNull(presigner);
        this.bucket = Objects.requireNonNull(bucket);
        this.limits = Objects.requireNonNull(limits);
        this.ids = Objects.requireNonNull(ids);
    }

    /** Every operation: the bucket, limits and clients from the function's environment. */
    public static S3PhotoStore fromEnv(Env env) {
        return new S3PhotoStore(AwsClients.s3(env), AwsClients.s3Presigner(env), env.required(BUCKET_VARIABLE),
                PhotoLimits.fromEnv(env), UUID::randomUUID);
    }

    /**
     * Signing only (uploads, downloads): no S3 client is built, which keeps the upload signer's
     * cold start short. {@link #verifyUploadedBy} and {@link #attach} are refused.
     */
    public static S3PhotoStore signerFromEnv(Env env) {
        return new S3PhotoStore(null, AwsClients.s3Presigner(env), env.required(BUCKET_VARIABLE),
                PhotoLimits.fromEnv(env), UUID::randomUUID);
    }

    public PhotoLimits limits() {
        return limits;
    }

    // ------------------------------------------------------------------ uploads

    @Override
    public PresignedUpload presignUpload(String userId, String contentType, long sizeBytes) {
        List<FieldError> problems = new ArrayList<>();
        Optional<PhotoType> type = PhotoType.ofContentType(contentType).filter(limits::accepts);
        if (contentType == null || contentType.isBlank()) {
            problems.add(new FieldError("contentType", "REQUIRED", "Thiếu loại tệp ảnh (contentType).",
                    "contentType is missing."));
        } else if (type.isEmpty()) {
            problems.add(new FieldError("contentType", "UNSUPPORTED_TYPE",
                    "Chỉ nhận ảnh dạng " + limits.typeList() + ".",
                    "Only these photo types are accepted: " + limits.typeList() + "."));
        }
        if (sizeBytes < 1) {
            problems.add(new FieldError("sizeBytes", "OUT_OF_RANGE", "Kích thước ảnh phải lớn hơn 0 byte.",
                    "sizeBytes must be at least 1."));
        } else if (sizeBytes > limits.maxBytes()) {
            problems.add(new FieldError("sizeBytes", "TOO_LARGE",
                    "Ảnh quá lớn: tối đa " + limits.sizeText() + ". Vui lòng chọn ảnh nhỏ hơn.",
                    "The photo is too large: at most " + limits.maxBytes() + " bytes (" + limits.sizeText() + ")."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String key = PhotoKeys.pending(userId, type.get(), ids.get());
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(type.get().contentType())
                .contentLength(sizeBytes)
                .tagging(PhotoKeys.STATE_TAG + "=" + PhotoKeys.PENDING)
                .build();
        PresignedPutObjectRequest signed = presigner.presignPutObject(b -> b
                .signatureDuration(limits.uploadTtl())
                .putObjectRequest(put));
        return new PresignedUpload(key, toUri(signed.url()), clientHeaders(signed.signedHeaders()), signed.expiration());
    }

    /** {@link S3Objects#clientHeaders}: the signed headers but Host and Content-Length. */
    static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
        return S3Objects.clientHeaders(signed);
    }

    // ------------------------------------------------------------------ verification

    @Override
    public void verifyUploadedBy(String userId, List<String> keys) {
        S3Client client = client();
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String field = "photoKeys[" + i + "]";
            String key = keys.get(i);
            Optional<PhotoKeys.Parsed> parsed = PhotoKeys.parse(key);
            if (parsed.isEmpty() || !parsed.get().userId().equals(userId)) {
                problems.add(new FieldError(field, "NOT_YOURS", "Ảnh này không phải do bạn tải lên.",
                        "This photo was not uploaded by you."));
                continue;
            }
            Optional<HeadObjectResponse> head = head(client, key, i);
            if (head.isEmpty() || !withinLimits(head.get(), parsed.get().type())) {
                problems.add(new FieldError(field, "NOT_UPLOADED",
                        "Ảnh chưa được tải lên xong hoặc đã quá hạn. Vui lòng tải lại ảnh.",
                        "This photo was not uploaded (or not completely, or too long ago). Upload it again."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private boolean withinLimits(HeadObjectResponse head, PhotoType keyType) {
        Long size = head.contentLength();
        Optional<PhotoType> stored = PhotoType.ofContentType(head.contentType());
        return size != null && limits.acceptsSize(size) && stored.isPresent() && stored.get() == keyType
                && limits.accepts(keyType);
    }

    private Optional<HeadObjectResponse> head(S3Client client, String key, int index) {
        return S3Objects.head(client, bucket, key,
                "photo " + index + ": grant s3:GetObject on the pending prefix and s3:ListBucket limited to it");
    }

    // ------------------------------------------------------------------ attaching

    @Override
    public List<String> attach(String reportId, List<String> uploadKeys) {
        S3Client client = client();
        List<String> kept = new ArrayList<>(uploadKeys.size());
        for (int i = 0; i < uploadKeys.size(); i++) {
            String source = uploadKeys.get(i);
            String target = PhotoKeys.forReport(reportId, source);
            try {
                client.copyObject(b -> b.sourceBucket(bucket).sourceKey(source)
                        .destinationBucket(bucket).destinationKey(target)
                        .metadataDirective(MetadataDirective.COPY)
                        .taggingDirective(TaggingDirective.REPLACE)
                        .tagging(PhotoKeys.STATE_TAG + "=" + PhotoKeys.CITED));
            } catch (NoSuchKeyException missing) {
                throw notUploaded(i);
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw notUploaded(i);
                }
                throw classify(e);
            } catch (SdkClientException e) {
                throw ApiException.unavailable("s3");
            }
            kept.add(target);
        }
        return kept;
    }

    private static ApiException notUploaded(int index) {
        return ApiException.invalid(new FieldError("photoKeys[" + index + "]", "NOT_UPLOADED",
                "Ảnh chưa được tải lên hoặc đã quá hạn. Vui lòng tải lại ảnh.",
                "This photo was not uploaded, or too long ago. Upload it again."));
    }

    // ------------------------------------------------------------------ downloads

    @Override
    public URI presignDownload(String key, Duration validFor) {
        if (key == null || !key.startsWith("report-photos/")) {
            throw new IllegalArgumentException("not a photo key");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_DOWNLOAD_VALIDITY) > 0) {
            throw new IllegalArgumentException("validFor must be more than 0 and at most 7 days");
        }
        return downloads.get(bucket, key, validFor, () -> toUri(presigner.presignGetObject(b -> b
                .signatureDuration(validFor).getObjectRequest(g -> g.bucket(bucket).key(key))).url()));
    }

    // ------------------------------------------------------------------ helpers

    private S3Client client() {
        if (s3 == null) {
            throw new IllegalStateException("this S3PhotoStore only signs URLs (signerFromEnv); use fromEnv to verify or attach");
        }
        return s3;
    }

    private static RuntimeException classify(S3Exception e) {
        return S3Objects.classify(e);
    }

    private static URI toUri(java.net.URL url) {
        return S3Objects.toUri(url);
    }
}
