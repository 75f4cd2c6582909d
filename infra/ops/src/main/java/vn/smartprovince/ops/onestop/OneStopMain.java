package vn.smartprovince.ops.onestop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import vn.smartprovince.onestopfake.OneStopFakeClient;
import vn.smartprovince.ops.AwsAccess;
import vn.smartprovince.ops.CommandLine;
import vn.smartprovince.ops.onestop.OneStopReconcile.Difference;
import vn.smartprovince.shared.json.Json;

/**
 * {@code infra/bin/one-stop}: compare our dossiers with the one-stop system's copies
 * ({@code reconcile}), and drive the local fake ({@code faults}, {@code push}, {@code status}).
 */
public final class OneStopMain {
    static final String USAGE = """
            usage: infra/bin/one-stop [options] COMMAND ...

              reconcile                     every difference between our dossiers and the one-stop system's
                                            copies (status, code, agency unit code, due date, our version vs
                                            their last applied sequence, desk sequences, parked desk updates,
                                            copies only there); exit 1 when there is one
              status                        the fake's counters, pending pushes, held events, faults (JSON)
              faults --share P [--seed N]   every fault of both directions with probability P (0..1)
              faults [--seed N] [--inbound-down P] [--inbound-slow P] [--inbound-error P] [--inbound-slow-ms N]
                     [--outbound-down P] [--outbound-slow P] [--outbound-duplicate P] [--outbound-out-of-order P]
              faults off                    no faults
              push DOSSIER_ID STATUS [--comment T] [--amount VND] [--officer NAME] [--delivery DESK|POST|ONLINE]
                                            the fake makes a desk update (status 2,3,4,5,6,8,9,10) and pushes it

            --one-stop URL  the one-stop system (default http://127.0.0.1:3002, the local fake); a real one is
                            read dossier by dossier (GET /dossiers/{id}), so copies only there are not found
            --secret NAME   the secret holding {"apiKey", "signingSecret"} (default with --endpoint:
                            smartprovince/local/one-stop); only needed when the system has no /_fake/ listing
            --endpoint URL  an emulator (default with --one-stop unset: http://127.0.0.1:4566)
            --stack NAME | --table NAME | --region R | --province CODE  where our dossiers are, as infra/bin/province""";

    static final String LOCAL_FAKE = "http://127.0.0.1:3002";
    static final String LOCAL_EMULATOR = "http://127.0.0.1:4566";
    static final String LOCAL_SECRET = "smartprovince/local/one-stop";

    private OneStopMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** @return 0 done (no difference), 1 differences found, 2 wrong usage, 3 a side could not be read */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        String oneStop = null;
        String secret = null;
        String endpoint = null;
        String stack = null;
        String table = null;
        String region = null;
        String province = null;
        List<String> rest = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--one-stop" -> oneStop = CommandLine.value(args, ++i, args[i - 1]);
                    case "--secret" -> secret = CommandLine.value(args, ++i, args[i - 1]);
                    case "--endpoint" -> endpoint = CommandLine.value(args, ++i, args[i - 1]);
                    case "--stack" -> stack = CommandLine.value(args, ++i, args[i - 1]);
                    case "--table" -> table = CommandLine.value(args, ++i, args[i - 1]);
                    case "--region" -> region = CommandLine.value(args, ++i, args[i - 1]);
                    case "--province" -> province = CommandLine.value(args, ++i, args[i - 1]);
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> rest.add(args[i]);
                }
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("say what to do");
            }
            boolean local = oneStop == null;
            URI fake = URI.create(oneStop == null ? LOCAL_FAKE : oneStop);
            List<String> params = rest.subList(1, rest.size());
            switch (rest.get(0)) {
                case "reconcile" -> {
                    if (endpoint == null && stack == null && table == null && local) {
                        endpoint = LOCAL_EMULATOR;
                    }
                    return reconcile(fake, secret, new AwsAccess(endpoint, region, environment), stack, table, province,
                            out);
                }
                case "status" -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new OneStopFakeClient(fake).status()));
                case "faults" -> out.println(Json.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(faults(new OneStopFakeClient(fake), params)));
                case "push" -> {
                    if (params.size() < 2) {
                        throw new IllegalArgumentException("push DOSSIER_ID STATUS [options]");
                    }
                    OneStopFakeClient.DeskUpdate update = OneStopFakeClient.DeskUpdate.to(Integer.parseInt(params.get(1)));
                    for (int i = 2; i < params.size(); i++) {
                        String option = params.get(i);
                        String value = CommandLine.value(params.toArray(String[]::new), ++i, option);
                        update = switch (option) {
                            case "--comment" -> update.comment(value);
                            case "--amount" -> update.amount(Long.parseLong(value));
                            case "--officer" -> update.officer(value);
                            case "--delivery" -> update.delivery(value);
                            default -> throw new IllegalArgumentException("unknown push option " + option);
                        };
                    }
                    int k = new OneStopFakeClient(fake).push(params.get(0), update);
                    out.println("desk update " + k + " of " + params.get(0) + " made; pushing it to our side"
                            + " (infra/bin/one-stop status shows when it is delivered)");
                }
                default -> throw new IllegalArgumentException("unknown command " + rest.get(0));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (SdkException | IllegalStateException | java.io.UncheckedIOException
                 | com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("failed: " + e.getMessage());
            return 3;
        }
    }

    static int reconcile(URI oneStop, String secret, AwsAccess aws, String stack, String table, String province,
                         PrintStream out) {
        try (DynamoDbClient dynamo = aws.build(DynamoDbClient.builder())) {
            String tableName = vn.smartprovince.ops.province.MainTable.resolve(dynamo, table, stack, aws.endpoint(),
                    aws.region(), aws.environment());
            OneStopSides.OurSide ours = OneStopSides.ours(dynamo, tableName, province);
            String apiKey = null;
            if (!listable(oneStop)) {
                String name = secret != null ? secret : aws.local() ? LOCAL_SECRET : null;
                if (name == null) {
                    throw new IllegalArgumentException("--secret NAME: the secret holding the one-stop apiKey");
                }
                try (SecretsManagerClient secrets = aws.build(SecretsManagerClient.builder())) {
                    apiKey = Json.read(secrets.getSecretValue(b -> b.secretId(name)).secretString()).path("apiKey").asText();
                }
            }
            OneStopSides.TheirSide theirs = OneStopSides.theirs(oneStop, apiKey, ours.dossiers());
            List<Difference> differences = OneStopReconcile.compare(ours.dossiers(), theirs.copies(), theirs.listed(),
                    ours.parked());
            out.println("one-stop reconcile: " + ours.dossiers().size() + " dossiers here (" + tableName + "), "
                    + theirs.copies().size() + " copies there (" + oneStop + (theirs.listed() ? ", listed" :
                    ", read one by one: copies only there are not seen") + "), " + ours.parked().size()
                    + " parked desk updates");
            differences.forEach(d -> out.println("  " + d));
            out.println(differences.size() + " difference" + (differences.size() == 1 ? "" : "s"));
            return differences.isEmpty() ? 0 : 1;
        }
    }

    private static boolean listable(URI oneStop) {
        try {
            new OneStopFakeClient(oneStop).status();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static ObjectNode faults(OneStopFakeClient fake, List<String> params) {
        if (params.size() == 1 && params.get(0).equals("off")) {
            return (ObjectNode) fake.clearFaults();
        }
        ObjectNode body = Json.object();
        ObjectNode inbound = Json.object();
        ObjectNode outbound = Json.object();
        String[] array = params.toArray(String[]::new);
        for (int i = 0; i < array.length; i++) {
            String option = array[i];
            String value = CommandLine.value(array, ++i, option);
            switch (option) {
                case "--share" -> body.put("share", Double.parseDouble(value));
                case "--seed" -> body.put("seed", Long.parseLong(value));
                case "--inbound-down" -> inbound.put("down", Double.parseDouble(value));
                case "--inbound-slow" -> inbound.put("slow", Double.parseDouble(value));
                case "--inbound-error" -> inbound.put("errorAfterApply", Double.parseDouble(value));
                case "--inbound-slow-ms" -> inbound.put("slowMs", Long.parseLong(value));
                case "--outbound-down" -> outbound.put("down", Double.parseDouble(value));
                case "--outbound-slow" -> outbound.put("slow", Double.parseDouble(value));
                case "--outbound-duplicate" -> outbound.put("duplicate", Double.parseDouble(value));
                case "--outbound-out-of-order" -> outbound.put("outOfOrder", Double.parseDouble(value));
                default -> throw new IllegalArgumentException("unknown faults option " + option);
            }
        }
        if (!inbound.isEmpty()) {
            body.set("inbound", inbound);
        }
        if (!outbound.isEmpty()) {
            body.set("outbound", outbound);
        }
        return (ObjectNode) fake.faults(body);
    }
}
