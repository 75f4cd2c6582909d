package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.shared.aws.AwsClients;
import vn.smartprovince.shared.config.Env;

class MotoModeTest {
    static Path fixture(String name) {
        try {
            return Path.of(MotoModeTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    static AwsEmulatorExtension aws = AwsEmulatorExtension.builder()
            .template(fixture("kit-stack.yaml"))
            .stackName("kit")
            .parameter("Greeting", "xin chao")
            .build();

    @Test
    void motoOnLoopbackWithTheTemplatesResources() {
        if (EmulatorMode.selected() == EmulatorMode.MOTO) {
            assertEquals(Emulator.Kind.MOTO, aws.emulator().kind());
            assertTrue(aws.emulator().owned(), "the kit started it");
            assertEquals("127.0.0.1", aws.endpoint().getHost());
        }
        assertEquals("ap-southeast-1", aws.region());
        assertEquals("kit-ItemsTable", aws.tableName("ItemsTable"));
        assertTrue(aws.streamArn("ItemsTable").contains(":table/kit-ItemsTable/stream/"));
        assertTrue(aws.queueUrl("JobsQueue").endsWith("/kit-JobsQueue"), aws.queueUrl("JobsQueue"));
        assertEquals("kit-filesbucket", aws.bucketName("FilesBucket"));
    }

    @Test
    void readyBuiltClientsReachTheEmulator() {
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("ItemsTable"))
                .item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
        assertEquals("1", aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("ItemsTable"))
                .key(Map.of("pk", AttributeValue.fromS("a")))).item().get("v").n());

        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("JobsQueue")).messageBody("job"));
        assertEquals("job", aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("JobsQueue")).waitTimeSeconds(1))
                .messages().get(0).body());

        aws.s3().putObject(b -> b.bucket(aws.bucketName("FilesBucket")).key("a.txt"), RequestBody.fromString("hi"));
        assertEquals("hi", aws.s3().getObjectAsBytes(b -> b.bucket(aws.bucketName("FilesBucket")).key("a.txt"))
                .asUtf8String());
    }

    @Test
    void functionEnvironmentWorksWithTheSharedAwsClients() {
        Env env = aws.env("KitFunction");
        assertEquals("kit-ItemsTable", env.required("ITEMS_TABLE"));
        assertEquals(aws.queueUrl("JobsQueue"), env.required("JOBS_QUEUE_URL"));
        assertEquals("xin chao", env.required("GREETING"));
        assertEquals(aws.endpoint().toString(), env.required("AWS_ENDPOINT_URL"));
        assertEquals("kit-KitFunction", env.required("AWS_LAMBDA_FUNCTION_NAME"));
        // What a function does with its Env: build clients through the shared module and use them.
        try (var dynamoDb = AwsClients.dynamoDb(env)) {
            dynamoDb.putItem(b -> b.tableName(env.required("ITEMS_TABLE")).item(Map.of("pk", AttributeValue.fromS("f"))));
        }
        assertTrue(aws.dynamoDb().getItem(b -> b.tableName("kit-ItemsTable")
                .key(Map.of("pk", AttributeValue.fromS("f")))).hasItem());
        assertEquals("http://stub", aws.env("KitFunction", Map.of("AWS_ENDPOINT_URL", "http://stub"))
                .required("AWS_ENDPOINT_URL"));
    }
}
