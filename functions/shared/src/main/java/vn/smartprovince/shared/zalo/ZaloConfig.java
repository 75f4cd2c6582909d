package vn.smartprovince.shared.zalo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.zalo.ZaloException.Kind;

/**
 * Where and how the {@link ZaloClient} calls Zalo, read from the function's {@link Env}.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>{@code ZALO_APP_ID}</td><td>required, digits</td></tr>
 *   <tr><td>{@code ZALO_GRAPH_BASE_URL}</td><td>default {@code https://graph.zalo.me}</td></tr>
 *   <tr><td>{@code ZALO_OPENAPI_BASE_URL}</td><td>default {@code https://openapi.zalo.me}</td></tr>
 *   <tr><td>{@code ZALO_BUSINESS_BASE_URL}</td><td>default {@code https://business.openapi.zalo.me}</td></tr>
 *   <tr><td>{@code ZALO_OAUTH_BASE_URL}</td><td>default {@code https://oauth.zaloapp.com}</td></tr>
 *   <tr><td>{@code ZALO_ZBS_BASE_URL}</td><td>base URL of the ZBS template send by user id; default
 *       {@code ZALO_OPENAPI_BASE_URL} (the OA API host: see docs/notifications-zbs.md)</td></tr>
 *   <tr><td>{@code ZALO_ZBS_UID_PATH}</td><td>its path, default {@code /v3.0/oa/message/template}</td></tr>
 *   <tr><td>{@code ZALO_EGRESS_PROXY_URL}</td><td>optional {@code http://host[:port]} forward proxy (HTTPS is tunnelled with CONNECT)</td></tr>
 *   <tr><td>{@code ZALO_CONNECT_TIMEOUT_MS}</td><td>default 2000</td></tr>
 *   <tr><td>{@code ZALO_READ_TIMEOUT_MS}</td><td>default 4000 (per request, until the answer's headers)</td></tr>
 *   <tr><td>{@code ZALO_ERROR_KINDS}</td><td>optional reclassification of Zalo codes, e.g. {@code -115=RETRYABLE,-119=PERMANENT}</td></tr>
 * </table>
 *
 * <p>Base URLs are https, or http on loopback only (a local Zalo stub), as the template's
 * parameter patterns require; a path prefix is kept, a trailing slash dropped.
 *
 * @param egressProxyUrl the proxy URL, or null for direct calls
 */
public record ZaloConfig(String appId, URI graphBaseUrl, URI openApiBaseUrl, URI businessBaseUrl, URI oauthBaseUrl,
                         URI egressProxyUrl, Duration connectTimeout, Duration readTimeout,
                         Map<Integer, Kind> errorKinds, URI zbsBaseUrl, String zbsUidPath) {

    public static final String APP_ID = "ZALO_APP_ID";
    public static final String APP_SECRET_NAME = "ZALO_APP_SECRET_NAME";
    public static final String GRAPH_BASE_URL = "ZALO_GRAPH_BASE_URL";
    public static final String OPENAPI_BASE_URL = "ZALO_OPENAPI_BASE_URL";
    public static final String BUSINESS_BASE_URL = "ZALO_BUSINESS_BASE_URL";
    public static final String OAUTH_BASE_URL = "ZALO_OAUTH_BASE_URL";
    public static final String ZBS_BASE_URL = "ZALO_ZBS_BASE_URL";
    public static final String ZBS_UID_PATH = "ZALO_ZBS_UID_PATH";
    public static final String DEFAULT_ZBS_UID_PATH = "/v3.0/oa/message/template";
    public static final String EGRESS_PROXY_URL = "ZALO_EGRESS_PROXY_URL";
    public static final String CONNECT_TIMEOUT_MS = "ZALO_CONNECT_TIMEOUT_MS";
    public static final String READ_TIMEOUT_MS = "ZALO_READ_TIMEOUT_MS";
    public static final String ERROR_KINDS = "ZALO_ERROR_KINDS";

    public static final String DEFAULT_GRAPH_BASE_URL = "https://graph.zalo.me";
    public static final String DEFAULT_OPENAPI_BASE_URL = "https://openapi.zalo.me";
    public static final String DEFAULT_BUSINESS_BASE_URL = "https://business.openapi.zalo.me";
    public static final String DEFAULT_OAUTH_BASE_URL = "https://oauth.zaloapp.com";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(2000);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMillis(4000);

    public ZaloConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(graphBaseUrl, "graphBaseUrl");
        Objects.requireNonNull(openApiBaseUrl, "openApiBaseUrl");
        Objects.requireNonNull(businessBaseUrl, "businessBaseUrl");
        Objects.requireNonNull(oauthBaseUrl, "oauthBaseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        errorKinds = Map.copyOf(errorKinds);
        zbsBaseUrl = zbsBaseUrl == null ? openApiBaseUrl : zbsBaseUrl;
        zbsUidPath = zbsUidPath == null ? DEFAULT_ZBS_UID_PATH : zbsUidPath;
    }

    /** The configuration before the ZBS send by user id (its base URL = the OA API's, default path). */
    public ZaloConfig(String appId, URI graphBaseUrl, URI openApiBaseUrl, URI businessBaseUrl, URI oauthBaseUrl,
                      URI egressProxyUrl, Duration connectTimeout, Duration readTimeout, Map<Integer, Kind> errorKinds) {
        this(appId, graphBaseUrl, openApiBaseUrl, businessBaseUrl, oauthBaseUrl, egressProxyUrl, connectTimeout,
                readTimeout, errorKinds, null, null);
    }

    /**
     * Reads and validates every variable; all problems are reported at once, each naming its
     * variable (the proxy URL's value is never echoed: it could carry credentials).
     *
     * @throws IllegalStateException listing every bad variable
     */
    public static ZaloConfig from(Env env) {
        List<String> problems = new ArrayList<>();
        String appId = env.optional(APP_ID).map(String::strip).orElse(null);
        if (appId == null) {
            problems.add(APP_ID + " is not set (the Zalo App id, digits)");
        } else if (!appId.matches("[0-9]{1,32}")) {
            problems.add(APP_ID + " must be the numeric Zalo App id, got \"" + appId + "\"");
        }
        URI graph = baseUrl(env, GRAPH_BASE_URL, DEFAULT_GRAPH_BASE_URL, problems);
        URI openApi = baseUrl(env, OPENAPI_BASE_URL, DEFAULT_OPENAPI_BASE_URL, problems);
        URI business = baseUrl(env, BUSINESS_BASE_URL, DEFAULT_BUSINESS_BASE_URL, problems);
        URI oauth = baseUrl(env, OAUTH_BASE_URL, DEFAULT_OAUTH_BASE_URL, problems);
        URI zbs = env.optional(ZBS_BASE_URL).filter(v -> !v.isBlank()).isPresent()
                ? baseUrl(env, ZBS_BASE_URL, DEFAULT_OPENAPI_BASE_URL, problems) : openApi;
        String zbsPath = env.get(ZBS_UID_PATH, DEFAULT_ZBS_UID_PATH).strip();
        if (!zbsPath.matches("(/[A-Za-z0-9._~-]+)+")) {
            problems.add(ZBS_UID_PATH + " must be a path like " + DEFAULT_ZBS_UID_PATH + ", got \"" + zbsPath + "\"");
        }
        URI proxy = proxyUrl(env, problems);
        Duration connect = millis(env, CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT, 60_000, problems);
        Duration read = millis(env, READ_TIMEOUT_MS, DEFAULT_READ_TIMEOUT, 120_000, problems);
        Map<Integer, Kind> kinds = errorKinds(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Zalo configuration is invalid: " + String.join("; ", problems));
        }
        return new ZaloConfig(appId, graph, openApi, business, oauth, proxy, connect, read, kinds, zbs, zbsPath);
    }

    /** The proxy URL, if calls go through one. */
    public Optional<URI> egressProxy() {
        return Optional.ofNullable(egressProxyUrl);
    }

    /**
     * The proxy's address, unresolved: the host name is looked up when a connection is opened,
     * not once at start-up (a SnapStart snapshot must not pin an address).
     */
    public Optional<InetSocketAddress> proxyAddress() {
        return egressProxy().map(uri -> InetSocketAddress.createUnresolved(uri.getHost(),
                uri.getPort() == -1 ? 80 : uri.getPort()));
    }

    /** The base URL an endpoint uses. */
    URI baseUrl(ZaloEndpoint endpoint) {
        return switch (endpoint.baseVariable) {
            case GRAPH_BASE_URL -> graphBaseUrl;
            case OPENAPI_BASE_URL -> openApiBaseUrl;
            case BUSINESS_BASE_URL -> businessBaseUrl;
            case OAUTH_BASE_URL -> oauthBaseUrl;
            case ZBS_BASE_URL -> zbsBaseUrl;
            default -> throw new IllegalArgumentException(endpoint.baseVariable);
        };
    }

    private static URI baseUrl(Env env, String name, String fallback, List<String> problems) {
        String text = env.get(name, fallback).strip();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problems.add(name + " is not a URL: \"" + text + "\"");
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(name + " must be an absolute https URL, got \"" + text + "\"");
            return null;
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            problems.add(name + " must use https (http only for a stub on localhost), got \"" + text + "\"");
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            problems.add(name + " must be scheme://host[:port][/path] without query, fragment or user info, got \""
                    + text + "\"");
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static URI proxyUrl(Env env, List<String> problems) {
        Optional<String> value = env.optional(EGRESS_PROXY_URL).map(String::strip);
        if (value.isEmpty()) {
            return null;
        }
        String shape = EGRESS_PROXY_URL + " must be http://host[:port] (a forward proxy; HTTPS calls to Zalo are"
                + " tunnelled through it with CONNECT)";
        URI uri;
        try {
            uri = new URI(value.get());
        } catch (URISyntaxException e) {
            problems.add(shape + ": it is not a URL");
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(EGRESS_PROXY_URL + " must not carry credentials (proxy authentication is not supported;"
                    + " restrict the proxy by source address)");
            return null;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            problems.add(shape + ": the scheme must be http (TLS to the proxy itself is not supported, TLS to"
                    + " Zalo is end to end)");
            return null;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.getHost() == null || !(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getPort() > 65535) {
            problems.add(shape + ": host and optional port only");
            return null;
        }
        return URI.create("http://" + uri.getRawAuthority());
    }

    private static Duration millis(Env env, String name, Duration fallback, long max, List<String> problems) {
        Optional<String> value = env.optional(name).map(String::strip);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(value.get());
            if (ms >= 1 && ms <= max) {
                return Duration.ofMillis(ms);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(name + " must be a number of milliseconds from 1 to " + max + ", got \"" + value.get() + "\"");
        return fallback;
    }

    private static Map<Integer, Kind> errorKinds(Env env, List<String> problems) {
        Optional<String> value = env.optional(ERROR_KINDS);
        Map<Integer, Kind> kinds = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return kinds;
        }
        for (String item : value.get().split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            String[] parts = item.split("=", 2);
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException();
                }
                kinds.put(Integer.parseInt(parts[0].strip()),
                        Kind.valueOf(parts[1].strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(ERROR_KINDS + " must be a list of code=KIND (KIND one of INVALID_TOKEN, RETRYABLE,"
                        + " PERMANENT, MISCONFIGURED), e.g. -115=RETRYABLE,-119=PERMANENT; bad item \"" + item + "\"");
            }
        }
        return kinds;
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: no name lookup at configuration time.
        if (bare.matches("127(\\.\\d{1,3}){3}") || bare.equals("::1")) {
            try {
                return InetAddress.getByName(bare).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
