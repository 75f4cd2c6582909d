package vn.smartprovince.ops.province;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import vn.smartprovince.ops.AwsAccess;

/**
 * Which table holds the province configuration: {@code --table NAME}; on AWS the output
 * {@code MainTableName} of {@code --stack}; on an emulator ({@code --endpoint}) the table the
 * local runtime creates, {@code <stack>-MainTable} (stack {@value #LOCAL_STACK} by default), as
 * infra/bin/dlq finds the local queues. Also used by infra/bin/one-stop.
 */
public final class MainTable {
    static final String LOCAL_STACK = "smartprovince-local";
    static final String OUTPUT = "MainTableName";

    private MainTable() {
    }

    public static String resolve(DynamoDbClient dynamo, String table, String stack, String endpoint, String region,
                          Map<String, String> environment) {
        if (table != null) {
            return table;
        }
        if (endpoint != null) {
            String name = (stack == null ? LOCAL_STACK : stack) + "-MainTable";
            try {
                dynamo.describeTable(b -> b.tableName(name));
                return name;
            } catch (ResourceNotFoundException e) {
                List<String> candidates = dynamo.listTablesPaginator(b -> { }).tableNames().stream()
                        .filter(t -> t.endsWith("-MainTable")).toList();
                if (stack == null && candidates.size() == 1) {
                    return candidates.get(0);
                }
                throw new IllegalArgumentException("no table " + name + " at " + endpoint + (candidates.isEmpty() ? ""
                        : " (main tables there: " + String.join(", ", candidates) + "; say which with --stack or --table)"));
            }
        }
        if (stack == null) {
            throw new IllegalArgumentException("say where: --stack NAME (a deployed stack), --endpoint URL (an emulator)"
                    + " or --table NAME");
        }
        try (CloudFormationClient cloudFormation = new AwsAccess(null, region, environment).build(CloudFormationClient.builder())) {
            List<Output> outputs = cloudFormation.describeStacks(b -> b.stackName(stack)).stacks().get(0).outputs();
            return outputs.stream().filter(o -> OUTPUT.equals(o.outputKey())).map(Output::outputValue).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("stack " + stack + " has no output " + OUTPUT));
        }
    }
}
