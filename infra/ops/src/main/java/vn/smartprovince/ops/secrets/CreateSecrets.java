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
 * overwritten without {@code --rotate}. No value is ever printed.
 */
public final class CreateSecrets {
    static final String USAGE = """
            usage: infra/bin/secrets --stage dev|staging|prod [--region R]      before the first deploy (default names)
                   infra/bin/secrets --stack NAME [--region R]                  the names a deployed stack reads
                   infra/bin/secrets --endpoint URL (--stage S | --stack NAME)  an emulator (moto)

              --from-file FILE  the values as JSON instead of typing them ("-" = stdin):
                                {"zaloAppSecret": "...", "zaloOaSecretKey": "...", "oaAccessToken": "...",
                                 "oaRefreshToken": "...", "oaAccessTokenExpiresAt": "<RFC 3339, optional>"}
              --rotate          replace secrets that exist (by default an existing secret is refused, nothing written)
              --only LIST       just these, comma-separated: app-secret, oa-secret, signing-key, oa-tokens
                                (e.g. --rotate --only oa-tokens after re-authorising the OA)

            Names: smartprovince/<Stage>/zalo-app-secret, zalo-oa-secret, session-signing-key, zalo-oa-tokens, or
            what the stack's *SecretName parameters say. The session signing key is generated (48 random bytes,
            base64); rotating it makes every user sign in again (silently, in the mini app).""";

    /** The JSON field of --from-file for each typed value. */
    static final Map<String, String> FIELDS = Map.of(
            "zaloAppSecret", "the Zalo App secret key (Zalo for Developers > your app > Settings)",
            "zaloOaSecretKey", "the Official Account's secret key (Zalo for Developers > Official Account > webhook)",
            "oaAccessToken", "the OA access token",
            "oaRefreshToken", "the OA refresh token",
            "oaAccessTokenExpiresAt", "when the access token expires, RFC 3339 (optional, Enter to skip)");

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
        Set<Kind> only = EnumSet.allOf(Kind.class);
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
            if (names.containsKey(Kind.APP_SECRET) || names.containsKey(Kind.OA_SECRET) || names.containsKey(Kind.OA_TOKENS)) {
                typed = input(fromFile, stdin, console, names.keySet(), out);
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
        } catch (IOException e) {
            err.println("cannot read the values: " + e.getMessage());
            return 2;
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

    private static Map<String, String> input(String fromFile, InputStream stdin, Console console, Set<Kind> kinds,
                                             PrintStream out) throws IOException {
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
        Map<String, String> values = new java.util.HashMap<>();
        if (fromFile != null) {
            String text = fromFile.equals("-")
                    ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).lines()
                            .collect(java.util.stream.Collectors.joining("\n"))
                    : Files.readString(Path.of(fromFile), StandardCharsets.UTF_8);
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new IllegalArgumentException((fromFile.equals("-") ? "stdin" : fromFile) + " is not JSON"
                        + " (expected {\"zaloAppSecret\", \"zaloOaSecretKey\", \"oaAccessToken\", \"oaRefreshToken\"})");
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
            for (String field : wanted) {
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
                "signing-key", Kind.SIGNING_KEY, "oa-tokens", Kind.OA_TOKENS);
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
