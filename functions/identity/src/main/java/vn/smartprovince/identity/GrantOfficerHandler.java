package vn.smartprovince.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import vn.smartprovince.shared.auth.AuthenticatedFunction;
import vn.smartprovince.shared.auth.Caller;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.http.BodyFields;
import vn.smartprovince.shared.http.HttpRequest;
import vn.smartprovince.shared.http.HttpResponse;
import vn.smartprovince.shared.log.JsonLog;

/** {@code PUT /v1/users/{zaloId}/officer-role} (province admin): make a user an officer of an agency. */
public final class GrantOfficerHandler extends AuthenticatedFunction {
    /** Longer than any agency id (which {@link OfficerRoles} checks), short enough to refuse nonsense early. */
    static final int MAX_AGENCY_ID_CHARS = 100;
    private final OfficerRoles roles;

    public GrantOfficerHandler() {
        this(Env.current());
    }

    GrantOfficerHandler(Env env) {
        this(officerRoles(env));
    }

    GrantOfficerHandler(OfficerRoles roles) {
        this.roles = roles;
    }

    static OfficerRoles officerRoles(Env env) {
        var dynamo = Wiring.dynamoDb(env);
        return new OfficerRoles(Wiring.users(env, dynamo), new ProvinceAgencies(dynamo, env.required("MAIN_TABLE")),
                Clock.systemUTC());
    }

    @Override
    protected HttpResponse handle(HttpRequest request, Caller caller) {
        caller.requireProvinceAdmin();
        JsonNode body = request.jsonBody();
        BodyFields fields = new BodyFields();
        fields.onlyFields(body, Set.of("agencyId"));
        String agencyId = fields.text(body, "agencyId", "agencyId", true, MAX_AGENCY_ID_CHARS, false);
        fields.done();
        String zaloId = request.pathParameter("zaloId").orElse(null);
        User user = roles.grant(caller, zaloId, agencyId);
        audit("officer role granted", request, caller, user);
        return HttpResponse.privateJson(200, Views.Person.of(user));
    }

    /** Who changed whose role: ids only (pseudonymous Zalo ids, no names or phone numbers). */
    static void audit(String message, HttpRequest request, Caller caller, User user) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", request.requestId());
        fields.put("actor", caller.userId());
        fields.put("subject", user.zaloId());
        fields.put("agencyId", user.officerOf().orElse(""));
        JsonLog.info(message, fields);
    }
}
