package vn.smartprovince.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import vn.smartprovince.reports.core.PhotoKeys;
import vn.smartprovince.reports.core.PhotoLimits;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.reports.core.PhotoType;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.ErrorCode;

/**
 * The store's rules without S3: what an upload URL signs, the limits, ownership. The S3 client
 * points at a closed port, so any call to S3 would fail with 503: tests that expect a 400 prove
 * that the answer came without asking S3.
 */
class S3PhotoStoreTest {
    static final String AN = "9000000000000000001";
    static final String BINH = "9000000000000000002";
    static final UUID ID = UUID.fromString("0b4e8a52-3f6e-4a8e-9a57-6a2f1d1c3b7e");
    static final Env ENV = new Env(Map.of(
            "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
            "AWS_REGION", "ap-southeast-1",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "PHOTO_BUCKET", "photos-unit"));
    static final S3Client UNREACHABLE = AwsClients.s3(ENV);

    static S3PhotoStore store() {
        return new S3PhotoStore(UNREACHABLE, AwsClients.s3Presigner(ENV), "photos-unit", PhotoLimits.defaults(), () -> ID);
    }

    @AfterAll
    static void close() {
        UNREACHABLE.close();
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void anUploadSignsTypeSizeAndTagFor15MinutesUnderTheUsersPendingPrefix() {
        Instant before = Instant.now();
        PhotoStore.PresignedUpload upload = store().presignUpload(AN, "image/JPG", 2_483_211);
        assertEquals("report-photos/pending/" + AN + "/" + ID + ".jpg", upload.key());
        // path style at the endpoint override (the emulator), the key as the path
        assertEquals("http", upload.url().getScheme());
        assertEquals("/photos-unit/" + upload.key(), upload.url().getPath());
        Map<String, String> query = query(upload.url().getRawQuery());
        assertEquals("900", query.get("X-Amz-Expires"));
        assertEquals(List.of("content-length", "content-type", "host", "x-amz-tagging"),
                Arrays.asList(query.get("X-Amz-SignedHeaders").split(";")),
                "the signature covers the size, the type and the pending tag");
        assertEquals(Map.of("Content-Type", "image/jpeg", "x-amz-tagging", "photo-state=pending"), upload.headers(),
                "what the client sends besides Content-Length (set from the body) and Host");
        Duration valid = Duration.between(before, upload.expiresAt());
        assertTrue(valid.compareTo(Duration.ofMinutes(14)) > 0 && valid.compareTo(Duration.ofMinutes(16)) < 0, valid.toString());
    }

    @Test
    void eachFormatGetsItsExtension() {
        assertTrue(store().presignUpload(AN, "image/heic", 10).key().endsWith(".heic"));
        assertTrue(store().presignUpload(AN, "image/png", 10).key().endsWith(".png"));
        assertTrue(store().presignUpload(AN, "image/webp", 10).key().endsWith(".webp"));
    }

    @Test
    void typeAndSizeOutsideTheLimitsAreRefusedTogether() {
        ApiException e = assertThrows(ApiException.class, () -> store().presignUpload(AN, "image/gif", 10_485_761));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals(List.of("contentType:UNSUPPORTED_TYPE", "sizeBytes:TOO_LARGE"), codes(e));
        assertTrue(e.details().get(1).messageVi().contains("10 MB"), e.details().get(1).messageVi());

        assertEquals(List.of("sizeBytes:OUT_OF_RANGE"), codes(assertThrows(ApiException.class,
                () -> store().presignUpload(AN, "image/jpeg", 0))));
        assertEquals(List.of("contentType:REQUIRED"), codes(assertThrows(ApiException.class,
                () -> store().presignUpload(AN, " ", 100))));
        // exactly the limit is fine
        store().presignUpload(AN, "image/jpeg", 10_485_760);
    }

    @Test
    void narrowerLimitsFromTheEnvironmentApply() {
        Env env = new Env(Map.of("AWS_REGION", "ap-southeast-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "PHOTO_BUCKET", "photos-prod", "PHOTO_MAX_BYTES", "2048", "PHOTO_CONTENT_TYPES", "image/jpeg"));
        S3PhotoStore signer = S3PhotoStore.signerFromEnv(env);
        assertEquals(List.of("contentType:UNSUPPORTED_TYPE", "sizeBytes:TOO_LARGE"),
                codes(assertThrows(ApiException.class, () -> signer.presignUpload(AN, "image/png", 2049))));
        PhotoStore.PresignedUpload upload = signer.presignUpload(AN, "image/jpeg", 2048);
        // without an endpoint override: AWS's virtual-hosted style over https
        assertEquals("https://photos-prod.s3.ap-southeast-1.amazonaws.com/" + upload.key(),
                upload.url().toString().substring(0, upload.url().toString().indexOf('?')));
        assertThrows(IllegalStateException.class, () -> signer.verifyUploadedBy(AN, List.of(upload.key())),
                "a signer-only store has no S3 client");
    }

    @Test
    void keysOfOtherUsersOrOfNoOneAreNotYoursWithoutAskingS3() {
        String binhs = PhotoKeys.pending(BINH, PhotoType.JPEG, UUID.randomUUID());
        ApiException e = assertThrows(ApiException.class, () -> store().verifyUploadedBy(AN, Arrays.asList(
                binhs, "report-photos/pending/" + AN + "/not-a-uuid.jpg", null, "../../etc/passwd")));
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code(), "not a 503: S3 was not called");
        assertEquals(List.of("photoKeys[0]:NOT_YOURS", "photoKeys[1]:NOT_YOURS", "photoKeys[2]:NOT_YOURS",
                "photoKeys[3]:NOT_YOURS"), codes(e));
        store().verifyUploadedBy(AN, List.of());
    }

    @Test
    void anUnreachableS3IsA503() {
        String own = PhotoKeys.pending(AN, PhotoType.JPEG, UUID.randomUUID());
        ApiException e = assertThrows(ApiException.class, () -> store().verifyUploadedBy(AN, List.of(own)));
        assertEquals(ErrorCode.DEPENDENCY_UNAVAILABLE, e.code());
        assertEquals("s3", e.getMessage());
    }

    @Test
    void downloadsArePresignedGetsOfPhotoKeysOnly() {
        String key = PhotoKeys.pending(AN, PhotoType.JPEG, ID);
        var url = store().presignDownload(key, Duration.ofMinutes(10));
        assertEquals("/photos-unit/" + key, url.getPath());
        Map<String, String> query = query(url.getRawQuery());
        assertEquals("600", query.get("X-Amz-Expires"));
        assertEquals("host", query.get("X-Amz-SignedHeaders"));
        assertThrows(IllegalArgumentException.class, () -> store().presignDownload("secrets/x", Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> store().presignDownload(key, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> store().presignDownload(key, Duration.ofDays(8)));
    }

    @Test
    void theClientIsToldTheSignedHeadersButHostAndContentLength() {
        assertEquals(Map.of("Content-Type", "image/png", "x-amz-tagging", "photo-state=pending"),
                S3PhotoStore.clientHeaders(Map.of("host", List.of("s3"), "content-length", List.of("10"),
                        "content-type", List.of("image/png"), "x-amz-tagging", List.of("photo-state=pending"))));
        assertFalse(S3PhotoStore.clientHeaders(Map.of("Host", List.of("x"))).containsKey("Host"));
    }

    static List<String> codes(ApiException e) {
        return e.details().stream().map(d -> d.field() + ":" + d.code()).toList();
    }

}
