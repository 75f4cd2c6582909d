package vn.smartprovince.ops.preflight;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.local.template.Template;
import vn.smartprovince.ops.secrets.SecretRules;
import vn.smartprovince.shared.config.Env;
import vn.smartprovince.shared.zalo.ZaloConfig;

/**
 * A stack as the preflight sees it: the template parameters it was deployed with (defaults
 * included) and its outputs. On AWS both come from CloudFormation ({@code DescribeStacks}); for
 * start-local they are what start-local runs: template defaults, {@code infra/local-stack.properties},
 * the Zalo stub's URL, the local API's URL, and resource names {@code <stack>-<LogicalId>}.
 */
public record Deployment(String stackName, boolean local, Map<String, String> parameters, Map<String, String> outputs) {

    public static final String LOCAL_STACK = "smartprovince-local";
    public static final URI LOCAL_API = URI.create("http://127.0.0.1:3000");
    public static final URI LOCAL_ZALO = URI.create("http://127.0.0.1:3001");

    public Deployment {
        parameters = Map.copyOf(parameters);
        outputs = Map.copyOf(outputs);
    }

    /**
     * @throws IllegalArgumentException when the stack does not exist (naming it)
     */
    public static Deployment fromCloudFormation(CloudFormationClient cloudFormation, String stackName) {
        Stack stack;
        try {
            stack = cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().get(0);
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw new IllegalArgumentException("no stack " + stackName + " in this account and region"
                        + " (check --stack and --region)");
            }
            throw e;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        stack.parameters().forEach(p -> parameters.put(p.parameterKey(),
                p.resolvedValue() != null ? p.resolvedValue() : p.parameterValue() == null ? "" : p.parameterValue()));
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        return new Deployment(stackName, false, parameters, outputs);
    }

    /**
     * The stack start-local runs: {@code template.yaml}'s defaults overridden by
     * {@code infra/local-stack.properties}, the Zalo base URLs pointed at {@code zalo}, and the
     * outputs the preflight reads (no alarm topic: start-local creates none).
     */
    public static Deployment local(Path repoRoot, String stackName, URI api) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Template template = Template.load(repoRoot.resolve("template.yaml"));
        template.parameters().forEach((name, declaration) -> {
            Object fallback = declaration.get("Default");
            if (fallback != null) {
                parameters.put(name, fallback instanceof List<?> list ? String.join(",", list.stream()
                        .map(String::valueOf).toList()) : String.valueOf(fallback));
            }
        });
        parameters.putAll(LocalParameters.of(repoRoot));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("MainTableName", stackName + "-MainTable");
        return new Deployment(stackName, true, parameters, outputs).withApi(api).withZalo(LOCAL_ZALO);
    }

    /** The API at another URL (start-local on another port, a custom domain): ApiUrl and ZaloWebhookUrl. */
    public Deployment withApi(URI api) {
        String base = api.toString().replaceAll("/+$", "");
        Map<String, String> copy = new LinkedHashMap<>(outputs);
        copy.put("ApiUrl", base);
        copy.put("ZaloWebhookUrl", base + "/v1/zalo/webhook");
        return new Deployment(stackName, local, parameters, copy);
    }

    /** Every Zalo base URL at one address (the Zalo stub). */
    public Deployment withZalo(URI zalo) {
        String base = zalo.toString().replaceAll("/+$", "");
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        LocalSecrets.ZALO_BASE_URL_PARAMETERS.forEach(p -> copy.put(p, base));
        return new Deployment(stackName, local, copy, outputs);
    }

    /** Another egress proxy than the stack's (empty: none). */
    public Deployment withEgressProxy(String proxyUrl) {
        return withParameter("ZaloEgressProxyUrl", proxyUrl);
    }

    /** A parameter's value other than the stack's. */
    public Deployment withParameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new Deployment(stackName, local, copy, outputs);
    }

    /** An output not every stack has (e.g. no alarm topic locally). */
    public Deployment withOutput(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(outputs);
        copy.put(name, value);
        return new Deployment(stackName, local, parameters, copy);
    }

    public String parameter(String name) {
        return parameters.getOrDefault(name, "").strip();
    }

    public Optional<String> output(String name) {
        return Optional.ofNullable(outputs.get(name)).filter(v -> !v.isBlank());
    }

    /** The name the functions read for this secret (the parameter, or smartprovince/<Stage>/<purpose>). */
    public String secretName(SecretRules.Kind kind) {
        return LocalSecrets.secretName(parameters, kind.parameter);
    }

    public String provinceCode() {
        return parameter("ProvinceCode");
    }

    public List<String> allowedOrigins() {
        return Arrays.stream(parameter("AllowedOrigins").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** The variables the functions build their Zalo client from ({@link ZaloConfig#from(Env)}). */
    public Env zaloEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(ZaloConfig.APP_ID, parameter("ZaloAppId"));
        put(env, ZaloConfig.GRAPH_BASE_URL, parameter("ZaloGraphBaseUrl"));
        put(env, ZaloConfig.OPENAPI_BASE_URL, parameter("ZaloOpenApiBaseUrl"));
        put(env, ZaloConfig.BUSINESS_BASE_URL, parameter("ZaloBusinessBaseUrl"));
        put(env, ZaloConfig.OAUTH_BASE_URL, parameter("ZaloOAuthBaseUrl"));
        put(env, ZaloConfig.EGRESS_PROXY_URL, parameter("ZaloEgressProxyUrl"));
        put(env, ZaloConfig.APP_SECRET_NAME, secretName(SecretRules.Kind.APP_SECRET));
        return new Env(env);
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (!value.isEmpty()) {
            env.put(name, value);
        }
    }

    /** How to name this stack in a command to type. */
    public String stackOption() {
        return local ? "--endpoint URL" : "--stack " + stackName;
    }
}
