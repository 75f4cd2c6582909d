package vn.smartprovince.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.testcontainers.DockerClientFactory;

/** Without Docker, LocalStack mode skips the tests (aborted with a reason), it never fails them. */
class LocalStackModeTest {

    /** Run only through the engine below (Surefire leaves nested classes alone). */
    static class LocalStackFixture {
        @RegisterExtension
        static AwsEmulatorExtension aws = AwsEmulatorExtension.builder()
                .template(MotoModeTest.fixture("kit-stack.yaml"))
                .parameter("Greeting", "hello")
                .emulator(EmulatorMode.LOCALSTACK)
                .build();

        @Test
        void usesTheEmulator() {
            aws.dynamoDb().listTables();
        }
    }

    /** The same, with the mode chosen the usual way: the {@code emulator} system property. */
    static class PropertySelectedFixture {
        @RegisterExtension
        static AwsEmulatorExtension aws = AwsEmulatorExtension.withoutTemplate();

        @Test
        void usesTheEmulator() {
            aws.sqs().listQueues();
        }
    }

    @Test
    void skippedWithoutDocker() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");
        assertSkipped(EngineTestKit.engine("junit-jupiter").selectors(selectClass(LocalStackFixture.class)).execute());
    }

    @Test
    void skippedWithoutDockerWhenChosenByProperty() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is available here");
        String before = System.getProperty("emulator");
        System.setProperty("emulator", "localstack");
        try {
            assertSkipped(EngineTestKit.engine("junit-jupiter").selectors(selectClass(PropertySelectedFixture.class))
                    .execute());
        } finally {
            if (before == null) {
                System.clearProperty("emulator");
            } else {
                System.setProperty("emulator", before);
            }
        }
    }

    private static void assertSkipped(EngineExecutionResults results) {
        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(0).failed(0));
        List<Event> aborted = results.containerEvents().aborted().list();
        assertEquals(1, aborted.size(), "the fixture class is aborted (skipped)");
        String reason = aborted.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
        assertTrue(reason.contains("Docker"), reason);
    }
}
