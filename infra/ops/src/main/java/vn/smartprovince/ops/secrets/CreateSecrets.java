package vn.smartprovince.ops.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import vn.smartprovince.local.LocalSecrets;
import vn.smartprovince.ops.AwsAccess;
import vn.smartprovince.ops.preflight.Deployment;
import vn.smartprovince.ops.secrets.SecretRules.Kind;
import vn.smartprovince.shared.json.Json;
import vn.smartprovince.ops.CommandLine;

/**
 * {@code infra/bin/secrets} (and {@code infra/bin/province secrets}): creates the four Secrets
 * Manager secrets a first deploy needs, under the names the stack reads. The session signing key is
 * generated here; the operator types only the Zalo app secret, the OA secret key and the OA's first
 * token pair (without echo on a terminal), or gives them as JSON ({@code --from-file FILE}, {@code -}
 * for stdin). Every value is checked before anything is written; an existing secret is never
 * overwritten without {@code --rotate}. No value is ever printed, except a generated one-stop signing
 * secret, once.
 *
 * <p>The one-stop system's credentials (optional) are created only when asked for: {@code --only
 * one-stop}, or a {@code --from-file} holding their fields; a province without a one-stop system is
 * never prompted for them.
 */
public final class CreateSecrets {
    static final String USAGE = """
            usage: infra/bin/secrets --stage dev|staging|prod [--region R]      before the first deploy (default names)
                   infra/bin/secrets --stack NAME [--region R]                  the names a deployed stack reads
                   infra/bin/secrets --endpoint URL (--stage S | --stack NAME)  an emulator (moto)

              --from-file FILE  the values as JSON instead of typing them ("-" = stdin):
                                {"zaloAppSecret": "...", "zaloOaSecretKey": "...", "oaAccessToken": "...",
                                 "oaRefreshToken": "...", "oaAccessTokenExpiresAt": "<RFC 3339, optional>",
                                 "oneStopApiKey": "...", "oneStopSigningSecret": "<empty: generate>"}
              --rotate          replace secrets that exist (by default an existing secret is refused, nothing written)
              --only LIST       just these, comma-separated: app-secret, oa-secret, signing-key, oa-tokens, one-stop
                                (e.g. --rotate --only oa-tokens after re-authorising the OA)

            Names: smartprovince/<Stage>/zalo-app-secret, zalo-oa-secret, session-signing-key, zalo-oa-tokens,
            one-stop, or what the stack's *SecretName parameters say. The session signing key is generated (48
            random bytes, base64); rotating it makes every user sign in again (silently, in the mini app).

            One-stop system (only a province that has one): made only with --only one-stop or when the
            --from-file JSON has its fields. The api key is the one the vendor issued (no spaces, at most 4 KB);
            leave the signing secret empty to have one generated (32 random bytes, base64url): it is printed
            once, to give to the vendor, who signs its pushed updates with it.""";

    /** The JSON field of --from-file for each typed value. */
    static final Map<String, String> FIELDS = Map.of(
            "zaloAppSecret", "the Zalo App secret key (Zalo for Developers > your app > Settings)",
            "zaloOaSecretKey", "the Official Account's secret key (Zalo for Developers > Official Account > webhook)",
            "oaAccessToken", "the OA access token",
            "oaRefreshToken", "the OA refresh token",
            "oaAccessTokenExpiresAt", "when the access token expires, RFC 3339 (optional, Enter to skip)",
            "oneStopApiKey", "the one-stop system's API key (issued by its vendor)",
            "oneStopSigningSecret", "the one-stop signing secret the vendor signs its pushes with (Enter to generate one)");

    /** The kinds made when --only is not given: every required one (the one-stop's when the file has its fields). */
    private static final Set<Kind> REQUIRED = EnumSet.of(Kind.APP_SECRET, Kind.OA_SECRET, Kind.SIGNING_KEY, Kind.OA_TOKENS);

    private CreateSecrets() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv(), System.console(), new SecureRandom()));
    }

    /** @return 0 written, 1 AWS failed or a secret exists, 2 wrong usage or a malformed value */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, String> environment,
                   Console console, SecureRandom random) {
        String endpoint = null;
        String region = null;
        String stackName = null;
        String stage = null;
        String fromFile = null;
        boolean rotate = false;
        Set<Kind> only = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--endpoint" -> endpoint = value(args, ++i, "--endpoint");
                    case "--region" -> region = value(args, ++i, "--region");
                    case "--stack" -> stackName = value(args, ++i, "--stack");
                    case "--stage" -> {
                        stage = value(args, ++i, "--stage");
                        if (!List.of("dev", "staging", "prod").contains(stage)) {
                            throw new IllegalArgumentException("--stage must be dev, staging or prod, got \"" + stage + "\"");
                        }
                    }
                    case "--from-file" -> fromFile = value(args, ++i, "--from-file");
                    case "--rotate" -> rotate = true;
                    case "--only" -> only = kinds(value(args, ++i, "--only"));
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (stackName == null && stage == null) {
                throw new IllegalArgumentException("say which names: --stage S (before the first deploy) or --stack NAME");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        Map<String, String> fromJson;
        try {
            fromJson = fromFile == null ? null : fromFile(fromFile, stdin);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot read the values: " + e.getMessage());
            return 2;
        }
        if (only == null) {
            only = EnumSet.copyOf(REQUIRED);
            if (fromJson != null && (fromJson.containsKey("oneStopApiKey") || fromJson.containsKey("oneStopSigningSecret"))) {
                only.add(Kind.ONE_STOP);
            }
        }
        AwsAccess aws = new AwsAccess(endpoint, region, environment);
        try (SecretsManagerClient secrets = aws.build(SecretsManagerClient.builder())) {
            Map<Kind, String> names = names(aws, stackName, stage);
            names.keySet().retainAll(only);

            // 1. Refuse before asking anything when a secret exists and --rotate was not given.
            Map<Kind, Boolean> exists = new EnumMap<>(Kind.class);
            for (var entry : names.entrySet()) {
                exists.put(entry.getKey(), exists(secrets, entry.getValue()));
            }
            List<String> existing = names.entrySet().stream().filter(e -> exists.get(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (!existing.isEmpty() && !rotate) {
                err.println("refused, nothing written: " + String.join(", ", existing) + (existing.size() == 1 ? " exists" : " exist")
                        + ". To replace " + (existing.size() == 1 ? "it" : "them") + ", add --rotate (and --only to limit which).");
                return 1;
            }

            // 2. The values: typed or from JSON, all checked before anything is written.
            Map<String, String> typed = new java.util.HashMap<>();
            if (names.keySet().stream().anyMatch(kind -> kind != Kind.SIGNING_KEY)) {
                typed = input(fromJson, console, names.keySet());
            }
            Map<Kind, String> values = new EnumMap<>(Kind.class);
            if (names.containsKey(Kind.APP_SECRET)) {
                values.put(Kind.APP_SECRET, typed.getOrDefault("zaloAppSecret", ""));
            }
            if (names.containsKey(Kind.OA_SECRET)) {
                values.put(Kind.OA_SECRET, typed.getOrDefault("zaloOaSecretKey", ""));
            }
            if (names.containsKey(Kind.OA_TOKENS)) {
                values.put(Kind.OA_TOKENS, SecretRules.tokenPairJson(typed.getOrDefault("oaAccessToken", ""),
                        typed.getOrDefault("oaRefreshToken", ""), typed.get("oaAccessTokenExpiresAt")));
            }
            if (names.containsKey(Kind.SIGNING_KEY)) {
                values.put(Kind.SIGNING_KEY, SecretRules.generateSigningKey(random));
            }
            String generatedOneStopSecret = null;
            if (names.containsKey(Kind.ONE_STOP)) {
                String signingSecret = typed.getOrDefault("oneStopSigningSecret", "");
                if (signingSecret.isBlank()) {
                    signingSecret = generatedOneStopSecret = SecretRules.generateOneStopSigningSecret(random);
                }
                values.put(Kind.ONE_STOP, SecretRules.oneStopJson(typed.getOrDefault("oneStopApiKey", ""), signingSecret));
            }
            List<String> problems = new ArrayList<>();
            values.forEach((kind, value) -> SecretRules.problem(kind, value)
                    .ifPresent(p -> problems.add(kind.description + " (" + names.get(kind) + "): " + p)));
            if (!problems.isEmpty()) {
                err.println("refused, nothing written:\n  " + String.join("\n  ", problems));
                return 2;
            }

            // 3. Write.
            for (var entry : values.entrySet()) {
                Kind kind = entry.getKey();
                String name = names.get(kind);
                if (exists.get(kind)) {
                    secrets.putSecretValue(b -> b.secretId(name).secretString(entry.getValue()));
                    out.println("rotated  " + name + "  (" + kind.description + ")");
                } else {
                    secrets.createSecret(b -> b.name(name).secretString(entry.getValue())
                            .description("Smart Province: " + kind.description + " (infra/bin/secrets)"));
                    out.println("created  " + name + "  (" + kind.description + ")");
                }
            }
            if (generatedOneStopSecret != null) {
                // The one value that leaves the account: HMAC is symmetric, so the vendor must hold the same
                // key to sign the updates it pushes to /v1/one-stop/updates. Every other secret is either
                // issued to us (typed here) or used only by our functions. Shown once; not kept anywhere else.
                out.println("one-stop signing secret (generated): " + generatedOneStopSecret);
                out.println("  -> give it to the one-stop vendor now, over a private channel: they sign every pushed"
                        + " update with it. It is shown only this once (it stays readable in " + names.get(Kind.ONE_STOP)
                        + ").");
            }
            if (values.containsKey(Kind.SIGNING_KEY) && exists.get(Kind.SIGNING_KEY)) {
                out.println("note: the session signing key changed; sessions end within 15 minutes (the functions' cache)"
                        + " and the mini app signs in again by itself.");
            }
            out.println("next: sam deploy (docs/going-live.md), then infra/bin/preflight "
                    + (endpoint != null ? "--endpoint " + endpoint : stackName != null ? "--stack " + stackName : "--stack NAME"));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SdkException e) {
            err.println("AWS refused or could not be reached: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The secret names: the stack's (if it exists), else the stage's defaults. */
    static Map<Kind, String> names(AwsAccess aws, String stackName, String stage) {
        Deployment stack = null;
        if (stackName != null) {
            try (CloudFormationClient cloudFormation = aws.build(CloudFormationClient.builder())) {
                stack = Deployment.fromCloudFormation(cloudFormation, stackName);
            } catch (IllegalArgumentException e) {
                if (stage == null) {
                    throw new IllegalArgumentException(e.getMessage() + "; before the first deploy say --stage S");
                }
            }
        }
        Map<Kind, String> names = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            names.put(kind, stack != null ? stack.secretName(kind)
                    : LocalSecrets.secretName(Map.of("Stage", stage), kind.parameter));
        }
        return names;
    }

    private static boolean exists(SecretsManagerClient secrets, String name) {
        try {
            secrets.describeSecret(b -> b.secretId(name));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** The --from-file JSON's fields (strings; null or absent left out), refusing unknown ones. */
    private static Map<String, String> fromFile(String fromFile, InputStream stdin) throws IOException {
        String text = fromFile.equals("-")
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines()
                        .collect(java.util.stream.Collectors.joining("\n"))
                : Files.readString(Path.of(fromFile), StandardCharsets.UTF_8);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException((fromFile.equals("-") ? "stdin" : fromFile) + " is not JSON"
                    + " (expected {\"zaloAppSecret\", \"zaloOaSecretKey\", \"oaAccessToken\", \"oaRefreshToken\"}"
                    + " and, with a one-stop system, \"oneStopApiKey\", \"oneStopSigningSecret\")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the values must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.containsKey(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field(s) " + unknown + "; known: " + FIELDS.keySet());
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String field : FIELDS.keySet()) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull()) {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("\"" + field + "\" must be a string");
                }
                values.put(field, value.textValue());
            }
        }
        return values;
    }

    /** The fields these kinds need: from the file's JSON, else typed without echo. */
    private static Map<String, String> input(Map<String, String> fromJson, Console console, Set<Kind> kinds) {
        List<String> wanted = new ArrayList<>();
        if (kinds.contains(Kind.APP_SECRET)) {
            wanted.add("zaloAppSecret");
        }
        if (kinds.contains(Kind.OA_SECRET)) {
            wanted.add("zaloOaSecretKey");
        }
        if (kinds.contains(Kind.OA_TOKENS)) {
            wanted.addAll(List.of("oaAccessToken", "oaRefreshToken", "oaAccessTokenExpiresAt"));
        }
        if (kinds.contains(Kind.ONE_STOP)) {
            wanted.addAll(List.of("oneStopApiKey", "oneStopSigningSecret"));
        }
        Map<String, String> values = new java.util.HashMap<>();
        if (fromJson != null) {
            wanted.stream().filter(fromJson::containsKey).forEach(field -> values.put(field, fromJson.get(field)));
            return values;
        }
        if (console == null) {
            throw new IllegalArgumentException("no terminal to type the values on: give them with --from-file FILE"
                    + " (or --from-file - on stdin)");
        }
        for (String field : wanted) {
            char[] typed = console.readPassword("%s: ", FIELDS.get(field));
            if (typed != null) {
                values.put(field, new String(typed).strip());
                Arrays.fill(typed, ' ');
            }
        }
        return values;
    }

    private static Set<Kind> kinds(String list) {
        Map<String, Kind> byName = Map.of("app-secret", Kind.APP_SECRET, "oa-secret", Kind.OA_SECRET,
                "signing-key", Kind.SIGNING_KEY, "oa-tokens", Kind.OA_TOKENS, "one-stop", Kind.ONE_STOP);
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String part : list.split(",")) {
            Kind kind = byName.get(part.strip().toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw new IllegalArgumentException("--only takes " + String.join(", ", byName.keySet().stream().sorted().toList())
                        + "; got \"" + part.strip() + "\"");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static String value(String[] args, int i, String option) {
        return CommandLine.value(args, i, option);
    }
}
