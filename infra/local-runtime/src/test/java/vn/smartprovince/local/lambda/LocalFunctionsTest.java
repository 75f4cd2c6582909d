package vn.smartprovince.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.smartprovince.local.lambda.FunctionInvoker.FunctionError;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.json.Json;

class LocalFunctionsTest {
    private static final byte[] EVENT = "{\"routeKey\":\"GET /test\",\"rawPath\":\"/test\"}".getBytes(StandardCharsets.UTF_8);

    private static LocalFunctions functions;

    @BeforeAll
    static void start() {
        functions = FixtureStack.functions(LocalFunctions.parseEnvVars("""
                {"Parameters": {"STAGE": "override-for-all"},
                 "OtherEchoFunction": {"GREETING": "ghi đè", "NOT_IN_TEMPLATE": "x"}}
                """));
    }

    @AfterAll
    static void stop() {
        functions.close();
    }

    private static JsonNode echoBody(String functionId) throws FunctionError {
        JsonNode result = Json.read(new String(functions.invoke(functionId, EVENT), StandardCharsets.UTF_8));
        return Json.read(result.get("body").asText());
    }

    @Test
    void environmentIsTheTemplatesThenOverridesThenWhatLambdaSets() {
        Map<String, String> echo = functions.environment("EchoFunction");
        assertEquals("xin chào", echo.get("GREETING"));
        assertEquals("yes", echo.get("ONLY_ECHO"));
        assertEquals("override-for-all", echo.get("STAGE"));
        assertEquals("local-test-MainTable", echo.get("MAIN_TABLE"));
        assertEquals("ap-southeast-1", echo.get("AWS_REGION"));
        assertEquals("ap-southeast-1", echo.get("AWS_DEFAULT_REGION"));
        assertEquals("local-test-EchoFunction", echo.get("AWS_LAMBDA_FUNCTION_NAME"));
        assertEquals("256", echo.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertEquals("$LATEST", echo.get("AWS_LAMBDA_FUNCTION_VERSION"));
        assertEquals("vn.smartprovince.local.fixture.EchoHandler::handleRequest", echo.get("_HANDLER"));
        assertEquals(":UTC", echo.get("TZ"));
        assertEquals("test", echo.get("AWS_ACCESS_KEY_ID"));
        assertEquals("test", echo.get("AWS_SECRET_ACCESS_KEY"));
        assertEquals("http://127.0.0.1:4566", echo.get("AWS_ENDPOINT_URL"));

        Map<String, String> other = functions.environment("OtherEchoFunction");
        assertEquals("ghi đè", other.get("GREETING"));
        assertEquals("512", other.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"));
        assertFalse(other.containsKey("ONLY_ECHO"));
        assertFalse(other.containsKey("NOT_IN_TEMPLATE"), "SAM overrides only what the template declares");
    }

    @Test
    void eachFunctionReadsItsOwnEnvironmentThroughEnvCurrent() throws Exception {
        JsonNode echo = echoBody("EchoFunction");
        JsonNode other = echoBody("OtherEchoFunction");
        assertEquals("xin chào", echo.path("env").path("GREETING").asText());
        assertEquals("ghi đè", other.path("env").path("GREETING").asText());
        assertEquals("yes", echo.path("env").path("ONLY_ECHO").asText());
        assertTrue(other.path("env").path("ONLY_ECHO").isMissingNode());
        assertTrue(echo.path("env").path("LAMBDA_TASK_ROOT").asText().endsWith("code"));
    }

    @Test
    void handlerRunsInItsOwnLoaderWithTheRuntimesLambdaInterfaces() throws Exception {
        JsonNode loaders = echoBody("EchoFunction").path("loaders");
        assertEquals("function:EchoFunction", loaders.path("handler").asText());
        assertEquals("function:EchoFunction", loaders.path("sharedModule").asText(), "shared.jar comes from lib/");
        assertEquals("function:EchoFunction", loaders.path("threadContext").asText());
        assertEquals("app", loaders.path("lambdaCore").asText(), "Context is the runtime's, not lib/'s copy");
    }

    @Test
    void contextDescribesTheFunctionAndItsDeadline() throws Exception {
        JsonNode context = echoBody("EchoFunction").path("context");
        assertEquals("local-test-EchoFunction", context.path("functionName").asText());
        assertEquals("$LATEST", context.path("functionVersion").asText());
        assertEquals("arn:aws:lambda:ap-southeast-1:000000000000:function:local-test-EchoFunction",
                context.path("invokedFunctionArn").asText());
        assertEquals(256, context.path("memoryLimitInMB").asInt());
        int remaining = context.path("remainingTimeInMillis").asInt();
        assertTrue(remaining > 0 && remaining <= 5000, "remaining " + remaining);
        assertEquals(36, context.path("awsRequestId").asText().length());
        assertEquals("/aws/lambda/local-test-EchoFunction", context.path("logGroupName").asText());
        assertTrue(context.path("logStreamName").asText().contains("/[$LATEST]"));
    }

    @Test
    void warmInstanceIsReusedAfterOneColdStart() throws Exception {
        LocalFunction map = functions.function("MapFunction").orElseThrow();
        long coldBefore = map.stats().coldStarts();
        functions.invoke("MapFunction", EVENT);
        functions.invoke("MapFunction", EVENT);
        functions.invoke("MapFunction", EVENT);
        assertTrue(map.stats().coldStarts() - coldBefore <= 1);
        assertEquals(1, map.stats().idleInstances());
    }

    @Test
    void requestHandlerOfMapsUsesJackson() throws Exception {
        JsonNode result = Json.read(new String(functions.invoke("MapFunction", EVENT), StandardCharsets.UTF_8));
        assertEquals("world", result.path("hello").asText());
        assertEquals("GET /test", result.path("routeKey").asText());
    }

    @Test
    void handlerExceptionIsUnhandledErrorAndTheInstanceStays() {
        FunctionError error = assertThrows(FunctionError.class, () -> functions.invoke("FailingFunction", EVENT));
        assertEquals(FunctionError.Kind.UNHANDLED, error.kind());
        assertEquals("java.lang.IllegalStateException", error.errorType());
        assertEquals("boom", error.getMessage());
        assertEquals(1, functions.function("FailingFunction").orElseThrow().stats().idleInstances());
    }

    @Test
    void timeoutEndsTheInvocationAndDiscardsTheInstance() {
        long started = System.nanoTime();
        FunctionError error = assertThrows(FunctionError.class, () -> functions.invoke("SlowFunction", EVENT));
        assertEquals(FunctionError.Kind.TIMEOUT, error.kind());
        assertEquals("Sandbox.Timedout", error.errorType());
        assertEquals("Task timed out after 1.00 seconds", error.getMessage());
        assertTrue(System.nanoTime() - started < 4_000_000_000L, "the caller waited for the handler");
        LocalFunction.Stats stats = functions.function("SlowFunction").orElseThrow().stats();
        assertEquals(0, stats.idleInstances());
        assertEquals(0, stats.busyInstances());
    }

    @Test
    void initFailureIsReportedAndTheNextInvocationStartsColdAgain() {
        FunctionError first = assertThrows(FunctionError.class, () -> functions.invoke("InitFailingFunction", EVENT));
        assertEquals(FunctionError.Kind.INIT_FAILED, first.kind());
        assertEquals("java.lang.IllegalStateException", first.errorType());
        assertThrows(FunctionError.class, () -> functions.invoke("InitFailingFunction", EVENT));
        assertEquals(2, functions.function("InitFailingFunction").orElseThrow().stats().coldStarts());
    }

    @Test
    void unknownFunctionIsNotFound() {
        FunctionError error = assertThrows(FunctionError.class, () -> functions.invoke("NoSuchFunction", EVENT));
        assertEquals(FunctionError.Kind.NOT_FOUND, error.kind());
    }

    @Test
    void classLoaderIsChildFirstExceptForLambdasCoreApi() throws Exception {
        Path code = FixtureStack.directory().resolve("code");
        List<URL> classPath = new java.util.ArrayList<>();
        classPath.add(code.toUri().toURL());
        try (var jars = Files.newDirectoryStream(code.resolve("lib"), "*.jar")) {
            for (Path jar : jars) {
                classPath.add(jar.toUri().toURL());
            }
        }
        try (FunctionClassLoader loader = new FunctionClassLoader("T", classPath, Map.of("A", "1"))) {
            assertEquals(Map.of("A", "1"), loader.get());
            Class<?> json = loader.loadClass("vn.smartprovince.shared.json.Json");
            assertSame(loader, json.getClassLoader());
            assertNotSame(vn.smartprovince.shared.json.Json.class, json);
            assertSame(loader, loader.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent").getClassLoader());
            assertSame(com.amazonaws.services.lambda.runtime.Context.class,
                    loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertSame(java.net.http.HttpClient.class, loader.loadClass("java.net.http.HttpClient"));
            assertSame(org.w3c.dom.Node.class, loader.loadClass("org.w3c.dom.Node"), "JDK packages come from the JDK");
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.junit.jupiter.api.Test"),
                    "nothing of the runtime's class path leaks in");
            URL resource = loader.getResource("vn/smartprovince/shared/json/Json.class");
            assertTrue(resource.toString().contains("local-fixture"), resource.toString());
        }
    }

    @Test
    void zipIsExtractedOnceAndAgainWhenRebuilt(@TempDir Path project) throws Exception {
        Files.copy(FixtureStack.directory().resolve("template.yaml"), project.resolve("template.yaml"));
        Files.copy(FixtureStack.directory().resolve("code.zip"), project.resolve("code.zip"));
        Template template = Template.load(project.resolve("template.yaml"));
        try (LocalFunctions local = new LocalFunctions(template, FixtureStack.intrinsics(template),
                FixtureStack.EMULATOR, FixtureStack.STACK, Map.of())) {
            byte[] event = Files.readAllBytes(Path.of(getClass().getResource("/local-fixture/v2-event.json").toURI()));
            JsonNode response = Json.read(new String(local.invoke("EventsFunction", event), StandardCharsets.UTF_8));
            assertEquals(201, response.path("statusCode").asInt());

            Path extracted = project.resolve(".local/functions/EventsFunction");
            assertTrue(Files.isRegularFile(extracted.resolve("vn/smartprovince/local/fixture/EventsHandler.class")));
            assertTrue(Files.isDirectory(extracted.resolve("lib")));
            LocalFunction function = local.function("EventsFunction").orElseThrow();
            local.invoke("EventsFunction", event);
            assertEquals(1, function.stats().coldStarts());

            Path zip = project.resolve("code.zip");
            Files.setLastModifiedTime(zip, FileTime.fromMillis(Files.getLastModifiedTime(zip).toMillis() + 10_000));
            local.invoke("EventsFunction", event);
            assertEquals(2, function.stats().coldStarts(), "a rebuilt zip is a new code version");
            assertTrue(Files.readString(project.resolve(".local/functions/EventsFunction.source"))
                    .contains(Long.toString(Files.getLastModifiedTime(zip).toMillis())));
        }
    }

    @Test
    void missingArtifactSaysWhereAndHowToBuildIt(@TempDir Path project) throws IOException {
        Files.writeString(project.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  DemoFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: demo.Handler::handleRequest
                      CodeUri: functions/demo/target/demo-lambda.zip
                """);
        Template template = Template.load(project.resolve("template.yaml"));
        try (LocalFunctions local = new LocalFunctions(template, FixtureStack.intrinsics(template), null, "s", Map.of())) {
            assertEquals(1, local.missingCode().size());
            FunctionError error = assertThrows(FunctionError.class, () -> local.invoke("DemoFunction", EVENT));
            assertEquals(FunctionError.Kind.INIT_FAILED, error.kind());
            assertTrue(error.getMessage().contains(project.resolve("functions/demo/target/demo-lambda.zip").toString()),
                    error.getMessage());
            assertTrue(error.getMessage().contains("mvn -q package -DskipTests -pl functions/demo -am"),
                    error.getMessage());
            assertFalse(local.environment("DemoFunction").containsKey("AWS_ENDPOINT_URL"));
        }
    }
}
