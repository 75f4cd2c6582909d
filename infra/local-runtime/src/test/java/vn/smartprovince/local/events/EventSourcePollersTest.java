package vn.smartprovince.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.emulator.StackBootstrap;
import vn.smartprovince.local.emulator.TestEmulator;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.local.template.Template;

class EventSourcePollersTest {

    @Test
    void startsEveryEventSourceOfTheTemplateAndStopsThemPromptly() throws Exception {
        Emulator emulator = TestEmulator.fresh();
        Template template = Template.load(Path.of(getClass().getResource("/fixtures/event-sources-stack.yaml").toURI()));
        BootstrappedStack stack = StackBootstrap.run(emulator, template, "all-events", Map.of());
        FakeInvoker invoker = FakeInvoker.succeeding();
        List<FunctionSpec> functions = FunctionSpec.all(template, stack.intrinsics());

        EventSourcePollers pollers = EventSourcePollers.start(functions, stack, emulator, invoker);
        try (var sqs = emulator.sqs(); var dynamoDb = emulator.dynamoDb()) {
            assertEquals(functions.get(0).sqsSources().size(), pollers.sqsPollers().size());
            assertEquals(functions.get(0).streamSources().size(), pollers.streamPollers().size());
            sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("ShapeQueue")).messageBody("via sqs"));
            dynamoDb.putItem(b -> b.tableName(stack.tableName("ChangesTable"))
                    .item(Map.of("pk", AttributeValue.fromS("via stream"))));
            assertTrue(TestEmulator.await(Duration.ofSeconds(20), () -> invoker.records().size() >= 2),
                    invoker.records().toString());
            assertTrue(invoker.records().stream().anyMatch(r -> "aws:sqs".equals(r.path("eventSource").asText())));
            assertTrue(invoker.records().stream().anyMatch(r -> "aws:dynamodb".equals(r.path("eventSource").asText())));
        } finally {
            long started = System.nanoTime();
            pollers.close();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 5_000, "close took " + millis + " ms");
        }
    }
}
