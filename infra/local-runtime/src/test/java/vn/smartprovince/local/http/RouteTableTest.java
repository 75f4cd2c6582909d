package vn.smartprovince.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.local.template.FunctionSpec.HttpRoute;
import vn.smartprovince.local.template.TemplateException;

class RouteTableTest {

    private static HttpRoute route(String method, String path) {
        return new HttpRoute("E", "Api", method, path, null, "F");
    }

    private static String selected(RouteTable table, String method, String path) {
        return table.match(method, path).map(m -> m.route().routeKey()).orElse("404");
    }

    /** The example of API Gateway's developer guide ("Routing API requests"), in scrambled order. */
    private final RouteTable guide = new RouteTable(List.of(
            route("ANY", "/{proxy+}"),
            route("GET", "/pets/{proxy+}"),
            route("ANY", "$default"),
            route("GET", "/pets/dog/{id}"),
            route("GET", "/pets/dog/1")));

    @Test
    void mostSpecificRouteWins() {
        assertEquals("GET /pets/dog/1", selected(guide, "GET", "/pets/dog/1"));
        assertEquals("GET /pets/dog/{id}", selected(guide, "GET", "/pets/dog/2"));
        assertEquals("GET /pets/{proxy+}", selected(guide, "GET", "/pets/cat/1"));
        assertEquals("GET /pets/{proxy+}", selected(guide, "GET", "/pets/dog"));
        assertEquals("ANY /{proxy+}", selected(guide, "POST", "/pets/dog/1"), "method decides before ANY");
        assertEquals("ANY /{proxy+}", selected(guide, "GET", "/test/5"));
        assertEquals("$default", selected(guide, "GET", "/"), "greedy needs at least one segment");
    }

    @Test
    void pathParametersAreBoundAndGreedyTakesTheRest() {
        RouteTable.Match match = guide.match("GET", "/pets/dog/rex").orElseThrow();
        assertEquals(Map.of("id", "rex"), match.pathParameters());
        assertEquals(Map.of("proxy", "cat/tom/toys"), guide.match("GET", "/pets/cat/tom/toys").orElseThrow()
                .pathParameters());
        assertEquals(Map.of(), guide.match("GET", "/pets/dog/1").orElseThrow().pathParameters());
        assertEquals(Map.of(), guide.match("DELETE", "/").orElseThrow().pathParameters());
    }

    @Test
    void literalBeatsVariableFromTheLeftAndExactMethodBeatsAny() {
        RouteTable table = new RouteTable(List.of(
                route("GET", "/{kind}/reports"),
                route("GET", "/v1/{what}"),
                route("ANY", "/v1/reports/{id}"),
                route("GET", "/v1/reports/{id}")));
        assertEquals("GET /v1/{what}", selected(table, "GET", "/v1/reports"));
        assertEquals("GET /{kind}/reports", selected(table, "GET", "/v2/reports"));
        assertEquals("GET /v1/reports/{id}", selected(table, "GET", "/v1/reports/9"));
        assertEquals("ANY /v1/reports/{id}", selected(table, "PATCH", "/v1/reports/9"));
    }

    @Test
    void noMatchWithoutDefaultRoute() {
        RouteTable table = new RouteTable(List.of(route("GET", "/v1/health"), route("POST", "/v1/reports")));
        assertEquals("404", selected(table, "GET", "/v1/nothing"));
        assertEquals("404", selected(table, "GET", "/v1/reports"), "wrong method");
        assertEquals("404", selected(table, "HEAD", "/v1/health"), "HEAD needs its own route or ANY");
        assertEquals("404", selected(table, "GET", "/V1/HEALTH"), "paths are case-sensitive");
    }

    @Test
    void trailingSlashIsIgnoredButEmptySegmentsMatchNoVariable() {
        RouteTable table = new RouteTable(List.of(route("GET", "/v1/health"), route("GET", "/v1/reports/{id}"),
                route("GET", "/")));
        assertEquals("GET /v1/health", selected(table, "GET", "/v1/health/"));
        assertEquals("GET /", selected(table, "GET", "/"));
        assertEquals("404", selected(table, "GET", "/v1/reports/"));
        assertEquals("404", selected(table, "GET", "/v1//health"));
    }

    @Test
    void decodedPathsAreMatchedAsGiven() {
        RouteTable table = new RouteTable(List.of(route("GET", "/v1/places/{name}")));
        // The server decodes before matching: "Hà Nội" arrives as one segment, "a/b" (from %2F) as two.
        assertEquals(Map.of("name", "Hà Nội"), table.match("GET", Urls.decode("/v1/places/H%C3%A0%20N%E1%BB%99i"))
                .orElseThrow().pathParameters());
        assertEquals("404", selected(table, "GET", Urls.decode("/v1/places/a%2Fb")));
        assertEquals("a+b", Urls.decode("a+b"), "+ is not a space in a path");
        assertEquals("100%zz", Urls.decode("100%zz"), "malformed escapes are kept");
    }

    @Test
    void queryStringsAreDecodedAndRepeatedNamesJoined() {
        assertEquals(Map.of("a", "1,2", "q", "xin chào", "flag", ""),
                Urls.queryParameters("a=1&q=xin%20ch%C3%A0o&a=2&flag"));
        assertTrue(Urls.queryParameters("").isEmpty());
    }

    @Test
    void defaultRouteHasTheRouteKeyApiGatewayGivesIt() {
        RouteTable.Match match = guide.match("PUT", "/").orElseThrow();
        assertEquals("$default", match.route().routeKey());
    }

    @Test
    void templateMistakesAreRefused() {
        assertThrows(TemplateException.class, () -> new RouteTable(List.of(route("GET", "/a/{p+}/b"))));
        assertThrows(TemplateException.class, () -> new RouteTable(List.of(route("GET", "/a/{x}"), route("GET", "/a/{y}"))));
        assertThrows(TemplateException.class, () -> new RouteTable(List.of(route("GET", "/a/{x}/{x}"))));
        assertThrows(TemplateException.class, () -> new RouteTable(List.of(route("ANY", "$default"), route("GET", "$default"))));
        assertThrows(TemplateException.class, () -> new RouteTable(List.of(route("GET", "v1/health"))));
        new RouteTable(List.of(route("GET", "/a/{x}"), route("POST", "/a/{y}"))); // other method: no clash
    }
}
