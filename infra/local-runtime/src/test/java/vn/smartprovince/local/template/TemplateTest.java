package vn.smartprovince.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template is read the way CloudFormation and SAM read it, so local runs match deployments. */
class TemplateTest {
    private static final Intrinsics.Resources FAKE = FakeResources.INSTANCE;

    private static Template fixture() throws URISyntaxException {
        return Template.load(Path.of(TemplateTest.class.getResource("/template/intrinsics.yaml").toURI()));
    }

    private static Intrinsics intrinsics(Template template, Map<String, String> overrides) {
        return new Intrinsics(template, overrides, "local", "ap-southeast-1", "000000000000", FAKE);
    }

    @Test
    void globalsMergeIntoEachFunctionAndTheFunctionWins() throws Exception {
        Template template = fixture();
        FunctionSpec things = FunctionSpec.all(template, intrinsics(template, Map.of())).stream()
                .filter(f -> f.logicalId().equals("ThingsFunction")).findFirst().orElseThrow();
        assertEquals(20, things.timeoutSeconds());
        assertEquals("java21", things.runtime());
        assertTrue(things.environment().containsKey("STAGE"), "global variables are inherited");
        assertTrue(things.environment().containsKey("TABLE_ARN"), "own variables are kept");
    }

    @Test
    void intrinsicsResolveLikeCloudFormation() throws Exception {
        Template template = fixture();
        Intrinsics resolver = intrinsics(template, Map.of());
        FunctionSpec things = FunctionSpec.all(template, resolver).get(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) resolver.resolve(things.environment());
        assertEquals("dev", env.get("STAGE"));
        assertEquals("ref:Table", env.get("TABLE"));
        assertFalse(env.containsKey("PROXY"), "AWS::NoValue removes the key");
        assertEquals("att:Table.Arn", env.get("TABLE_ARN"));
        assertEquals("att:Queue.Arn|${Literal}|ap-southeast-1", env.get("QUEUE"));
        assertEquals("b/aGk=", env.get("JOINED"));
        assertEquals(512, things.memoryMb());
        assertEquals(1024, FunctionSpec.all(template, intrinsics(template, Map.of("Stage", "prod"))).get(1).memoryMb());
        assertEquals("local-main-dev",
                resolver.resolveString(template.resource("Table").orElseThrow().properties().get("TableName")));
    }

    @Test
    void parameterOverridesAndConditions() throws Exception {
        Template template = fixture();
        Intrinsics prod = intrinsics(template, Map.of("Stage", "prod", "ProxyUrl", "https://proxy.vn:3128"));
        assertTrue(prod.condition("IsProd"));
        assertTrue(prod.condition("HasProxy"));
        assertEquals(List.of("https://h5.zdn.vn", "zbrowser://h5.zdn.vn"), prod.parameterValues().get("Origins"));
        assertFalse(intrinsics(template, Map.of()).condition("IsProd"));
        TemplateException wrong = assertThrows(TemplateException.class,
                () -> intrinsics(template, Map.of("Stage", "qa")));
        assertTrue(wrong.getMessage().contains("Stage"));
    }

    @Test
    void eventsBecomeRoutesAndEventSources() throws Exception {
        Template template = fixture();
        FunctionSpec things = FunctionSpec.all(template, intrinsics(template, Map.of())).get(1);
        assertEquals(2, things.routes().size());
        FunctionSpec.HttpRoute get = things.routes().get(0);
        assertEquals("GET /v1/things/{id}", get.routeKey());
        assertEquals("Api", get.apiId());
        assertNull(get.authorizer(), "no Auth: the API's default authorizer applies");
        assertEquals("NONE", things.routes().get(1).authorizer());
        assertEquals("ANY /v1/public/{proxy+}", things.routes().get(1).routeKey());
        FunctionSpec.SqsEventSource jobs = things.sqsSources().get(0);
        assertEquals("Queue", jobs.queueId());
        assertEquals(5, jobs.batchSize());
        assertEquals(2, jobs.batchingWindowSeconds());
        assertTrue(jobs.reportBatchItemFailures());
        assertEquals("Table", things.streamSources().get(0).tableId());
        assertEquals("TRIM_HORIZON", things.streamSources().get(0).startingPosition());
    }

    @Test
    void authorizersAreReadFromTheApi() throws Exception {
        HttpApiSpec api = HttpApiSpec.all(fixture()).get(0);
        assertEquals("Session", api.defaultAuthorizer());
        HttpApiSpec.AuthorizerSpec session = api.authorizers().get("Session");
        assertEquals("AuthFunction", session.functionId());
        assertEquals(List.of("$request.header.Authorization"), session.identitySources());
        assertTrue(session.simpleResponses());
        assertEquals(0, session.reauthorizeSeconds());
    }

    @Test
    void unknownReferencesAndUnsupportedFunctionsAreNamed() throws Exception {
        Template template = Template.load(fixturePath());
        Intrinsics resolver = intrinsics(template, Map.of());
        TemplateException unknown = assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Ref", "Nope")));
        assertTrue(unknown.getMessage().contains("Nope"));
        TemplateException unsupported = assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Fn::GetAZs", "")));
        assertTrue(unsupported.getMessage().contains("Fn::GetAZs"));
    }

    @Test
    void intrinsicLimitsNeedTheStacksValues() throws Exception {
        TemplateException e = assertThrows(TemplateException.class, () -> FunctionSpec.all(fixture()));
        assertTrue(e.getMessage().contains("Fn::FindInMap"));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThrows(RuntimeException.class, () -> CfnYaml.read(new StringReader("A: 1\nA: 2\n")));
    }

    private static Path fixturePath() throws URISyntaxException {
        return Path.of(TemplateTest.class.getResource("/template/intrinsics.yaml").toURI());
    }
}
