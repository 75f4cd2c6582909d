package vn.smartprovince.identity.officers;

import java.util.List;
import vn.smartprovince.identity.core.Users;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/agencies/{agencyId}/officers}: for province administrators and the agency's own
 * officers (an officer of another agency gets 403). Phone numbers are masked.
 */
public final class ListOfficersHandler extends AuthenticatedFunction {
    private final OfficerRoles roles;

    public ListOfficersHandler() {
        this(Env.current());
    }

    public ListOfficersHandler(Env env) {
        this(GrantOfficerHandler.officerRoles(env));
    }

    ListOfficersHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String agencyId = request.pathParameter("agencyId").orElse("");
        // Who may see this agency (403) and whether it exists (404) before the query's limit and cursor (400).
        OfficerRoles.AgencyOfficers officers = roles.officersOf(caller, agencyId);
        int limit = request.pageLimit();
        String after = request.queryParameter("cursor").map(cursor -> OfficerCursor.decode(cursor, agencyId)).orElse(null);
        Users.Page page = officers.page(after, limit);
        List<OfficerViews.Person> items = page.users().stream().map(OfficerViews.Person::of).toList();
        String next = page.lastZaloId() == null ? null : OfficerCursor.encode(agencyId, page.lastZaloId());
        return HttpResponse.privateJson(200, new OfficerViews.PersonPage(items, next));
    }
}
