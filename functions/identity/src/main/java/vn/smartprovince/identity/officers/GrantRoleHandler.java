package vn.smartprovince.identity.officers;

import vn.smartprovince.identity.core.User;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/**
 * {@code PUT /v1/users/{zaloId}/roles/{role}} (province admin): make a user an EDITOR (writes news)
 * or an ALERT_SENDER (sends urgent alerts). Idempotent; takes effect on the person's next request.
 */
public final class GrantRoleHandler extends AuthenticatedFunction {
    private final OfficerRoles roles;

    public GrantRoleHandler() {
        this(Env.current());
    }

    public GrantRoleHandler(Env env) {
        this(GrantOfficerHandler.officerRoles(env));
    }

    GrantRoleHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String role = request.pathParameter("role").orElse(null);
        User user = roles.grantRole(caller, request.pathParameter("zaloId").orElse(null), role);
        GrantOfficerHandler.audit("role granted: " + role, request, caller, user);
        return HttpResponse.privateJson(200, OfficerViews.Person.of(user));
    }
}
