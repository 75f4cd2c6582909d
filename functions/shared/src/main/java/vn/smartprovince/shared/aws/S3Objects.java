package vn.smartprovince.shared.aws;

import java.net.URI;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.log.JsonLog;

/**
 * What every private-bucket store (report photos, dossier documents) does the same way around
 * presigned URLs: the headers a client must send with a presigned PUT, a HeadObject that answers
 * "not there" for a missing or unreadable object, and the one classification of S3 failures
 * (throttling and 5xx: 503 {@code s3}; unreachable: 503 {@code s3}; anything else is our bug).
 */
public final class S3Objects {
    private S3Objects() {
    }

    /**
     * The signed headers the client must send: all but {@code Host} and {@code Content-Length},
     * which every HTTP client derives from the URL and the body (and fetch() and the JDK client
     * refuse to set). Content-Length is still signed: a body of another size is refused by S3.
     */
    public static Map<String, String> clientHeaders(Map<String, List<String>> signed) {
        Map<String, String> headers = new LinkedHashMap<>();
        signed.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals("host") && !lower.equals("content-length")) {
                headers.put(lower.equals("content-type") ? "Content-Type" : lower, String.join(",", values));
            }
        });
        return headers;
    }

    /**
     * The object's metadata, or empty when it is missing: S3 answers 404, or 403 when the caller may
     * not list the bucket or read the key (either way the object cannot be used; operators see why in
     * the log, with {@code hint}).
     */
    public static Optional<HeadObjectResponse> head(S3Client s3, String bucket, String key, String hint) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 403) {
                JsonLog.warn("object head refused", Map.of("bucket", bucket, "status", 403, "hint", hint));
                return Optional.empty();
            }
            throw classify(e);
        } catch (SdkClientException e) {
            throw ApiException.unavailable("s3");
        }
    }

    /** Throttling and server errors are S3 being unavailable; anything else (a 400, a wrong region) is our bug. */
    public static RuntimeException classify(S3Exception e) {
        if (e.statusCode() >= 500 || e.isThrottlingException() || e.statusCode() == 429) {
            return ApiException.unavailable("s3");
        }
        return e;
    }

    public static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the SDK signed a URL that is not a URI", e);
        }
    }
}
