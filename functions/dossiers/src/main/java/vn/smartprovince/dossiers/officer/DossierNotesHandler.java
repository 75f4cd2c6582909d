package vn.smartprovince.dossiers.officer;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import vn.smartprovince.shared.http.HttpFunction;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * Internal notes, one method per function: {@code POST /v1/dossiers/{id}/notes} ({@code {"text"}},
 * 201 with the note) and {@code GET /v1/dossiers/{id}/notes} ({@code {"items": [...]}}, oldest
 * first). See {@link DossierNotes} for who may.
 */
public final class DossierNotesHandler {
    private final HttpFunction add;
    private final HttpFunction list;

    DossierNotesHandler(DossierNotes notes) {
        add = OfficerRequests.authenticated((request, caller) -> HttpResponse.privateJson(201,
                notes.add(caller, OfficerRequests.dossierId(request), request::jsonBody)));
        list = OfficerRequests.authenticated((request, caller) -> HttpResponse.privateJson(200,
                Map.of("items", notes.list(caller, OfficerRequests.dossierId(request)))));
    }

    /** {@code POST /v1/dossiers/{id}/notes}. */
    public void add(InputStream input, OutputStream output, Context context) throws IOException {
        add.handleRequest(input, output, context);
    }

    /** {@code GET /v1/dossiers/{id}/notes}. */
    public void list(InputStream input, OutputStream output, Context context) throws IOException {
        list.handleRequest(input, output, context);
    }
}
