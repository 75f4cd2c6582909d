package vn.smartprovince.ops.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.smartprovince.local.demo.DemoData;
import vn.smartprovince.local.emulator.BootstrappedStack;
import vn.smartprovince.local.lambda.FunctionClassLoader;
import vn.smartprovince.local.lambda.LocalFunction;
import vn.smartprovince.local.lambda.LocalFunctions;
import vn.smartprovince.local.template.FunctionSpec;
import vn.smartprovince.onestopfake.OneStopFakeClient;
import vn.smartprovince.testkit.AwsEmulatorExtension;
import vn.smartprovince.zalostub.ZaloStubClient;

/**
 * Issue 15: SnapStart priming touches no data. Every function of the template is constructed from
 * its deployment zip in a class loader of its own, with the environment the template gives it (as
 * the local runtime and Lambda do), against the local stack with the demo province, users, a message
 * in every queue and an object in every bucket. Then each runs {@code Priming.primeAll()}, exactly
 * what SnapStart's {@code beforeCheckpoint} runs. Between them and the emulator a proxy records
 * every request that reaches it.
 *
 * <p>Proven: every function registered primers (the test cannot pass by priming nothing); every
 * request that reached the emulator while priming was a read, and each client's first call did reach
 * it (the clients were primed); afterwards the emulator holds exactly what it held before (every item,
 * every queue's counts, visible, in flight and delayed, every object, every secret version); the
 * Zalo stub and the one-stop fake received no call.
 *
 * <p>Needs the function zips: {@code mvn -B -ntp -o -DskipTests package} first.
 */
class SnapStartPrimingIT {
    static final String PRIMING = "vn.smartprovince.shared.priming.Priming";
    /** What may reach AWS while priming: reads, named here independently of the functions' own guard. */
    static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "TransactGetItems", "Query", "Scan",
            "DescribeTable", "GetQueueUrl", "GetQueueAttributes", "GetSecretValue", "DescribeSecret",
            "S3 GET", "S3 HEAD");

    /** The primer AwsClients registers for each client it builds, and the read it makes. */
    static final Map<String, String> FIRST_CALLS = Map.of("DynamoDB client", "GetItem", "SQS client",
            "GetQueueAttributes", "S3 client", "S3 HEAD");

    @RegisterExtension
    static AwsEmulatorExtension aws = new AwsEmulatorExtension();

    /** What one function's priming did. */
    record Primed(String function, List<String> primers, long millis, List<RecordingProxy.Call> calls) {
        String row() {
            Map<String, Long> counts = calls.stream().collect(Collectors.groupingBy(RecordingProxy.Call::operation,
                    java.util.TreeMap::new, Collectors.counting()));
            return String.format(Locale.ROOT, "%-40s %3d primers %6d ms  %s", function, primers.size(), millis, counts);
        }
    }

    @Test
    void everyFunctionPrimesWithoutWritingSendingOrCallingOut() throws Exception {
        BootstrappedStack stack = aws.stack();
        seed(stack);
        EmulatorState before = state();
        List<ZaloStubClient.Call> zaloBefore = aws.zaloStub().calls();
        Map<String, Long> oneStopBefore = aws.oneStopFake().counters();
        List<OneStopFakeClient.Copy> copiesBefore = aws.oneStopFake().dossiers();

        List<Primed> primed = new ArrayList<>();
        Set<String> template = new TreeSet<>();
        FunctionSpec.all(stack.template(), stack.intrinsics()).forEach(spec -> template.add(spec.logicalId()));
        try (RecordingProxy proxy = new RecordingProxy(aws.endpoint());
             LocalFunctions functions = new LocalFunctions(stack.template(), stack.intrinsics(), proxy.uri(),
                     stack.stackName(), Map.of())) {
            assertTrue(functions.missingCode().isEmpty(), "package the functions first: " + functions.missingCode());
            assertEquals(template, new TreeSet<>(functions.functionIds()), "every function of the template is run");
            for (String id : functions.functionIds()) {
                primed.add(prime(functions.function(id).orElseThrow(), proxy));
            }
        }

        EmulatorState after = state();
        System.out.println("SnapStart priming, " + primed.size() + " functions (function, primers, time, requests"
                + " that reached the emulator):");
        primed.forEach(p -> System.out.println("  " + p.row()));

        List<String> unprimed = primed.stream().filter(p -> p.primers().isEmpty()).map(Primed::function).toList();
        assertEquals(List.of(), unprimed, "functions that registered no primer");
        List<String> writes = primed.stream().flatMap(p -> p.calls().stream()
                .filter(call -> !READS.contains(call.operation())).map(call -> p.function() + ": " + call)).toList();
        assertEquals(List.of(), writes, "requests other than reads reached the emulator while priming");
        // Each client a function built made its first call (AwsClients registers it as "DynamoDB client"...).
        List<String> unprimedClients = new ArrayList<>();
        for (Primed p : primed) {
            FIRST_CALLS.forEach((client, operation) -> {
                if (p.primers().contains(client) && p.calls().stream().noneMatch(c -> c.operation().equals(operation))) {
                    unprimedClients.add(p.function() + ": " + client);
                }
            });
        }
        assertEquals(List.of(), unprimedClients, "clients whose first call did not reach the emulator");
        assertTrue(primed.stream().filter(p -> p.primers().contains("DynamoDB client")).count() > 100,
                "nearly every function reads the main table");

        assertEquals(before.tables(), after.tables(), "DynamoDB items changed");
        assertEquals(before.queues(), after.queues(), "a queue changed (messages sent, received or deleted)");
        assertEquals(before.buckets(), after.buckets(), "S3 objects changed");
        assertEquals(before.secrets(), after.secrets(), "a secret changed");
        assertEquals(zaloBefore, aws.zaloStub().calls(), "Zalo was called");
        assertEquals(oneStopBefore, aws.oneStopFake().counters(), "the one-stop system was called");
        assertEquals(copiesBefore, aws.oneStopFake().dossiers(), "the one-stop system was called");
        assertTrue(before.items() > 0 && !before.queues().isEmpty() && !before.buckets().isEmpty(),
                "the comparison covers data: " + before.items() + " items");
    }

    /** Constructs the function's handler in a class loader of its own, then primes it there. */
    @SuppressWarnings("unchecked")
    private static Primed prime(LocalFunction function, RecordingProxy proxy) throws Exception {
        String handler = function.settings().handler();
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (FunctionClassLoader loader = function.newClassLoader()) {
            thread.setContextClassLoader(loader);
            var constructor = Class.forName(className, true, loader).getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            Class<?> priming = loader.loadClass(PRIMING);
            List<String> primers = (List<String>) priming.getMethod("registered").invoke(null);
            proxy.clear();
            long started = System.nanoTime();
            try {
                priming.getMethod("primeAll").invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError(function.settings().logicalId() + ": primeAll threw", e.getCause());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            List<RecordingProxy.Call> calls = proxy.calls();
            Reference.reachabilityFence(instance);
            return new Primed(function.settings().logicalId(), primers, millis, calls);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The demo province and users, a message in every queue, an object in every bucket. */
    private static void seed(BootstrappedStack stack) {
        Path root = AwsEmulatorExtension.repoRoot();
        DemoData.load(aws.dynamoDb(), stack.tableName("MainTable"), root.resolve(DemoData.PROVINCE_FILE),
                root.resolve(DemoData.USERS_FILE));
        for (String url : aws.sqs().listQueues().queueUrls()) {
            aws.sqs().sendMessage(b -> {
                b.queueUrl(url).messageBody("{\"seeded\":true}");
                if (url.endsWith(".fifo")) {
                    b.messageGroupId("seeded").messageDeduplicationId("seeded");
                }
            });
        }
        for (var bucket : aws.s3().listBuckets().buckets()) {
            aws.s3().putObject(b -> b.bucket(bucket.name()).key("seeded/object.txt"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("seeded"));
        }
    }

    private static EmulatorState state() {
        return EmulatorState.read(aws.dynamoDb(), aws.sqs(), aws.s3(), aws.secretsManager());
    }
}
