package vn.smartprovince.local.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.emulator.Emulator;
import vn.smartprovince.local.lambda.FunctionInvoker;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.shared.log.JsonLog;

/**
 * Every SQS and DynamoDB Streams event source of the given functions, started together and
 * stopped together, with one SQS and one Streams client for all of them. A convenience for the
 * launcher; the pollers can also be made one by one.
 */
public final class EventSourcePollers implements AutoCloseable {
    private final SqsClient sqs;
    private final DynamoDbStreamsClient streams;
    private final List<SqsEventSourcePoller> sqsPollers = new ArrayList<>();
    private final List<StreamEventSourcePoller> streamPollers = new ArrayList<>();

    private EventSourcePollers(Emulator emulator) {
        this.sqs = emulator.sqs();
        this.streams = emulator.dynamoDbStreams();
    }

    /**
     * @param functions e.g. {@code FunctionSpec.all(template, stack.intrinsics())} (functions whose
     *                  Condition is false already left out)
     */
    public static EventSourcePollers start(List<FunctionSpec> functions, BootstrappedStack stack, Emulator emulator,
                                           FunctionInvoker invoker) {
        EventSourcePollers pollers = new EventSourcePollers(emulator);
        try {
            for (FunctionSpec function : functions) {
                for (FunctionSpec.SqsEventSource source : function.sqsSources()) {
                    SqsEventSourcePoller poller = SqsEventSourcePoller.of(source, stack, pollers.sqs, invoker);
                    pollers.sqsPollers.add(poller);
                    poller.start();
                }
                for (FunctionSpec.StreamEventSource source : function.streamSources()) {
                    StreamEventSourcePoller poller = StreamEventSourcePoller.of(source, stack, pollers.streams, invoker);
                    pollers.streamPollers.add(poller);
                    poller.start();
                }
            }
        } catch (RuntimeException e) {
            pollers.close();
            throw e;
        }
        JsonLog.info("event sources started", Map.of("sqs", pollers.sqsPollers.size(),
                "dynamodbStreams", pollers.streamPollers.size()));
        return pollers;
    }

    public List<SqsEventSourcePoller> sqsPollers() {
        return List.copyOf(sqsPollers);
    }

    public List<StreamEventSourcePoller> streamPollers() {
        return List.copyOf(streamPollers);
    }

    /** Stops every poller; each waits (bounded) for the batch it is handing to its function. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        sqsPollers.forEach(p -> closing.add(new Thread(p::close)));
        streamPollers.forEach(p -> closing.add(new Thread(p::close)));
        closing.forEach(Thread::start);
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The SQS client stays open: a long poll still running when close() returned uses it to hand
        // back what it receives (it holds no resources beyond what garbage collection frees).
        streams.close();
    }
}
