package vn.smartprovince.local.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.smartprovince.local.template.FunctionSpec.HttpRoute;
import vn.smartprovince.local.template.TemplateException;

/**
 * API Gateway HTTP API route selection for one API.
 *
 * <ul>
 *   <li>A route matches on its method, or on any method when it is {@code ANY}.</li>
 *   <li>Path segments are literal, {@code {name}} (one non-empty segment) or {@code {name+}}
 *       (greedy: the rest of the path, at least one segment; last segment only).</li>
 *   <li>When several routes match, the most specific wins: compared segment by segment from the
 *       left, literal beats variable beats greedy; with equal paths an exact method beats
 *       {@code ANY}.</li>
 *   <li>{@code $default} takes what nothing else matched; without it there is no match
 *       (API Gateway's 404 {@code {"message":"Not Found"}}).</li>
 *   <li>The path given is already URL-decoded (API Gateway decodes it before matching, so an
 *       encoded {@code %2F} separates segments) and a trailing slash is ignored, as API
 *       Gateway does ({@code /items/} matches {@code GET /items}).</li>
 * </ul>
 */
public final class RouteTable {

    /** The selected route and its path parameters (decoded). */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    private enum Kind { LITERAL, VARIABLE, GREEDY }

    private record Segment(Kind kind, String text) {
    }

    private record Compiled(HttpRoute route, List<Segment> segments, boolean anyMethod) {
        /** Path parameters when the path fits, else null. */
        Map<String, String> bind(List<String> parts) {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                Segment segment = segments.get(i);
                if (segment.kind() == Kind.GREEDY) {
                    if (i >= parts.size()) {
                        return null;
                    }
                    String rest = String.join("/", parts.subList(i, parts.size()));
                    if (rest.isEmpty()) {
                        return null;
                    }
                    parameters.put(segment.text(), rest);
                    return parameters;
                }
                if (i >= parts.size()) {
                    return null;
                }
                String part = parts.get(i);
                if (segment.kind() == Kind.LITERAL) {
                    if (!segment.text().equals(part)) {
                        return null;
                    }
                } else if (part.isEmpty()) {
                    return null;
                } else {
                    parameters.put(segment.text(), part);
                }
            }
            return parts.size() == segments.size() ? parameters : null;
        }
    }

    private final List<Compiled> routes = new ArrayList<>();
    private final HttpRoute defaultRoute;

    public RouteTable(Collection<HttpRoute> routes) {
        HttpRoute fallback = null;
        Map<String, HttpRoute> shapes = new HashMap<>();
        for (HttpRoute route : routes) {
            if (isDefault(route)) {
                if (fallback != null) {
                    throw new TemplateException("two $default routes on API " + route.apiId() + ": "
                            + fallback.functionId() + " and " + route.functionId());
                }
                fallback = route;
                continue;
            }
            Compiled compiled = compile(route);
            // API Gateway refuses two routes that differ only in variable names.
            String shape = route.method() + " " + compiled.segments().stream()
                    .map(s -> s.kind() == Kind.LITERAL ? s.text() : s.kind() == Kind.VARIABLE ? "{}" : "{+}")
                    .toList();
            HttpRoute clash = shapes.putIfAbsent(shape, route);
            if (clash != null) {
                throw new TemplateException("routes clash on API " + route.apiId() + ": " + clash.routeKey() + " ("
                        + clash.functionId() + ") and " + route.routeKey() + " (" + route.functionId() + ")");
            }
            this.routes.add(compiled);
        }
        this.defaultRoute = fallback;
    }

    public static boolean isDefault(HttpRoute route) {
        return route.path().equals("$default");
    }

    public List<HttpRoute> routes() {
        List<HttpRoute> all = new ArrayList<>(routes.stream().map(Compiled::route).toList());
        if (defaultRoute != null) {
            all.add(defaultRoute);
        }
        return all;
    }

    /**
     * @param method upper-case HTTP method
     * @param path   the URL-decoded request path (stage prefix already removed)
     */
    public Optional<Match> match(String method, String path) {
        List<String> parts = split(path);
        Compiled best = null;
        Map<String, String> bestParameters = null;
        for (Compiled candidate : routes) {
            if (!candidate.anyMethod() && !candidate.route().method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = candidate.bind(parts);
            if (parameters != null && (best == null || moreSpecific(candidate, best))) {
                best = candidate;
                bestParameters = parameters;
            }
        }
        if (best != null) {
            return Optional.of(new Match(best.route(), Map.copyOf(bestParameters)));
        }
        return defaultRoute == null ? Optional.empty() : Optional.of(new Match(defaultRoute, Map.of()));
    }

    private static boolean moreSpecific(Compiled a, Compiled b) {
        int length = Math.min(a.segments().size(), b.segments().size());
        for (int i = 0; i < length; i++) {
            int order = a.segments().get(i).kind().compareTo(b.segments().get(i).kind());
            if (order != 0) {
                return order < 0;
            }
        }
        return !a.anyMethod() && b.anyMethod();
    }

    private static Compiled compile(HttpRoute route) {
        String path = route.path();
        if (!path.startsWith("/")) {
            throw new TemplateException(route.functionId() + "." + route.eventName() + ": path " + path
                    + " must start with /");
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> parts = split(path);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                boolean greedy = part.endsWith("+}");
                String name = part.substring(1, part.length() - (greedy ? 2 : 1));
                if (greedy && i != parts.size() - 1) {
                    throw new TemplateException(route.functionId() + "." + route.eventName() + ": greedy variable "
                            + part + " must be the last segment of " + path);
                }
                if (name.isEmpty() || !names.add(name)) {
                    throw new TemplateException(route.functionId() + "." + route.eventName()
                            + ": bad or repeated path variable in " + path);
                }
                segments.add(new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, name));
            } else {
                segments.add(new Segment(Kind.LITERAL, part));
            }
        }
        return new Compiled(route, List.copyOf(segments), route.method().equals("ANY"));
    }

    /** "/a/b/" and "/a/b" give [a, b]; "/" gives []. Inner empty segments are kept (they match no variable). */
    static List<String> split(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return List.of();
        }
        String body = p.startsWith("/") ? p.substring(1) : p;
        return List.of(body.split("/", -1));
    }
}
