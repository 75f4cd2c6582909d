package vn.smartprovince.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.shared.http.ErrorCode;

/**
 * The conventions promise one OpenAPI document describing every route. This keeps
 * {@code functions/openapi.yaml} and {@code template.yaml} honest with each other: the same
 * {@code METHOD path} routes on both sides, every operation documents its errors with the shared
 * {@code Error} schema, and every operation that needs a session documents 401.
 */
class ApiDescriptionMatchesTemplateTest {
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";
    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static Path root;
    private static Map<String, Object> openApi;
    /** "GET /v1/health" -> the operation object, in document order. */
    private static Map<String, Map<String, Object>> operations;

    @BeforeAll
    static void load() throws IOException {
        root = repositoryRoot();
        openApi = readYaml(root.resolve("functions/openapi.yaml"));
        operations = operationsOf(openApi);
    }

    @Test
    void templateAndApiDescriptionDeclareTheSameRoutes() {
        Set<String> inTemplate = new TreeSet<>();
        Template template = Template.load(root.resolve("template.yaml"));
        for (FunctionSpec function : FunctionSpec.all(template)) {
            for (FunctionSpec.HttpRoute route : function.routes()) {
                if (!route.method().equals("OPTIONS")) { // preflight: answered by the API's CORS configuration
                    inTemplate.add(route.routeKey());
                }
            }
        }
        Set<String> inDescription = new TreeSet<>(operations.keySet());
        inDescription.removeIf(key -> key.startsWith("OPTIONS "));

        Set<String> onlyInTemplate = new TreeSet<>(inTemplate);
        onlyInTemplate.removeAll(inDescription);
        Set<String> onlyInDescription = new TreeSet<>(inDescription);
        onlyInDescription.removeAll(inTemplate);
        if (!onlyInTemplate.isEmpty() || !onlyInDescription.isEmpty()) {
            fail("template.yaml and functions/openapi.yaml disagree about the routes."
                    + (onlyInTemplate.isEmpty() ? ""
                            : "\n  Routes in template.yaml with no operation in functions/openapi.yaml: " + onlyInTemplate)
                    + (onlyInDescription.isEmpty() ? ""
                            : "\n  Operations in functions/openapi.yaml with no HttpApi event in template.yaml: "
                                    + onlyInDescription));
        }
        assertFalse(inTemplate.isEmpty(), "template.yaml declares no HttpApi route at all");
    }

    @Test
    void everyOperationDocumentsAnErrorResponseWithTheErrorSchema() {
        List<String> missing = new ArrayList<>();
        operations.forEach((key, operation) -> {
            boolean documented = false;
            for (var response : map(operation.get("responses")).entrySet()) {
                if (isErrorStatus(response.getKey()) && references(response.getValue(), ERROR_SCHEMA, new HashSet<>())) {
                    documented = true;
                }
            }
            if (!documented) {
                missing.add(key);
            }
        });
        assertTrue(missing.isEmpty(), "Operations with no 4xx/5xx response using " + ERROR_SCHEMA + ": " + missing);
    }

    @Test
    void everyProtectedOperationDocuments401() {
        List<String> missing = new ArrayList<>();
        operations.forEach((key, operation) -> {
            Object security = operation.containsKey("security") ? operation.get("security") : openApi.get("security");
            // String.valueOf: an unquoted 401 is read by YAML as a number.
            boolean documents401 = map(operation.get("responses")).keySet().stream()
                    .anyMatch(status -> String.valueOf(status).equals("401"));
            if (requiresSession(security) && !documents401) {
                missing.add(key);
            }
        });
        assertTrue(missing.isEmpty(), "Operations that need a session (no `security: []`) but do not document 401: "
                + missing);
    }

    /** The documented error codes are exactly the ones the code can send. */
    @Test
    void documentedErrorCodesAreTheErrorCodeEnum() {
        Map<String, Object> schema = map(map(map(openApi.get("components")).get("schemas")).get("ErrorCode"));
        List<String> documented = new ArrayList<>();
        for (Object value : list(schema.get("enum"))) {
            documented.add(String.valueOf(value));
        }
        List<String> inCode = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
        assertEquals(new TreeSet<>(inCode), new TreeSet<>(documented),
                "components.schemas.ErrorCode.enum in functions/openapi.yaml differs from "
                        + "vn.smartprovince.shared.http.ErrorCode");
    }

    // --- reading the description ---------------------------------------------------------

    private static Map<String, Map<String, Object>> operationsOf(Map<String, Object> document) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(document.get("paths")).forEach((path, rawItem) -> {
            Map<String, Object> item = map(rawItem);
            for (String method : HTTP_METHODS) {
                if (item.containsKey(method)) {
                    result.put(method.toUpperCase(Locale.ROOT) + " " + path, map(item.get(method)));
                }
            }
        });
        return result;
    }

    /** 4xx, 5xx, or the wildcards 4XX / 5XX. */
    private static boolean isErrorStatus(Object status) {
        String text = String.valueOf(status);
        return text.length() == 3 && (text.charAt(0) == '4' || text.charAt(0) == '5');
    }

    /** Whether a node uses {@code target}, following local $refs (responses, schemas) on the way. */
    private static boolean references(Object node, String target, Set<String> visited) {
        if (node instanceof Map<?, ?> m) {
            Object ref = m.get("$ref");
            if (ref != null) {
                String pointer = ref.toString();
                if (pointer.equals(target)) {
                    return true;
                }
                if (pointer.startsWith("#/") && visited.add(pointer) && references(resolve(pointer), target, visited)) {
                    return true;
                }
            }
            for (Object value : m.values()) {
                if (references(value, target, visited)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object value : l) {
                if (references(value, target, visited)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Object resolve(String pointer) {
        Object node = openApi;
        for (String part : pointer.substring(2).split("/")) {
            node = map(node).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    /** A non-empty list of requirements, none of them the empty "no authentication" one. */
    private static boolean requiresSession(Object security) {
        List<?> requirements = list(security);
        return !requirements.isEmpty() && requirements.stream().noneMatch(r -> map(r).isEmpty());
    }

    // --- files ---------------------------------------------------------------------------

    private static Path repositoryRoot() {
        return LocalParameters.repoRoot(Path.of(System.getProperty("user.dir")));
    }

    private static Map<String, Object> readYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);   // a schema defined twice silently keeps the last: refuse it
            Object document = new Yaml(new SafeConstructor(options)).load(reader);
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return map(document);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
