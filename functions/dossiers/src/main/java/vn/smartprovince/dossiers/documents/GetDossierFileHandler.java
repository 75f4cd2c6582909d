package vn.smartprovince.dossiers.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.smartprovince.dossiers.Wiring;
import vn.smartprovince.dossiers.core.AttachedDocument;
import vn.smartprovince.dossiers.core.DocumentLimits;
import vn.smartprovince.dossiers.core.DocumentStore;
import vn.smartprovince.dossiers.core.Dossier;
import vn.smartprovince.dossiers.core.DossierAccess;
import vn.smartprovince.dossiers.core.DossierErrors;
import vn.smartprovince.dossiers.core.DossierStore;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.json.Json;

/**
 * {@code GET /v1/dossiers/{id}/files/{n}} (signed in): a 5-minute presigned GET of the dossier's
 * {@code n}th document (its index in the dossier's documents) or, with {@code result}, of the
 * result file: {@code {url, expiresAt, contentType}}. Only to whoever may see the dossier
 * ({@link DossierAccess}); anyone else, like a missing file, gets 404.
 */
public final class GetDossierFileHandler extends AuthenticatedFunction {
    private final DossierStore dossiers;
    private final DocumentStore documents;
    private final Clock clock;

    public GetDossierFileHandler() {
        this(Wiring.of(Env.current()));
    }

    GetDossierFileHandler(Wiring wiring) {
        this(wiring.dossiers(), wiring.documentSigner(), wiring.clock());
    }

    GetDossierFileHandler(DossierStore dossiers, DocumentStore documents, Clock clock) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = request.pathParameter("id").orElseThrow(DossierErrors::notFound);
        Dossier dossier = dossiers.find(id).orElseThrow(DossierErrors::notFound);
        DossierAccess access = DossierAccess.of(caller, dossier, List.of());
        if (!access.sees()) {
            access = DossierAccess.of(caller, dossier, dossiers.timeline(id));
        }
        if (!access.sees()) {
            throw DossierErrors.notFound();
        }
        String which = request.pathParameter("n").orElse("");
        String fileKey;
        String contentType;
        if (which.equals("result")) {
            if (dossier.result() == null || dossier.result().fileKey() == null) {
                throw DossierErrors.notFound();
            }
            fileKey = dossier.result().fileKey();
            contentType = contentTypeOf(fileKey);
        } else {
            if (!which.matches("\\d{1,3}") || Integer.parseInt(which) >= dossier.documents().size()) {
                throw DossierErrors.notFound();
            }
            AttachedDocument document = dossier.documents().get(Integer.parseInt(which));
            fileKey = document.fileKey();
            contentType = document.type() == null ? contentTypeOf(fileKey) : document.type().contentType();
        }
        Instant expiresAt = clock.instant().plus(DocumentLimits.DOWNLOAD_TTL);
        ObjectNode answer = Json.object();
        answer.put("url", documents.downloadUrl(fileKey, DocumentLimits.DOWNLOAD_TTL));
        answer.put("expiresAt", expiresAt.toString());
        answer.put("contentType", contentType);
        return HttpResponse.privateJson(200, answer);
    }

    private static String contentTypeOf(String key) {
        for (var type : vn.smartprovince.shared.province.DocumentType.values()) {
            if (key.endsWith("." + type.extension())) {
                return type.contentType();
            }
        }
        return "application/octet-stream";
    }
}
