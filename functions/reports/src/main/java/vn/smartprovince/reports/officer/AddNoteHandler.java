package vn.smartprovince.reports.officer;

import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.idempotency.Idempotency;

/** {@code POST /v1/reports/{id}/notes}: an officer's internal note (never shown to citizens or the public); 201; {@code Idempotency-Key} makes retries safe. */
public final class AddNoteHandler extends AuthenticatedFunction {
    private final InternalNotes notes;

    public AddNoteHandler() {
        this(Env.current());
    }

    AddNoteHandler(Env env) {
        this(InternalNotes.of(Wiring.of(env)));
    }

    AddNoteHandler(InternalNotes notes) {
        this.notes = notes;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        InternalNotes.Added added = notes.add(caller, Requests.reportId(request), request::jsonBody,
                () -> Idempotency.key(request));
        HttpResponse response = HttpResponse.privateJson(201, added.note());
        return Idempotency.answer(response, added.replayed());
    }
}
