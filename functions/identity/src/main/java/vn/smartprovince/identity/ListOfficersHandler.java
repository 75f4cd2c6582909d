package vn.smartprovince.identity;

import java.util.List;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.ApiException;
import vn.smartprovince.shared.http.FieldError;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code GET /v1/agencies/{agencyId}/officers}: for province administrators and the agency's own
 * officers (an officer of another agency gets 403). Phone numbers are masked.
 */
public final class ListOfficersHandler extends AuthenticatedFunction {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
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
        int limit = limit(request);
        String after = request.queryParameter("cursor").map(cursor -> OfficerCursor.decode(cursor, agencyId)).orElse(null);
        Users.Page page = roles.officers(caller, agencyId, after, limit);
        List<Views.Person> items = page.users().stream().map(Views.Person::of).toList();
        String next = page.lastZaloId() == null ? null : OfficerCursor.encode(agencyId, page.lastZaloId());
        return Requests.privateJson(200, new Views.PersonPage(items, next));
    }

    static int limit(HttpRequest request) {
        String text = request.queryParameter("limit").orElse(null);
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.invalid(new FieldError("limit", "OUT_OF_RANGE", "limit phải từ 1 đến " + MAX_LIMIT + ".",
                "limit must be between 1 and " + MAX_LIMIT + "."));
    }
}
