package vn.smartprovince.local.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the SQS and stream pollers share: their log fields and an interruptible wait. */
final class PollerSupport {
    private PollerSupport() {
    }

    /** The fields every log line of a poller carries: function, event source and what it reads. */
    static Map<String, Object> fields(String functionId, String eventName, String resourceKind, String resourceArn) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("function", functionId);
        map.put("source", eventName);
        map.put(resourceKind, resourceArn);
        return map;
    }

    static Map<String, Object> with(Map<String, Object> map, Object... keyValues) {
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i].toString(), keyValues[i + 1]);
        }
        return map;
    }

    /** Waits up to {@code millis}, returning early when the poller is stopped. */
    static void pause(CountDownLatch stop, long millis) {
        try {
            stop.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
