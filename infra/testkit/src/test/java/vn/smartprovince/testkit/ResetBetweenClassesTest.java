package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each test class starts from a clean emulator with the template's resources created again. */
class ResetBetweenClassesTest {

    static AwsEmulatorExtension kit() {
        return AwsEmulatorExtension.builder().template(MotoModeTest.fixture("kit-stack.yaml")).stackName("reset")
                .parameter("Greeting", "hi").build();
    }

    @Order(1)
    static class WritesFixture {
        @RegisterExtension
        static AwsEmulatorExtension aws = kit();

        @Test
        void writes() {
            aws.dynamoDb().putItem(b -> b.tableName(aws.tableName("ItemsTable"))
                    .item(Map.of("pk", AttributeValue.fromS("left-over"))));
            aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("JobsQueue")).messageBody("left-over"));
        }
    }

    @Order(2)
    static class ReadsFixture {
        @RegisterExtension
        static AwsEmulatorExtension aws = kit();

        @Test
        void startsClean() {
            assertFalse(aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("ItemsTable"))
                    .key(Map.of("pk", AttributeValue.fromS("left-over")))).hasItem());
            assertEquals(0, aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("JobsQueue"))).messages().size());
        }
    }

    @Test
    void stateOfAnEarlierClassIsGone() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.testclass.order.default",
                        ClassOrderer.OrderAnnotation.class.getName())
                .selectors(selectClass(WritesFixture.class), selectClass(ReadsFixture.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }
}
