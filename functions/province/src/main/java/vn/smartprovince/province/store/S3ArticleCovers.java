package vn.smartprovince.province.store;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import vn.smartprovince.province.core.ArticleCovers;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.aws.PresignedLinks;
import vn.smartprovince.shared.aws.S3Objects;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;

/**
 * {@link ArticleCovers} in the private photo bucket ({@code PHOTO_BUCKET}) under
 * {@code news/covers/<uuid>.<ext>}, as the reports' photos are uploaded (presigned PUT signing the
 * content type and exact length; {@link S3Objects}). Images only: JPEG, PNG and WebP (what every
 * phone's web view shows; HEIC is not), at most {@code PHOTO_MAX_BYTES}. The prefix has no expiry
 * rule: covers live as long as their articles.
 */
public final class S3ArticleCovers implements ArticleCovers {
    public static final String PREFIX = "news/covers/";
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/webp", "webp");
    private static final Pattern KEY = Pattern.compile(Pattern.quote(PREFIX)
            + "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(jpg|png|webp)");
    private static final Duration UPLOAD_TTL = Duration.ofMinutes(15);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final PresignedLinks downloads = new PresignedLinks();
    private final String bucket;
    private final long maxBytes;

    public S3ArticleCovers(S3Client s3, S3Presigner presigner, String bucket, long maxBytes) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
    }

    /** {@code withClient} false: signing only (uploads, downloads), no S3 client built at cold start. */
    public static S3ArticleCovers fromEnv(Env env, boolean withClient) {
        return new S3ArticleCovers(withClient ? AwsClients.s3(env) : null, AwsClients.s3Presigner(env),
                env.required("PHOTO_BUCKET"), env.number("PHOTO_MAX_BYTES", 10L * 1024 * 1024, 1024, 5L << 30));
    }

    @Override
    public PresignedUpload presignUpload(String contentType, long sizeBytes) {
        List<FieldError> problems = new ArrayList<>();
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        if (type.equals("image/jpg")) {
            type = "image/jpeg";
        }
        String extension = EXTENSIONS.get(type);
        if (extension == null) {
            problems.add(new FieldError("contentType", "UNSUPPORTED_TYPE",
                    "Chỉ nhận ảnh dạng image/jpeg, image/png, image/webp.",
                    "Only image/jpeg, image/png and image/webp are accepted."));
        }
        if (sizeBytes < 1 || sizeBytes > maxBytes) {
            problems.add(new FieldError("sizeBytes", sizeBytes < 1 ? "OUT_OF_RANGE" : "TOO_LARGE",
                    "Kích thước ảnh phải từ 1 đến " + maxBytes + " byte.",
                    "sizeBytes must be from 1 to " + maxBytes + "."));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        String key = PREFIX + UUID.randomUUID() + "." + extension;
        String signedType = type;
        PresignedPutObjectRequest signed = presigner.presignPutObject(b -> b.signatureDuration(UPLOAD_TTL)
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType(signedType).contentLength(sizeBytes)));
        return new PresignedUpload(key, S3Objects.toUri(signed.url()), S3Objects.clientHeaders(signed.signedHeaders()),
                signed.expiration());
    }

    @Override
    public void verify(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.invalid(new FieldError("coverKey", "INVALID_FORMAT",
                    "Mã ảnh bìa không hợp lệ: hãy dùng key nhận được khi tải ảnh lên.",
                    "Not a cover key: use the key the cover upload answered."));
        }
        Optional<HeadObjectResponse> head = S3Objects.head(s3, bucket, key,
                "news cover: grant s3:GetObject on news/* and s3:ListBucket limited to it");
        if (head.isEmpty() || head.get().contentLength() == null || head.get().contentLength() > maxBytes
                || !EXTENSIONS.containsKey(String.valueOf(head.get().contentType()))) {
            throw ApiException.invalid(new FieldError("coverKey", "NOT_UPLOADED",
                    "Ảnh bìa chưa được tải lên xong.", "The cover was not uploaded (or not completely)."));
        }
    }

    @Override
    public URI downloadUrl(String key) {
        Duration validFor = Duration.ofDays(DOWNLOAD_DAYS);
        return downloads.get(bucket, key, validFor, () -> S3Objects.toUri(presigner.presignGetObject(b -> b
                .signatureDuration(validFor).getObjectRequest(g -> g.bucket(bucket).key(key))).url()));
    }
}
