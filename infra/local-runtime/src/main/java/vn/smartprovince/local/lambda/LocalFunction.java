package vn.smartprovince.local.lambda;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.smartprovince.local.lambda.FunctionInvoker.FunctionError;
import vn.smartprovince.local.lambda.FunctionInvoker.FunctionError.Kind;

/**
 * One function of the template, run in this JVM the way Lambda runs it.
 *
 * <p>An instance handles one invocation at a time, as a Lambda execution environment does: a
 * request that finds every instance busy starts a new one (a cold start: load the handler
 * class, construct it, measured as initDurationMs). Idle instances are reused. An instance
 * that timed out or threw an {@link Error} is thrown away, so the next request is cold again.
 *
 * <p>Unlike Lambda, the instances of one function share its class loader, so they share
 * static fields (caches, clients held in statics, counters). Functions never share anything:
 * each has its own {@link FunctionClassLoader}.
 *
 * <p>Each instance runs on its own thread, so the caller can stop waiting at the Timeout
 * ({@code Task timed out after N.00 seconds}). Java cannot kill that thread: it is
 * interrupted and abandoned, as Lambda abandons the sandbox.
 *
 * <p>When the code artifact (zip or jar) is rebuilt, the next request starts a new code
 * version with a new class loader; instances still running finish on the old one.
 */
public final class LocalFunction implements AutoCloseable {
    /** Lambda's limit for the init phase of on-demand functions. */
    static final long INIT_LIMIT_SECONDS = 10;
    /** Lambda's limit for a synchronous invocation's response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    /** What the template says about the function, resolved. */
    public record Settings(String logicalId, String functionName, String functionArn, String handler,
                           String runtime, int timeoutSeconds, int memoryMb, String logGroupName,
                           Map<String, String> environment) {
        public Settings {
            environment = Map.copyOf(environment);
        }
    }

    /** One invocation: the result (or the error), and what the log line reports about it. */
    public record Result(byte[] payload, FunctionError error, String requestId, boolean coldStart,
                         long initDurationMs, long durationMs) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Instance counts for tools and tests. */
    public record Stats(int idleInstances, int busyInstances, long coldStarts, long invocations) {
    }

    private final Settings settings;
    private final FunctionCode code;
    private final AtomicLong coldStarts = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicInteger instanceNumbers = new AtomicInteger();
    private Generation current; // guarded by this
    private boolean closed; // guarded by this

    public LocalFunction(Settings settings, FunctionCode code) {
        this.settings = settings;
        this.code = code;
    }

    public Settings settings() {
        return settings;
    }

    public FunctionCode code() {
        return code;
    }

    /** Invokes the function with one event; never throws for the function's own failures. */
    public Result invoke(byte[] event, String requestId) {
        invocations.incrementAndGet();
        Instance instance;
        try {
            instance = acquire();
        } catch (IOException | RuntimeException e) {
            String message = e instanceof java.nio.file.NoSuchFileException ? e.getMessage()
                    : "cannot load the code of " + settings.logicalId() + " from " + code + ": " + e;
            return new Result(null, new FunctionError(Kind.INIT_FAILED, "Local.CodeNotLoaded", message, e),
                    requestId, false, 0, 0);
        }
        boolean keep = false;
        boolean cold = instance.handler == null;
        long initMs = 0;
        long started = System.nanoTime();
        try {
            if (cold) {
                coldStarts.incrementAndGet();
                long initStart = System.nanoTime();
                FunctionError initError = initialise(instance);
                initMs = (System.nanoTime() - initStart) / 1_000_000;
                if (initError != null) {
                    return new Result(null, initError, requestId, true, initMs, 0);
                }
            }
            started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(settings.timeoutSeconds());
            LocalContext context = new LocalContext(requestId, settings.functionName(), settings.functionArn(),
                    settings.memoryMb(), deadline, settings.logGroupName(), instance.logStream);
            HandlerAdapter.Invocable handler = instance.handler;
            ClassLoader loader = instance.generation.loader;
            Future<byte[]> call = instance.worker.submit(() -> {
                Thread.currentThread().setContextClassLoader(loader);
                try {
                    return handler.invoke(event, context);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new java.lang.reflect.UndeclaredThrowableException(t);
                }
            });
            byte[] payload;
            try {
                payload = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                call.cancel(true);
                String message = String.format(Locale.ROOT, "Task timed out after %d.00 seconds",
                        settings.timeoutSeconds());
                return new Result(null, new FunctionError(Kind.TIMEOUT, "Sandbox.Timedout", message, null),
                        requestId, cold, initMs, elapsedMs(started));
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                // An exception leaves the JVM as it was and Lambda's Java runtime keeps the
                // instance; an Error (out of memory, stack overflow) ends the sandbox.
                keep = !(cause instanceof Error);
                return new Result(null, new FunctionError(Kind.UNHANDLED, cause.getClass().getName(),
                        cause.getMessage(), cause), requestId, cold, initMs, elapsedMs(started));
            }
            keep = true;
            if (payload.length > MAX_RESPONSE_BYTES) {
                return new Result(null, new FunctionError(Kind.UNHANDLED, "Function.ResponseSizeTooLarge",
                        "Response payload size (" + payload.length + " bytes) exceeded maximum allowed payload size ("
                                + MAX_RESPONSE_BYTES + " bytes).", null), requestId, cold, initMs, elapsedMs(started));
            }
            return new Result(payload, null, requestId, cold, initMs, elapsedMs(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, new FunctionError(Kind.UNHANDLED, "Local.Interrupted",
                    "the local runtime was stopped during the invocation", e), requestId, cold, initMs,
                    elapsedMs(started));
        } finally {
            release(instance, keep);
        }
    }

    private FunctionError initialise(Instance instance) throws InterruptedException {
        ClassLoader loader = instance.generation.loader;
        Future<HandlerAdapter.Invocable> init = instance.worker.submit(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try {
                return HandlerAdapter.load(settings.handler(), loader);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new java.lang.reflect.UndeclaredThrowableException(t);
            }
        });
        try {
            instance.handler = init.get(INIT_LIMIT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            init.cancel(true);
            return new FunctionError(Kind.INIT_FAILED, "Sandbox.Timedout",
                    "Init phase timed out after " + INIT_LIMIT_SECONDS + ".00 seconds", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new FunctionError(Kind.INIT_FAILED, cause.getClass().getName(), cause.getMessage(), cause);
        }
    }

    private synchronized Instance acquire() throws IOException {
        if (closed) {
            throw new IllegalStateException(settings.logicalId() + " is closed");
        }
        String stamp = code.currentStamp();
        // While the artifact is missing (mvn clean package in progress) the loaded version keeps serving.
        boolean rebuilt = current != null && !stamp.equals("missing") && !stamp.equals(current.prepared.stamp());
        if (current == null || rebuilt) {
            FunctionCode.Prepared prepared = code.prepare();
            if (current != null) {
                retire(current);
            }
            current = new Generation(prepared);
        }
        Instance instance = current.idle.pollFirst();
        if (instance == null) {
            instance = new Instance(current, instanceNumbers.incrementAndGet());
        }
        current.busy++;
        return instance;
    }

    private synchronized void release(Instance instance, boolean keep) {
        Generation generation = instance.generation;
        generation.busy--;
        if (keep && !generation.retired && !closed) {
            generation.idle.addFirst(instance);
        } else {
            instance.stop();
        }
        if (generation.retired && generation.busy == 0) {
            generation.closeLoader();
        }
    }

    private void retire(Generation generation) {
        generation.retired = true;
        generation.idle.forEach(Instance::stop);
        generation.idle.clear();
        if (generation.busy == 0) {
            generation.closeLoader();
        }
    }

    /**
     * A class loader of its own for this function's current code, with its environment, as each
     * code version gets: for tools that construct and drive the handler themselves (the SnapStart
     * priming test). The caller closes it.
     */
    public FunctionClassLoader newClassLoader() throws IOException {
        return classLoader(code.prepare());
    }

    private FunctionClassLoader classLoader(FunctionCode.Prepared prepared) {
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.put("LAMBDA_TASK_ROOT", prepared.taskRoot().toString());
        return new FunctionClassLoader(settings.logicalId(), prepared.classPath(), environment);
    }

    public synchronized Stats stats() {
        int idle = current == null ? 0 : current.idle.size();
        int busy = current == null ? 0 : current.busy;
        return new Stats(idle, busy, coldStarts.get(), invocations.get());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            retire(current);
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** One loaded version of the code: its class loader and the instances created from it. */
    private final class Generation {
        final FunctionCode.Prepared prepared;
        final FunctionClassLoader loader;
        final Deque<Instance> idle = new ArrayDeque<>();
        int busy;
        boolean retired;

        Generation(FunctionCode.Prepared prepared) {
            this.prepared = prepared;
            this.loader = classLoader(prepared);
        }

        void closeLoader() {
            try {
                loader.close();
            } catch (IOException ignored) {
                // Only open jar handles are at stake; the next version has its own loader.
            }
        }
    }

    /** One execution environment: its thread, its log stream and (once initialised) its handler. */
    private final class Instance {
        final Generation generation;
        final ExecutorService worker;
        final String logStream;
        volatile HandlerAdapter.Invocable handler;

        Instance(Generation generation, int number) {
            this.generation = generation;
            this.logStream = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                    + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
            this.worker = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "lambda-" + settings.logicalId() + "-" + number);
                thread.setDaemon(true);
                thread.setContextClassLoader(generation.loader);
                return thread;
            });
        }

        void stop() {
            worker.shutdownNow();
        }
    }
}
