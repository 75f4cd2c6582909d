package vn.smartprovince.identity.officers;

import vn.smartprovince.identity.core.User;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code DELETE /v1/users/{zaloId}/roles/{role}} (province admin): take EDITOR or ALERT_SENDER away; idempotent. */
public final class RevokeRoleHandler extends AuthenticatedFunction {
    private final OfficerRoles roles;

    public RevokeRoleHandler() {
        this(Env.current());
    }

    public RevokeRoleHandler(Env env) {
        this(GrantOfficerHandler.officerRoles(env));
    }

    RevokeRoleHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        String role = request.pathParameter("role").orElse(null);
        User user = roles.revokeRole(caller, request.pathParameter("zaloId").orElse(null), role);
        GrantOfficerHandler.audit("role revoked: " + role, request, caller, user);
        return HttpResponse.privateJson(200, OfficerViews.Person.of(user));
    }
}
