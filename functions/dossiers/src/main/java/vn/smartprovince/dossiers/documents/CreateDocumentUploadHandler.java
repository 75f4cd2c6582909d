package vn.smartprovince.dossiers.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.DocumentLimits;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.shared.province.DocumentRequirement;
import vn.smartprovince.shared.province.DocumentType;
import vn.smartprovince.shared.province.Procedure;
import vn.smartprovince.shared.province.ProvinceConfig;

/**
 * {@code POST /v1/dossier-documents/uploads} (signed in): {@code {contentType, bytes, procedureCode?,
 * documentKey?}} for a presigned upload {@code {fileKey, uploadUrl, headers, expiresAt}} (15 minutes).
 * The mini app PUTs the file straight to the private bucket and cites {@code fileKey} in its dossier.
 * Types JPEG, PNG, PDF up to {@code DOCUMENT_MAX_BYTES}; with a procedure's document named, only
 * that document's accepted types. Nothing is stored, so no Idempotency-Key.
 */
public final class CreateDocumentUploadHandler extends AuthenticatedFunction {
    private static final Set<String> FIELDS = Set.of("contentType", "bytes", "procedureCode", "documentKey");

    private final DocumentStore documents;
    private final DocumentLimits limits;
    private final Supplier<ProvinceConfig> config;

    public CreateDocumentUploadHandler() {
        this(Wiring.of(Env.current()));
    }

    CreateDocumentUploadHandler(Wiring wiring) {
        this(wiring.documentSigner(), wiring.documentLimits(), () -> wiring.provinceConfigs().snapshot().config());
    }

    CreateDocumentUploadHandler(DocumentStore documents, DocumentLimits limits, Supplier<ProvinceConfig> config) {
        this.documents = documents;
        this.limits = limits;
        this.config = config;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        JsonNode body = request.jsonBody();
        BodyFields problems = new BodyFields();
        problems.onlyFields(body, FIELDS);
        String contentType = problems.token(body, "contentType", true);
        JsonNode bytesNode = body.get("bytes");
        long bytes = 0;
        if (bytesNode == null || bytesNode.isNull()) {
            problems.error(BodyFields.required("bytes"));
        } else if (!bytesNode.isIntegralNumber() || !bytesNode.canConvertToLong()) {
            problems.error("bytes", "INVALID_TYPE", "Phải là số byte (số nguyên).", "Must be a whole number of bytes.");
        } else {
            bytes = bytesNode.asLong();
            if (bytes < 1) {
                problems.error("bytes", "OUT_OF_RANGE", "Kích thước tệp phải lớn hơn 0 byte.", "bytes must be at least 1.");
            } else if (bytes > limits.maxBytes()) {
                problems.error("bytes", "TOO_LARGE", "Tệp quá lớn: tối đa " + limits.sizeText() + ".",
                        "The file is too large: at most " + limits.maxBytes() + " bytes.");
            }
        }
        String procedureCode = problems.token(body, "procedureCode", false);
        String documentKey = problems.token(body, "documentKey", false);
        Set<DocumentType> accepted = Set.of(DocumentType.values());
        if ((procedureCode == null) != (documentKey == null) && !problems.hasErrorFor("procedureCode")
                && !problems.hasErrorFor("documentKey")) {
            String missing = procedureCode == null ? "procedureCode" : "documentKey";
            problems.error(missing, "REQUIRED", "procedureCode và documentKey phải đi cùng nhau.",
                    "procedureCode and documentKey go together.");
        } else if (procedureCode != null) {
            Optional<Procedure> procedure = config.get().procedure(procedureCode);
            if (procedure.isEmpty()) {
                problems.error("procedureCode", "UNKNOWN_PROCEDURE", "Không có thủ tục này.", "No such procedure.");
            } else {
                Optional<DocumentRequirement> requirement = procedure.get().documents().stream()
                        .filter(d -> d.key().equals(documentKey)).findFirst();
                if (requirement.isEmpty()) {
                    problems.error("documentKey", "UNKNOWN_DOCUMENT", "Thủ tục không có thành phần hồ sơ này.",
                            "The procedure has no such document.");
                } else {
                    accepted = Set.copyOf(requirement.get().acceptedTypes());
                }
            }
        }
        DocumentType type = contentType == null ? null : DocumentType.ofContentType(contentType);
        if (contentType != null && (type == null || !accepted.contains(type))) {
            String list = Arrays.stream(DocumentType.values()).filter(accepted::contains).map(DocumentType::contentType)
                    .collect(Collectors.joining(", "));
            problems.error("contentType", "UNSUPPORTED_TYPE", "Chỉ nhận tệp dạng " + list + ".",
                    "Only these file types are accepted: " + list + ".");
        }
        problems.done();
        DocumentStore.Upload upload = documents.createUpload(caller.userId(), type, bytes);
        ObjectNode answer = Json.object();
        answer.put("fileKey", upload.fileKey());
        answer.put("uploadUrl", upload.url());
        ObjectNode headers = answer.putObject("headers");
        upload.headers().forEach(headers::put);
        answer.put("expiresAt", upload.expiresAt().toString());
        answer.put("maxBytes", limits.maxBytes());
        // The URL works for whoever holds it until it expires: never cached anywhere.
        return HttpResponse.privateJson(200, answer);
    }
}
