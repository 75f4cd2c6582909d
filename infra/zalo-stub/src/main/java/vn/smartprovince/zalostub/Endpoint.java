package vn.smartprovince.zalostub;

import java.util.Optional;

/**
 * The Zalo endpoints the stub serves. Production reaches them on four hosts; the stub serves all
 * of them on one port, so a base URL of {@code http://localhost:<port>} stands in for each host.
 * The {@link #id()} names an endpoint in the control API (faults, call log).
 */
public enum Endpoint {
    /** {@code GET https://graph.zalo.me/v2.0/me?fields=id,name,picture}: the mini app user. */
    GRAPH_ME("graph.me", Host.GRAPH, "GET", "/v2.0/me"),
    /** {@code GET https://graph.zalo.me/v2.0/me/info}: decodes a phone-number or location token. */
    GRAPH_ME_INFO("graph.me.info", Host.GRAPH, "GET", "/v2.0/me/info"),
    /** {@code POST https://business.openapi.zalo.me/message/template}: a ZNS template message. */
    ZNS_SEND("zns.send", Host.BUSINESS, "POST", "/message/template"),
    /** {@code GET https://business.openapi.zalo.me/template/info/v2?template_id=}: a ZNS template. */
    ZNS_TEMPLATE_INFO("zns.template.info", Host.BUSINESS, "GET", "/template/info/v2"),
    /**
     * {@code POST https://openapi.zalo.me/v3.0/oa/message/template}: a ZBS Template Message by the
     * OA-scoped user id (the path the backend defaults to; see docs/notifications-zbs.md).
     */
    ZBS_UID_SEND("zbs.uid.send", Host.OPENAPI, "POST", "/v3.0/oa/message/template"),
    /** {@code POST https://openapi.zalo.me/v3.0/oa/message/cs}: OA consultation message. */
    OA_MESSAGE_CS("oa.message.cs", Host.OPENAPI, "POST", "/v3.0/oa/message/cs"),
    /** {@code POST https://openapi.zalo.me/v3.0/oa/message/transaction}: OA transaction message. */
    OA_MESSAGE_TRANSACTION("oa.message.transaction", Host.OPENAPI, "POST", "/v3.0/oa/message/transaction"),
    /** {@code POST https://oauth.zaloapp.com/v4/oa/access_token}: OA token refresh. */
    OAUTH_OA_ACCESS_TOKEN("oauth.oa.access_token", Host.OAUTH, "POST", "/v4/oa/access_token");

    /** The production host an endpoint lives on (the template's four base-URL parameters). */
    public enum Host {
        GRAPH("ZaloGraphBaseUrl", "https://graph.zalo.me"),
        OPENAPI("ZaloOpenApiBaseUrl", "https://openapi.zalo.me"),
        BUSINESS("ZaloBusinessBaseUrl", "https://business.openapi.zalo.me"),
        OAUTH("ZaloOAuthBaseUrl", "https://oauth.zaloapp.com");

        private final String parameter;
        private final String production;

        Host(String parameter, String production) {
            this.parameter = parameter;
            this.production = production;
        }

        /** The template parameter holding this host's base URL. */
        public String parameter() {
            return parameter;
        }

        public String production() {
            return production;
        }
    }

    private final String id;
    private final Host host;
    private final String method;
    private final String path;

    Endpoint(String id, Host host, String method, String path) {
        this.id = id;
        this.host = host;
        this.method = method;
        this.path = path;
    }

    public String id() {
        return id;
    }

    public Host host() {
        return host;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public static Optional<Endpoint> byId(String id) {
        for (Endpoint endpoint : values()) {
            if (endpoint.id.equals(id)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    /** The endpoint at this path (any method), if any. A trailing slash is ignored. */
    public static Optional<Endpoint> byPath(String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(normalised)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }
}
