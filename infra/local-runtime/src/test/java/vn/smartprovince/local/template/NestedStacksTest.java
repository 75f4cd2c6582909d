package vn.smartprovince.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.smartprovince.local.template.FunctionSpec.HttpRoute;

/**
 * Nested stacks with a local Location run locally as one stack: their functions, routes and
 * authorizers are found, and their parameters become what the root passes.
 */
class NestedStacksTest {
    private static final Intrinsics.Resources FAKE = FakeResources.INSTANCE;

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(NestedStacksTest.class.getResource("/template/nested/" + name).toURI());
    }

    private static Template root() throws URISyntaxException {
        return Template.load(fixture("root.yaml"));
    }

    @Test
    void functionsOfEveryNestedStackAreFoundWithTheirRoutes() throws Exception {
        Template template = root();
        Intrinsics intrinsics = new Intrinsics(template, Map.of(), "local", "ap-southeast-1", "000000000000", FAKE);
        List<FunctionSpec> functions = FunctionSpec.all(template, intrinsics);
        assertEquals(List.of("AuthorizerFunction", "SignInFunction", "GetThingFunction"),
                functions.stream().map(FunctionSpec::logicalId).toList());
        HttpRoute getThing = functions.get(2).routes().get(0);
        assertEquals("GET /v1/things/{id}", getThing.routeKey());
        assertEquals("Api", getThing.apiId(), "the nested ApiId parameter is the root's API");
        assertEquals("Authorizer", getThing.authorizer(), "the authorizer comes from the auth stack's output");
        assertEquals("NONE", functions.get(1).routes().get(0).authorizer());
        assertEquals(List.of("AuthStack", "ThingsStack"),
                template.nestedStacks().stream().map(NestedStacks.Nested::logicalId).toList());
    }

    @Test
    void nestedParametersResolveToWhatTheRootPasses() throws Exception {
        Template template = root();
        Intrinsics intrinsics = new Intrinsics(template, Map.of("Stage", "prod"), "local", "ap-southeast-1",
                "000000000000", FAKE);
        Map<String, FunctionSpec> byId = new java.util.HashMap<>();
        FunctionSpec.all(template, intrinsics).forEach(f -> byId.put(f.logicalId(), f));
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) intrinsics.resolve(byId.get("AuthorizerFunction").environment());
        assertEquals("ref:Table", auth.get("TABLE"), "a Globals variable of the nested template");
        assertEquals("arn:aws:secretsmanager:ap-southeast-1:000000000000:secret:app/prod/key-??????",
                auth.get("SECRET_ARN"), "${SecretName} in a Sub, computed by the root's condition");
        @SuppressWarnings("unchecked")
        Map<String, Object> things = (Map<String, Object>) intrinsics.resolve(byId.get("GetThingFunction").environment());
        assertEquals("7", things.get("LIMIT"), "a parameter the root does not pass takes its Default");
        assertEquals("att:Table.Arn", things.get("TABLE_ARN"));
    }

    @Test
    void codeUriIsRelativeToTheNestedTemplate() throws Exception {
        FunctionSpec getThing = FunctionSpec.all(root(), null).stream()
                .filter(f -> f.logicalId().equals("GetThingFunction")).findFirst().orElseThrow();
        assertEquals(fixture("things").resolve("target/things.zip").toString(), getThing.codeUri());
    }

    @Test
    void theApiHasTheNestedAuthorizer() throws Exception {
        HttpApiSpec api = HttpApiSpec.all(root()).get(0);
        assertEquals("Api", api.logicalId());
        assertEquals("$default", api.stageName());
        HttpApiSpec.AuthorizerSpec authorizer = api.authorizers().get("Authorizer");
        assertEquals("AuthorizerFunction", authorizer.functionId());
        assertEquals(List.of("$request.header.Authorization"), authorizer.identitySources());
        assertTrue(authorizer.simpleResponses());
        assertEquals(0, authorizer.reauthorizeSeconds());
    }

    @Test
    void aLogicalIdUsedByTwoStacksIsRefused() throws Exception {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.load(fixture("clash.yaml")));
        assertTrue(e.getMessage().contains("GetThingFunction"), e.getMessage());
    }

    @Test
    void theRepositorysTemplateServesEveryRouteOfTheApiDescription() {
        Path repo = vn.smartprovince.local.LocalParameters.repoRoot(Path.of(""));
        Template template = Template.load(repo.resolve("template.yaml"));
        List<FunctionSpec> functions = FunctionSpec.all(template,
                new Intrinsics(template, Map.of("ZaloAppId", "1", "ProvinceCode", "X"), "t", "ap-southeast-1",
                        "000000000000", FAKE));
        assertTrue(template.nestedStacks().size() >= 4, "one nested stack per domain");
        assertTrue(template.resource("HttpApi").isPresent());
        long routes = functions.stream().mapToLong(f -> f.routes().size()).sum();
        assertTrue(routes >= 30, "routes found in the domain stacks: " + routes);
        assertTrue(functions.stream().allMatch(f -> f.codeUri().toString().startsWith(repo.toString())),
                "every CodeUri resolved against its own template's folder");
    }

    @Test
    void mainTablesStreamFeedsConsumersOfSeveralNestedStacks() {
        Path repo = vn.smartprovince.local.LocalParameters.repoRoot(Path.of(""));
        Template template = Template.load(repo.resolve("template.yaml"));
        List<FunctionSpec> functions = FunctionSpec.all(template,
                new Intrinsics(template, Map.of("ZaloAppId", "1", "ProvinceCode", "X"), "t", "ap-southeast-1",
                        "000000000000", FAKE));
        List<String> consumers = functions.stream()
                .filter(f -> f.streamSources().stream().anyMatch(s -> s.tableId().equals("MainTable")))
                .map(FunctionSpec::logicalId).sorted().toList();
        assertTrue(consumers.containsAll(List.of("OneStopRelayFunction", "OutboxRelayFunction")), consumers.toString());
        FunctionSpec connector = functions.stream().filter(f -> f.logicalId().equals("OneStopConnectorFunction"))
                .findFirst().orElseThrow();
        assertEquals(1, connector.sqsSources().size());
        assertTrue(connector.sqsSources().get(0).reportBatchItemFailures());
    }
}
