package vn.smartprovince.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Waits until the one-stop synchronisation of a {@link LocalApiExtension} has nothing left to do:
 * the outbound and inbound queues hold no message (visible, in flight or delayed) and the fake has
 * no desk update pending, on {@value #STABLE_CHECKS} checks in a row {@value #CHECK_MILLIS} ms apart
 * (a change just written may still be on the table's stream, which is read four times a second).
 * Dead-letter queues are not waited for: what is there is a finding, for the test to look at.
 *
 * <pre>{@code
 * OneStopSync.awaitQuiet(api, Duration.ofSeconds(60));
 * }</pre>
 */
public final class OneStopSync {
    public static final List<String> QUEUES = List.of("OneStopOutboundQueue", "OneStopInboundQueue");
    static final int STABLE_CHECKS = 4;
    static final long CHECK_MILLIS = 400;

    private OneStopSync() {
    }

    /** What is still moving: messages per queue and the fake's pending pushes. */
    public static Map<String, Integer> inFlight(LocalApiExtension api) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String queue : QUEUES) {
            if (!api.aws().stack().exists(queue)) {
                continue;
            }
            Map<QueueAttributeName, String> attributes = api.aws().sqs().getQueueAttributes(b -> b
                    .queueUrl(api.aws().queueUrl(queue)).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            counts.put(queue, attributes.values().stream().mapToInt(Integer::parseInt).sum());
        }
        counts.put("pendingPushes", api.oneStopFake().status().path("pendingPushes").asInt());
        return counts;
    }

    /**
     * Returns once nothing is in flight (see the class); fails naming what still was at the deadline.
     */
    public static void awaitQuiet(LocalApiExtension api, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        int stable = 0;
        while (true) {
            Map<String, Integer> last = inFlight(api);
            boolean quiet = last.values().stream().allMatch(n -> n == 0);
            stable = quiet ? stable + 1 : 0;
            if (stable >= STABLE_CHECKS) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the one-stop sync was not quiet after " + timeout + ": " + last);
            }
            Thread.sleep(CHECK_MILLIS);
        }
    }
}
