package vn.smartprovince.shared.zalo;

/** The Zalo operations the client calls: their names in logs and errors, and the base URL each uses. */
enum ZaloEndpoint {
    GRAPH_ME("graph.me", ZaloConfig.GRAPH_BASE_URL),
    GRAPH_ME_INFO("graph.me.info", ZaloConfig.GRAPH_BASE_URL),
    ZNS_TEMPLATE_SEND("zns.template.send", ZaloConfig.BUSINESS_BASE_URL),
    ZNS_TEMPLATE_INFO("zns.template.info", ZaloConfig.BUSINESS_BASE_URL),
    /** A ZBS Template Message sent by user id through the OA API (host and path configurable). */
    ZBS_TEMPLATE_UID_SEND("zbs.template.uid.send", ZaloConfig.ZBS_BASE_URL),
    OA_MESSAGE_CS("oa.message.cs", ZaloConfig.OPENAPI_BASE_URL),
    OA_MESSAGE_TRANSACTION("oa.message.transaction", ZaloConfig.OPENAPI_BASE_URL),
    OAUTH_OA_ACCESS_TOKEN("oauth.oa.access_token", ZaloConfig.OAUTH_BASE_URL);

    final String logName;
    /** The environment variable holding this endpoint's base URL (named in misconfiguration causes). */
    final String baseVariable;

    ZaloEndpoint(String logName, String baseVariable) {
        this.logName = logName;
        this.baseVariable = baseVariable;
    }
}
