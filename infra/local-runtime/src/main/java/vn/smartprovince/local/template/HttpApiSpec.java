package vn.smartprovince.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An {@code AWS::Serverless::HttpApi}: its authorizers, default authorizer, CORS and stage. */
public record HttpApiSpec(String logicalId, String stageName, String defaultAuthorizer,
                          Map<String, AuthorizerSpec> authorizers, Map<String, Object> cors) {

    /**
     * A Lambda authorizer (REQUEST, payload 2.0): the function that decides, where the identity
     * comes from ({@code $request.header.Authorization}), simple responses, cache seconds.
     */
    public record AuthorizerSpec(String name, String functionId, List<String> identitySources,
                                 String payloadFormatVersion, boolean simpleResponses, int reauthorizeSeconds) {
    }

    public static List<HttpApiSpec> all(Template template) {
        List<HttpApiSpec> list = new java.util.ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::HttpApi")) {
            list.add(of(resource));
        }
        for (Template.Resource resource : template.resourcesOfType("AWS::ApiGatewayV2::Api")) {
            list.add(ofGateway(template, resource));
        }
        boolean implicitUsed = template.resourcesOfType("AWS::Serverless::Function").stream()
                .flatMap(f -> Template.map(f.properties().get("Events")).values().stream().map(Template::map))
                .anyMatch(e -> "HttpApi".equals(e.get("Type")) && !Template.map(e.get("Properties")).containsKey("ApiId"));
        if (implicitUsed && list.stream().noneMatch(a -> a.logicalId().equals(FunctionSpec.IMPLICIT_HTTP_API))) {
            list.add(new HttpApiSpec(FunctionSpec.IMPLICIT_HTTP_API, "$default", null, Map.of(), Map.of()));
        }
        return list;
    }

    static HttpApiSpec of(Template.Resource resource) {
        Map<String, Object> p = resource.properties();
        Map<String, Object> auth = Template.map(p.get("Auth"));
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        Template.map(auth.get("Authorizers")).forEach((name, raw) -> {
            Map<String, Object> a = Template.map(raw);
            if (!a.containsKey("FunctionArn")) {
                return; // JWT authorizers are not Lambda authorizers; API Gateway validates those itself.
            }
            Map<String, Object> identity = Template.map(a.get("Identity"));
            List<String> sources = new java.util.ArrayList<>();
            for (Object header : listOf(identity.get("Headers"))) {
                sources.add("$request.header." + header);
            }
            for (Object query : listOf(identity.get("QueryStrings"))) {
                sources.add("$request.querystring." + query);
            }
            authorizers.put(name, new AuthorizerSpec(name, Intrinsics.logicalIdOf(a.get("FunctionArn")), sources,
                    Objects.toString(a.get("AuthorizerPayloadFormatVersion"), "2.0"),
                    Boolean.parseBoolean(Objects.toString(a.get("EnableSimpleResponses"), "false")),
                    Integer.parseInt(Objects.toString(identity.get("ReauthorizeEvery"), "300"))));
        });
        return new HttpApiSpec(resource.logicalId(), Objects.toString(p.get("StageName"), "$default"),
                auth.get("DefaultAuthorizer") == null ? null : auth.get("DefaultAuthorizer").toString(),
                authorizers, Template.map(p.get("CorsConfiguration")));
    }

    /**
     * A plain {@code AWS::ApiGatewayV2::Api}: its stage ({@code AWS::ApiGatewayV2::Stage}) and
     * its {@code AWS::ApiGatewayV2::Authorizer}s, named by logical id (routes name them so).
     */
    static HttpApiSpec ofGateway(Template template, Template.Resource api) {
        String stage = "$default";
        for (Template.Resource resource : template.resourcesOfType("AWS::ApiGatewayV2::Stage")) {
            if (api.logicalId().equals(Intrinsics.logicalIdOf(resource.properties().get("ApiId")))) {
                stage = Objects.toString(resource.properties().get("StageName"), stage);
            }
        }
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::ApiGatewayV2::Authorizer")) {
            Map<String, Object> a = resource.properties();
            if (!api.logicalId().equals(Intrinsics.logicalIdOf(a.get("ApiId")))
                    || !"REQUEST".equals(Objects.toString(a.get("AuthorizerType"), ""))) {
                continue; // JWT authorizers: API Gateway validates those itself
            }
            String functionId = FunctionSpec.firstOfType(template, a.get("AuthorizerUri"),
                    "AWS::Serverless::Function", "AWS::Lambda::Function");
            if (functionId == null) {
                throw new TemplateException(resource.logicalId() + ": AuthorizerUri must name a function of the template");
            }
            List<String> sources = listOf(a.get("IdentitySource")).stream().map(String::valueOf).toList();
            authorizers.put(resource.logicalId(), new AuthorizerSpec(resource.logicalId(), functionId, sources,
                    Objects.toString(a.get("AuthorizerPayloadFormatVersion"), "2.0"),
                    Boolean.parseBoolean(Objects.toString(a.get("EnableSimpleResponses"), "false")),
                    Integer.parseInt(Objects.toString(a.get("AuthorizerResultTtlInSeconds"), "0"))));
        }
        return new HttpApiSpec(api.logicalId(), stage, null, authorizers,
                Template.map(api.properties().get("CorsConfiguration")));
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
