package vn.smartprovince.benchmark;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Runs in a fresh JVM whose class path is the function's deployment package (plus this class),
 * like a Lambda sandbox: loads and constructs the handler named in template.yaml (the cold
 * start's init), feeds it one event and prints {@code RESPONSE <json>} on one line. The parent
 * times process start to that line. Then it prints {@code TIMES main=… init=… invoked=…}
 * ({@link System#nanoTime()} at main, after the constructor, after the call) and waits for the
 * parent to close stdin, so the parent can read its CPU time and peak memory before it exits.
 * A failure prints {@code ERROR <exception>} (stack trace on stderr) and exits with 1.
 *
 * <p>Arguments: {@code <handler> <event file> <timeout seconds> [<warm calls>]}. With warm calls
 * (primed mode), the package's SnapStart hooks run after construction ({@code primed=} in TIMES),
 * then the first request is timed, then that many more ({@code warm=} their durations in ns). A {@link RequestStreamHandler}
 * gets the raw bytes. Anything else ({@link RequestHandler}, a named method) goes through
 * {@link Pojo}, which needs aws-lambda-java-serialization on the class path, as Lambda's runtime
 * has it; the parent adds that jar for such handlers only.
 *
 * <p>An {@code idempotency-key} header in the event gets a fresh random value in every run, so
 * each run measures a first request (a creation) rather than the replay of the first run's.
 *
 * <p>Everything the child needs is in classes named {@code InvokeOnce*}: the parent copies just
 * those into the child's class path.
 */
public final class InvokeOnce {
    private InvokeOnce() {
    }

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY =
            java.util.regex.Pattern.compile("(\"idempotency-key\"\\s*:\\s*\")[^\"]*(\")", java.util.regex.Pattern.CASE_INSENSITIVE);

    static byte[] freshIdempotencyKey(byte[] event) {
        String text = new String(event, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = IDEMPOTENCY_KEY.matcher(text);
        if (!matcher.find()) {
            return event;
        }
        return matcher.replaceFirst("$1" + java.util.UUID.randomUUID() + "$2").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One call of the handler: an event's bytes in, the response's bytes out. */
    interface Invocation {
        byte[] call(byte[] event) throws Throwable;
    }

    /** The class SnapStart's checkpoint hook lives in (functions/shared); absent from other packages. */
    static final String PRIMING_CLASS = "vn.smartprovince.shared.priming.Priming";

    public static void main(String[] args) throws Exception {
        long mainEntered = System.nanoTime();
        long initialized;
        long primed = -1;
        long firstCalled;
        long[] warm = new long[0];
        boolean hook = false;
        byte[] response;
        try {
            String handler = args[0];
            byte[] template = Files.readAllBytes(Path.of(args[1]));
            int timeoutSeconds = Integer.parseInt(args[2]);
            // Primed mode: what a restored SnapStart snapshot pays. The checkpoint hook runs right
            // after construction, then the first real request is timed, then warmCalls more.
            int warmCalls = args.length > 3 ? Integer.parseInt(args[3]) : -1;
            String className = handler;
            String methodName = null;
            int separator = handler.indexOf("::");
            if (separator >= 0) {
                className = handler.substring(0, separator);
                methodName = handler.substring(separator + 2);
            }
            Class<?> type = Class.forName(className);
            boolean stream = RequestStreamHandler.class.isAssignableFrom(type)
                    && (methodName == null || methodName.equals("handleRequest"));
            Context context = new OneShotContext(System.currentTimeMillis() + timeoutSeconds * 1000L);
            Invocation invocation;
            if (stream) {
                RequestStreamHandler streamHandler = (RequestStreamHandler) construct(type);
                invocation = event -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    streamHandler.handleRequest(new ByteArrayInputStream(event), out, context);
                    return out.toByteArray();
                };
            } else {
                Pojo pojo = Pojo.bind(type, methodName);
                invocation = event -> pojo.invoke(event, context);
            }
            initialized = System.nanoTime();
            if (warmCalls >= 0) {
                hook = primeAll();
                primed = System.nanoTime();
            }
            response = invocation.call(freshIdempotencyKey(template));
            firstCalled = System.nanoTime();
            if (warmCalls > 0) {
                warm = new long[warmCalls];
                for (int i = 0; i < warmCalls; i++) {
                    byte[] event = freshIdempotencyKey(template);
                    long started = System.nanoTime();
                    invocation.call(event);
                    warm[i] = System.nanoTime() - started;
                }
            }
        } catch (Throwable e) {
            Throwable cause = e instanceof InvocationTargetException || e instanceof ExceptionInInitializerError
                    ? e.getCause() : e;
            System.out.println("ERROR " + cause);
            System.out.flush();
            cause.printStackTrace();
            System.exit(1);
            return;
        }
        String json = new String(response, StandardCharsets.UTF_8).replace('\r', ' ').replace('\n', ' ');
        System.out.println("RESPONSE " + json);
        System.out.flush();
        StringBuilder times = new StringBuilder("TIMES main=" + mainEntered + " init=" + initialized);
        if (primed >= 0) {
            times.append(" primed=").append(primed).append(" hook=").append(hook ? 1 : 0);
        }
        times.append(" invoked=").append(firstCalled);
        if (warm.length > 0) {
            times.append(" warm=");
            for (int i = 0; i < warm.length; i++) {
                times.append(i == 0 ? "" : ",").append(warm[i]);
            }
        }
        System.out.println(times);
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the parent closes stdin
        }
        // The function may have left non-daemon threads; a Lambda sandbox is frozen, not exited.
        System.exit(0);
    }

    /**
     * Runs the package's SnapStart hooks now, as Lambda does before it takes the snapshot; false
     * when the package has none (the yardstick).
     */
    static boolean primeAll() throws Throwable {
        Class<?> priming;
        try {
            priming = Class.forName(PRIMING_CLASS);
        } catch (ClassNotFoundException e) {
            return false;
        }
        try {
            priming.getMethod("primeAll").invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return true;
    }

    static Object construct(Class<?> type) throws Throwable {
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A handler that is not a stream handler, bound the way Lambda's Java runtime binds it (and as
     * the local runtime's HandlerAdapter does): the public method of that name that is not a
     * bridge, preferring a concrete input type, then more parameters; its input read and its
     * output written with Lambda's serializers ({@code LambdaEventSerializers} for
     * {@code com.amazonaws.services.lambda.runtime.events.*}, a {@link CustomPojoSerializer} if the
     * package has one, else Lambda's Jackson setup).
     */
    static final class Pojo {
        private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

        private final Object target;
        private final Method method;
        private final CustomPojoSerializer custom;

        private Pojo(Object target, Method method, CustomPojoSerializer custom) {
            this.target = target;
            this.method = method;
            this.custom = custom;
        }

        static Pojo bind(Class<?> type, String methodName) throws Throwable {
            if (methodName == null && !RequestHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " implements neither RequestHandler nor "
                        + "RequestStreamHandler; name the method as " + type.getName() + "::method");
            }
            String name = methodName == null ? "handleRequest" : methodName;
            List<Method> candidates = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (m.getName().equals(name) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() <= 3) {
                    candidates.add(m);
                }
            }
            if (candidates.isEmpty()) {
                throw new NoSuchMethodException("no public method " + name + " in " + type.getName());
            }
            candidates.sort(Comparator
                    .comparing((Method m) -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == Object.class)
                    .thenComparing(m -> -m.getParameterCount()));
            Method method = candidates.get(0);
            method.setAccessible(true);
            Object target = Modifier.isStatic(method.getModifiers()) ? null : construct(type);
            CustomPojoSerializer custom = ServiceLoader.load(CustomPojoSerializer.class).findFirst().orElse(null);
            return new Pojo(target, method, custom);
        }

        byte[] invoke(byte[] event, Context context) throws Throwable {
            Class<?>[] parameters = method.getParameterTypes();
            Object[] args;
            if (parameters.length >= 2 && parameters[0] == InputStream.class && parameters[1] == OutputStream.class) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                args = parameters.length == 3
                        ? new Object[] {new ByteArrayInputStream(event), out, context}
                        : new Object[] {new ByteArrayInputStream(event), out};
                call(args);
                return out.toByteArray();
            }
            if (parameters.length == 0) {
                args = new Object[0];
            } else if (parameters.length == 1 && Context.class.isAssignableFrom(parameters[0])) {
                args = new Object[] {context};
            } else if (parameters.length <= 2) {
                Object input = serializer(concrete(method.getGenericParameterTypes()[0], parameters[0]))
                        .fromJson(new ByteArrayInputStream(event));
                args = parameters.length == 2 ? new Object[] {input, context} : new Object[] {input};
            } else {
                throw new IllegalArgumentException("handler method " + method + " must take (input), (input, Context),"
                        + " (InputStream, OutputStream[, Context]) or nothing");
            }
            Object result = call(args);
            if (method.getReturnType() == void.class || result == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            Type declared = concrete(method.getGenericReturnType(), method.getReturnType());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            serializer(declared == Object.class ? result.getClass() : declared).toJson(result, out);
            return out.toByteArray();
        }

        private Object call(Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private static Type concrete(Type generic, Class<?> raw) {
            return generic instanceof TypeVariable<?> ? raw : generic;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private PojoSerializer<Object> serializer(Type type) {
            if (type instanceof Class<?> c && c.getName().startsWith(EVENTS_PACKAGE)) {
                return LambdaEventSerializers.serializerFor((Class) c, Thread.currentThread().getContextClassLoader());
            }
            if (custom != null) {
                CustomPojoSerializer serializer = custom;
                return new PojoSerializer<>() {
                    @Override
                    public Object fromJson(InputStream input) {
                        return serializer.fromJson(input, type);
                    }

                    @Override
                    public Object fromJson(String input) {
                        return serializer.fromJson(input, type);
                    }

                    @Override
                    public void toJson(Object value, OutputStream output) {
                        serializer.toJson(value, output, type);
                    }
                };
            }
            return (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(type);
        }
    }

    /** The Context of the one invocation; names as the local runtime and Lambda give them. */
    private static final class OneShotContext implements Context {
        private final String functionName = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "benchmark");
        // Not UUID.randomUUID(): seeding SecureRandom would add to the cold start, and on Lambda
        // the request id comes from the runtime API.
        private final String requestId = new UUID(System.nanoTime(), System.currentTimeMillis()).toString();
        private final long deadline;

        OneShotContext(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        }

        @Override
        public String getLogStreamName() {
            return "benchmark";
        }

        @Override
        public String getFunctionName() {
            return functionName;
        }

        @Override
        public String getFunctionVersion() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:" + System.getenv().getOrDefault("AWS_REGION", "ap-southeast-1")
                    + ":000000000000:function:" + functionName;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) Math.max(0, deadline - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.write(message, 0, message.length);
                }
            };
        }
    }
}
