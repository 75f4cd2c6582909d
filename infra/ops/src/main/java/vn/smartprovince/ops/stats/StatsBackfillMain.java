package vn.smartprovince.ops.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.smartprovince.ops.AwsAccess;
import vn.smartprovince.ops.CommandLine;
import vn.smartprovince.ops.province.MainTable;

/**
 * {@code infra/bin/stats-backfill}: one-off back-fills of the statistics counters from what the
 * table already holds (docs/statistics.md, "Back-filling"). Safe to run again: what was counted
 * carries a marker and is skipped. Prints counts only, never personal data.
 */
public final class StatsBackfillMain {
    static final String USAGE = """
            usage: infra/bin/stats-backfill DIMENSION [--stack NAME --region R | --endpoint URL | --table NAME]

              users     user accounts and their birth years (STATS#USERS / BIRTH_YEARS) for the users created
                        before the counters existed; each user item gets statsCounted = true in the same
                        transaction, so a re-run or the live code never counts a user twice

            --stack NAME    a deployed stack: its output MainTableName (credentials: the default AWS chain)
            --endpoint URL  an emulator (start-local: http://127.0.0.1:4566); table <stack>-MainTable
            --table NAME    the main table's name
            --region R      default: AWS_REGION, the profile's region, else ap-southeast-1

            Run it after deploying the code that writes the counters.""";

    private StatsBackfillMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** @return 0 done, 1 AWS failed, 2 wrong usage */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        String endpoint = null;
        String region = null;
        String stack = null;
        String table = null;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--endpoint" -> endpoint = CommandLine.value(args, ++i, "--endpoint");
                    case "--region" -> region = CommandLine.value(args, ++i, "--region");
                    case "--stack" -> stack = CommandLine.value(args, ++i, "--stack");
                    case "--table" -> table = CommandLine.value(args, ++i, "--table");
                    case "--help", "-h" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--")) {
                            throw new IllegalArgumentException("unknown option " + args[i]);
                        }
                        positional.add(args[i]);
                    }
                }
            }
            if (positional.size() != 1 || !positional.get(0).equals("users")) {
                throw new IllegalArgumentException("one dimension is required: users");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        try (DynamoDbClient dynamo = new AwsAccess(endpoint, region, environment).build(DynamoDbClient.builder())) {
            String resolved = MainTable.resolve(dynamo, table, stack, endpoint, region, environment);
            StatsBackfill.Result result = new StatsBackfill(dynamo, resolved).users();
            out.println("users: " + result.counted() + " counted now, " + result.skipped()
                    + " skipped (counted meanwhile or gone)");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SdkException | IllegalStateException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }
}
