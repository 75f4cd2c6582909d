package vn.smartprovince.identity;

import java.util.List;
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

    ListOfficersHandler(Env env) {
        this(GrantOfficerHandler.officerRoles(env));
    }

    ListOfficersHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String agencyId = request.pathParameter("agencyId").orElse("");
        caller.requireProvinceAdminOrOfficerOf(agencyId);
        int limit = request.pageLimit();
        String after = request.queryParameter("cursor").map(cursor -> OfficerCursor.decode(cursor, agencyId)).orElse(null);
        Users.Page page = roles.officers(caller, agencyId, after, limit);
        List<Views.Person> items = page.users().stream().map(Views.Person::of).toList();
        String next = page.lastZaloId() == null ? null : OfficerCursor.encode(agencyId, page.lastZaloId());
        return HttpResponse.privateJson(200, new Views.PersonPage(items, next));
    }
}
