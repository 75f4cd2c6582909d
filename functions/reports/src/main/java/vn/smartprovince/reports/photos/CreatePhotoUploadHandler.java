package vn.smartprovince.reports.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.PhotoStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/**
 * {@code POST /v1/report-photos/uploads} (signed in): {@code {contentType, sizeBytes}} for a
 * presigned upload {@code {key, uploadUrl, headers, expiresAt}}. The mini app then PUTs the photo
 * straight to storage and cites {@code key} in its report. Nothing is stored here, so there is no
 * Idempotency-Key: a retry simply gets another URL, and an unused upload expires by itself.
 */
public final class CreatePhotoUploadHandler extends AuthenticatedFunction {
    private static final Set<String> FIELDS = Set.of("contentType", "sizeBytes");

    private final PhotoStore photos;

    public CreatePhotoUploadHandler() {
        this(Env.current());
    }

    CreatePhotoUploadHandler(Env env) {
        this(Wiring.of(env).photoSigner());
    }

    CreatePhotoUploadHandler(PhotoStore photos) {
        this.photos = photos;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        JsonNode body = request.jsonBody();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, FIELDS);
        JsonNode contentType = body.get("contentType");
        if (contentType == null || contentType.isNull()) {
            problems.error(new FieldError("contentType", "REQUIRED", "Thiếu loại tệp ảnh (contentType).",
                    "contentType is missing."));
        } else if (!contentType.isTextual()) {
            problems.error(new FieldError("contentType", "INVALID_TYPE", "Phải là một chuỗi, ví dụ \"image/jpeg\".",
                    "Must be a string such as \"image/jpeg\"."));
        }
        JsonNode size = body.get("sizeBytes");
        if (size == null || size.isNull()) {
            problems.error(new FieldError("sizeBytes", "REQUIRED", "Thiếu kích thước ảnh (sizeBytes).",
                    "sizeBytes is missing."));
        } else if (!size.isIntegralNumber() || !size.canConvertToLong()) {
            problems.error(new FieldError("sizeBytes", "INVALID_TYPE", "Phải là số byte (số nguyên).",
                    "Must be a whole number of bytes."));
        }
        problems.done();
        PhotoStore.PresignedUpload upload = photos.presignUpload(caller.userId(), contentType.asText(), size.asLong());
        ObjectNode answer = Json.object();
        answer.put("key", upload.key());
        answer.put("uploadUrl", upload.url().toString());
        ObjectNode headers = answer.putObject("headers");
        upload.headers().forEach(headers::put);
        answer.put("expiresAt", upload.expiresAt().toString());
        // The URL works for whoever holds it until it expires: never cached anywhere.
        return HttpResponse.privateJson(200, answer);
    }
}
