package vn.smartprovince.ops.preflight;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import vn.smartprovince.local.LocalParameters;
import vn.smartprovince.shared.log.JsonLog;
import vn.smartprovince.ops.AwsAccess;
import vn.smartprovince.ops.CommandLine;

/**
 * {@code infra/bin/preflight}: is this stack ready for citizens? One line per check, PASS, FAIL
 * (with what to do) or SKIP (with why); exit 1 when any check fails. Never prints a secret.
 */
public final class PreflightMain {
    static final String USAGE = """
            usage: infra/bin/preflight --stack NAME [--region R]          a deployed stack (AWS credentials as usual)
                   infra/bin/preflight --endpoint URL [--stack NAME]      start-local (moto at URL, e.g. http://127.0.0.1:4566)

              --api URL           the API's base URL (default: the stack's ApiUrl output; locally http://127.0.0.1:3000)
              --zalo URL          every Zalo base URL (default: the stack's parameters; locally the Zalo stub
                                  http://127.0.0.1:3001)
              --egress-proxy URL  another egress proxy than the stack's ZaloEgressProxyUrl ("" for none)
              --alarm-topic ARN   the alarm topic (default: the stack's AlarmTopicArn output; start-local has none)
              --stack NAME        locally: the name start-local was given (default smartprovince-local)
              --verbose           the Zalo client's JSON log lines on stderr (no secrets in them either)

            Checks: the four secrets exist and are well formed; a province configuration is in force and has a
            template for every notification the code sends; Zalo answers (not -501) through the egress proxy;
            Zalo accepts the app secret; the OA access token works (and the configured ZNS templates are approved);
            the webhook route verifies a signed probe; CORS allows the mini app's origins; the alarm topic has a
            confirmed subscriber. Read-only: nothing is written, no refresh token is spent, nothing is queued.""";

    private PreflightMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), Path.of("")));
    }

    /** @return 0 all passed (or skipped), 1 a check failed, 2 wrong usage */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment, Path workingDir) {
        String endpoint = null;
        String region = null;
        String stackName = null;
        String api = null;
        String zalo = null;
        String proxy = null;
        String alarmTopic = null;
        boolean verbose = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--endpoint" -> endpoint = value(args, ++i, "--endpoint");
                    case "--region" -> region = value(args, ++i, "--region");
                    case "--stack" -> stackName = value(args, ++i, "--stack");
                    case "--api" -> api = url(value(args, ++i, "--api"), "--api");
                    case "--zalo" -> zalo = url(value(args, ++i, "--zalo"), "--zalo");
                    case "--egress-proxy" -> proxy = value(args, ++i, "--egress-proxy");
                    case "--alarm-topic" -> alarmTopic = value(args, ++i, "--alarm-topic");
                    case "--verbose" -> verbose = true;
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (endpoint == null && stackName == null) {
                throw new IllegalArgumentException("say which stack: --stack NAME (AWS) or --endpoint URL (start-local)");
            }
            if (endpoint != null) {
                url(endpoint, "--endpoint");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        JsonLog.redirect(verbose ? err : new PrintStream(OutputStream.nullOutputStream()));
        AwsAccess aws = new AwsAccess(endpoint, region, environment);
        try (CloudFormationClient cloudFormation = aws.build(CloudFormationClient.builder());
             SecretsManagerClient secrets = aws.build(SecretsManagerClient.builder());
             DynamoDbClient dynamoDb = aws.build(DynamoDbClient.builder());
             SnsClient sns = aws.build(SnsClient.builder())) {
            Deployment stack;
            if (aws.local()) {
                stack = Deployment.local(LocalParameters.repoRoot(workingDir),
                        stackName == null ? Deployment.LOCAL_STACK : stackName, Deployment.LOCAL_API);
            } else {
                stack = Deployment.fromCloudFormation(cloudFormation, stackName);
            }
            if (api != null) {
                stack = stack.withApi(URI.create(api));
            }
            if (zalo != null) {
                stack = stack.withZalo(URI.create(zalo));
            }
            if (proxy != null) {
                stack = stack.withEgressProxy(proxy);
            }
            if (alarmTopic != null) {
                stack = stack.withOutput("AlarmTopicArn", alarmTopic);
            }
            out.println("preflight of " + (aws.local() ? "local stack " + stack.stackName() + " at " + endpoint
                    : "stack " + stack.stackName() + " in " + aws.resolvedRegion()) + ", province "
                    + (stack.provinceCode().isEmpty() ? "?" : stack.provinceCode()) + ", stage " + stack.parameter("Stage"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Preflight preflight = new Preflight(stack, secrets, dynamoDb, sns, http, Clock.systemUTC());
            List<CheckResult> results = preflight.run(out::println);
            long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
            long skipped = results.stream().filter(r -> r.status() == CheckResult.Status.SKIP).count();
            out.println(failed == 0
                    ? "ready: " + (results.size() - skipped) + " checks passed" + (skipped > 0 ? ", " + skipped + " skipped" : "")
                    : "NOT ready: " + failed + " of " + results.size() + " checks failed");
            return failed == 0 ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SdkException e) {
            err.println("AWS refused or could not be reached: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        return CommandLine.value(args, i, option);
    }

    private static String url(String text, String option) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be a URL such as http://127.0.0.1:3000, got \"" + text + "\"");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be a URL such as http://127.0.0.1:3000, got \"" + text + "\"");
        }
        return text;
    }
}
