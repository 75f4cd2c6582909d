package vn.smartprovince.reports.officer;

import java.util.regex.Pattern;
import vn.smartprovince.reports.Wiring;
import vn.smartprovince.reports.core.Cursors;
import vn.smartprovince.reports.core.Requests;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code GET /v1/reports/{id}/notes}: the report's internal notes, oldest first, {@code limit}/{@code cursor}; officers only. */
public final class ListNotesHandler extends AuthenticatedFunction {
    static final Pattern NOTE_SORT = Pattern.compile("NOTE#[0-9T:.Z-]{10,40}#n[a-z2-7]{24}");
    private final InternalNotes notes;

    public ListNotesHandler() {
        this(Env.current());
    }

    ListNotesHandler(Env env) {
        this(InternalNotes.of(Wiring.of(env)));
    }

    ListNotesHandler(InternalNotes notes) {
        this.notes = notes;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String id = Requests.reportId(request);
        int limit = request.pageLimit();
        String list = "notes|" + id;
        String after = request.queryParameter("cursor")
                .map(cursor -> Cursors.decode(cursor, list, caller.userId(), NOTE_SORT)).orElse(null);
        InternalNotes.ListResult result = notes.list(caller, id, after, limit);
        String next = result.lastSortKey() == null ? null : Cursors.encode(list, caller.userId(), result.lastSortKey());
        return HttpResponse.privateJson(200, new InternalNotes.NotePage(result.notes(), next));
    }
}
