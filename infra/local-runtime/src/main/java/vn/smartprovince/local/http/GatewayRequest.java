package vn.smartprovince.local.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as API Gateway sees it, once the API is known: everything the route's
 * event and the authorizer's event are built from.
 *
 * @param rawPath     the request path, URL-decoded (HTTP API delivers rawPath decoded), stage prefix included
 * @param headers     lower-case names, repeated headers joined with commas, without Cookie
 * @param cookies     the Cookie header split into its cookies
 * @param queryParameters decoded, repeated names joined with commas
 */
record GatewayRequest(String method, String rawPath, String rawQueryString, Map<String, String> headers,
                      List<String> cookies, Map<String, String> queryParameters, byte[] body, String sourceIp,
                      String protocol, String requestId, Instant time, String domainName, String region,
                      String accountId, String apiId, String stage) {

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    String userAgent() {
        return headers.getOrDefault("user-agent", "");
    }

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}{path}}, what IAM policies name. */
    String routeArn() {
        String path = rawPath;
        String stagePrefix = "/" + stage;
        if (!stage.equals("$default") && path.startsWith(stagePrefix)) {
            path = path.substring(stagePrefix.length());
        }
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + stage + "/" + method
                + (path.isEmpty() ? "/" : path);
    }
}
