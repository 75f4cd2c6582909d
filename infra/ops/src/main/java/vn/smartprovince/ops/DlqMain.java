package vn.smartprovince.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import vn.smartprovince.ops.DeadLetterQueues.DeadLetterQueue;
import vn.smartprovince.ops.DeadLetterQueues.Depth;
import vn.smartprovince.ops.DeadLetterQueues.Peeked;
import vn.smartprovince.ops.DeadLetterQueues.Queue;
import vn.smartprovince.ops.DeadLetterQueues.Redriven;

/**
 * {@code infra/bin/dlq}: look at the stack's dead-letter queues and move their messages back after a
 * fix, on AWS (default credentials and region) or locally ({@code --endpoint http://127.0.0.1:4566}).
 * Prints ids, counts, times and what a message is; never bodies or personal data.
 */
public final class DlqMain {
    static final String USAGE = """
            usage: infra/bin/dlq [--endpoint URL] [--region REGION] [--stack NAME] COMMAND [QUEUE] [options]

              list                          the stack's dead-letter queues: messages waiting, source queue
              count QUEUE                   messages waiting (visible) and being looked at (in flight)
              peek QUEUE [--max N]          up to N messages (default 10, at most 100) without removing them:
                                            id, receive count, first receive (the first, failed, attempt), when
                                            it was sent, and what it is (notification job: type, job id,
                                            deduplication key; Zalo event: name, message id, time)
              redrive QUEUE [--max N] [--to QUEUE]
                                            moves messages back to the source queue (the one whose redrive
                                            policy names QUEUE, or --to), at most N (default: all)

            QUEUE   a logical id of template.yaml (NotificationDeadLetterQueue, ZaloEventDeadLetterQueue)
                    looked up in --stack, a queue name, or a queue URL
            --stack the stack's name (default smartprovince-local with --endpoint; needed with logical ids on AWS)
            --endpoint an emulator (moto, LocalStack); without it: AWS with the default credentials and region
            --region   default: AWS_REGION, the profile's region, else ap-southeast-1

            Fix the cause first (the function's logs say why the messages failed), then redrive: a message
            that fails 5 more times comes back here. Peeking counts as a receive (receive count + 1).""";

    static final String LOCAL_STACK = "smartprovince-local";
    static final Duration PEEK_HOLD = Duration.ofSeconds(30);
    static final Duration REDRIVE_HOLD = Duration.ofSeconds(60);

    private DlqMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** @return the exit code: 0 done, 1 AWS failed, 2 wrong usage */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        String endpoint = null;
        String region = null;
        String stack = null;
        String to = null;
        int max = -1;
        List<String> positional = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--endpoint" -> endpoint = CommandLine.value(args, ++i, "--endpoint");
                    case "--region" -> region = CommandLine.value(args, ++i, "--region");
                    case "--stack" -> stack = CommandLine.value(args, ++i, "--stack");
                    case "--to" -> to = CommandLine.value(args, ++i, "--to");
                    case "--max" -> {
                        max = Integer.parseInt(CommandLine.value(args, ++i, "--max"));
                        if (max < 1) {
                            throw new IllegalArgumentException("--max must be at least 1");
                        }
                    }
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
            if (positional.isEmpty()) {
                throw new IllegalArgumentException("a command is required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        if (stack == null && endpoint != null) {
            stack = LOCAL_STACK;
        }
        String command = positional.get(0);
        try (SqsClient sqs = client(endpoint, region, environment)) {
            DeadLetterQueues dlqs = new DeadLetterQueues(sqs);
            switch (command) {
                case "list" -> {
                    if (stack == null) {
                        throw new IllegalArgumentException("list needs --stack");
                    }
                    List<DeadLetterQueue> found = dlqs.deadLetterQueues(stack);
                    if (found.isEmpty()) {
                        out.println("no dead-letter queues in stack " + stack);
                    }
                    for (DeadLetterQueue dlq : found) {
                        out.println(dlq.queue().name() + "  " + depth(dlq.depth()) + "  <- "
                                + String.join(", ", dlq.sources().stream().map(Queue::name).toList()));
                    }
                }
                case "count" -> {
                    Queue queue = dlqs.resolve(queueArg(positional), stack);
                    out.println(queue.name() + "  " + depth(dlqs.depth(queue)));
                }
                case "peek" -> {
                    Queue queue = dlqs.resolve(queueArg(positional), stack);
                    int n = max < 0 ? 10 : Math.min(max, 100);
                    Depth depth = dlqs.depth(queue);
                    List<Peeked> messages = dlqs.peek(queue, n, PEEK_HOLD);
                    out.println(queue.name() + "  " + depth(depth) + "; showing " + messages.size());
                    if (!messages.isEmpty()) {
                        out.println(String.format("  %-36s  %8s  %-24s  %-24s  %s", "messageId", "receives",
                                "first received (UTC)", "sent (UTC)", "what"));
                    }
                    for (Peeked m : messages) {
                        out.println(String.format("  %-36s  %8d  %-24s  %-24s  %s", MessageSummary.safe(m.messageId()),
                                m.receiveCount(), time(m.firstReceivedAt()), time(m.sentAt()), m.summary()));
                    }
                }
                case "redrive" -> {
                    Queue dlq = dlqs.resolve(queueArg(positional), stack);
                    Queue target = to != null ? dlqs.resolve(to, stack) : dlqs.source(dlq).orElseThrow(() ->
                            new IllegalArgumentException("no queue's redrive policy names " + dlq.name()
                                    + ": say where to with --to QUEUE"));
                    if (target.url().equals(dlq.url())) {
                        throw new IllegalArgumentException("the target is the dead-letter queue itself");
                    }
                    Redriven result = dlqs.redrive(dlq, target, max < 0 ? Integer.MAX_VALUE : max, REDRIVE_HOLD);
                    out.println("moved " + result.moved() + " from " + dlq.name() + " to " + target.name()
                            + (result.failed() > 0 ? "; " + result.failed() + " refused by the target, still in "
                            + dlq.name() : "") + "; left: " + depth(dlqs.depth(dlq)));
                    if (result.failed() > 0) {
                        return 1;
                    }
                }
                default -> throw new IllegalArgumentException("unknown command " + command);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (SdkException e) {
            err.println("AWS refused or could not be reached: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    static SqsClient client(String endpoint, String region, Map<String, String> environment) {
        return new AwsAccess(endpoint, region, environment).build(SqsClient.builder());
    }

    private static String queueArg(List<String> positional) {
        if (positional.size() < 2) {
            throw new IllegalArgumentException(positional.get(0) + " needs a QUEUE");
        }
        return positional.get(1);
    }

    static String depth(Depth depth) {
        return depth.visible() + " waiting, " + depth.inFlight() + " in flight";
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
