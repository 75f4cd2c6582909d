package vn.smartprovince.identity.store;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.smartprovince.identity.core.ZaloIdentity;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.shared.secrets.SecretNotFoundException;
import vn.smartprovince.shared.zalo.ZaloClient;
import vn.smartprovince.shared.zalo.ZaloException;

/**
 * {@link ZaloIdentity} over the shared {@link ZaloClient} (appsecret_proof, egress proxy,
 * timeouts, error classification). A refused token is the caller's problem (401/400); anything
 * else (unreachable, timeout, 5xx, -501 region restriction, a wrong app secret) is a 503 naming
 * the client's sanitised reason, and a warning line for operators. Tokens are never logged.
 */
public final class ZaloClientIdentity implements ZaloIdentity {
    /** Zalo's "invalid parameter", its answer to an appsecret_proof that does not match the token. */
    public static final int INVALID_PARAMETER = 100;

    private final ZaloClient client;

    public ZaloClientIdentity(ZaloClient client) {
        this.client = client;
    }

    @Override
    public ZaloUser me(String accessToken) {
        try {
            vn.smartprovince.shared.zalo.ZaloUser user = client.user(accessToken);
            return new ZaloUser(user.id(), user.name(), user.avatarUrl());
        } catch (ZaloException e) {
            throw translate(e, false);
        } catch (SecretNotFoundException e) {
            throw missingSecret(e);
        }
    }

    @Override
    public String phoneNumber(String accessToken, String phoneToken) {
        try {
            return client.phoneNumber(accessToken, phoneToken);
        } catch (ZaloException e) {
            throw translate(e, true);
        } catch (SecretNotFoundException e) {
            throw missingSecret(e);
        }
    }

    /** A phone token Zalo refuses for good (expired, already used, another app's) is the client's to fix. */
    private static RuntimeException translate(ZaloException e, boolean phoneToken) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("endpoint", e.endpoint());
        fields.put("kind", e.kind().name());
        fields.put("httpStatus", e.httpStatus());
        fields.put("zaloCode", e.zaloCode());
        fields.put("reason", e.reason());
        if (e.kind() == ZaloException.Kind.INVALID_TOKEN
                || (phoneToken && e.kind() == ZaloException.Kind.PERMANENT)) {
            JsonLog.info("zalo refused a token", fields);
            return new TokenRejected(e.reason());
        }
        if (e.zaloCode() == INVALID_PARAMETER && e.endpoint().startsWith("graph.")) {
            // Zalo's answer to an appsecret_proof that does not fit the token: the token belongs
            // to another Zalo app (the client's problem, 401). Were our app secret wrong, every
            // sign-in would end here: the warning says so for operators.
            JsonLog.warn("zalo refused the appsecret_proof: a token of another app, or a wrong app secret", fields);
            return new TokenRejected(e.reason());
        }
        JsonLog.warn("zalo unavailable", fields);
        return new Unavailable(e.reason(), e);
    }

    private static RuntimeException missingSecret(SecretNotFoundException e) {
        JsonLog.warn("zalo app secret missing", Map.of("secret", e.secretName()));
        return new Unavailable("zalo app secret missing: create the secret named by ZALO_APP_SECRET_NAME", e);
    }
}
