package vn.smartprovince.identity;

import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;

/** {@code DELETE /v1/users/{zaloId}/officer-role} (province admin): a user is an officer no more. */
public final class RevokeOfficerHandler extends AuthenticatedFunction {
    private final OfficerRoles roles;

    public RevokeOfficerHandler() {
        this(Env.current());
    }

    RevokeOfficerHandler(Env env) {
        this(GrantOfficerHandler.officerRoles(env));
    }

    RevokeOfficerHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        User user = roles.revoke(caller, request.pathParameter("zaloId").orElse(null));
        GrantOfficerHandler.audit("officer role revoked", request, caller, user);
        return HttpResponse.privateJson(200, Views.Person.of(user));
    }
}
