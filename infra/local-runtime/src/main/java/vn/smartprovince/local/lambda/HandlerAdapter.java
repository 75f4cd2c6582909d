package vn.smartprovince.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A handler string ({@code pkg.Class::method} or {@code pkg.Class}) turned into something that
 * takes the event bytes and gives the result bytes, the way Lambda's Java runtime does it:
 * {@link RequestStreamHandler} gets the raw streams; {@link RequestHandler} and plain methods get
 * their input deserialized and their output serialized, with Lambda's own serializers
 * ({@code LambdaEventSerializers} for {@code com.amazonaws.services.lambda.runtime.events.*},
 * a {@link CustomPojoSerializer} if the function provides one, else Lambda's Jackson setup).
 */
final class HandlerAdapter {
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

    /** One loaded handler; called on the instance's own thread. */
    interface Invocable {
        byte[] invoke(byte[] event, Context context) throws Throwable;
    }

    private HandlerAdapter() {
    }

    /** Loads the class, constructs the handler (the cold start's init) and binds the method. */
    static Invocable load(String handler, ClassLoader loader) throws Throwable {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("the function has no Handler");
        }
        String className = handler;
        String methodName = null;
        int separator = handler.indexOf("::");
        if (separator >= 0) {
            className = handler.substring(0, separator);
            methodName = handler.substring(separator + 2);
        }
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("Class not found: " + className, e);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() != null ? e.getCause() : e;
        }

        boolean interfaceMethod = methodName == null || methodName.equals("handleRequest");
        if (interfaceMethod && RequestStreamHandler.class.isAssignableFrom(type)) {
            RequestStreamHandler streamHandler = (RequestStreamHandler) construct(type);
            return (event, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(event), out, context);
                return out.toByteArray();
            };
        }
        if (methodName == null && !RequestHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Class " + className + " does not implement RequestHandler or "
                    + "RequestStreamHandler; name the method as " + className + "::method");
        }
        Method method = findMethod(type, methodName == null ? "handleRequest" : methodName);
        Object target = Modifier.isStatic(method.getModifiers()) ? null : construct(type);
        method.setAccessible(true);
        return bind(target, method, loader);
    }

    private static Object construct(Class<?> type) throws Throwable {
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("Class " + type.getName() + " has no constructor without arguments");
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Among the public methods of that name, the runtime's choice: not a compiler bridge, then
     * the one with a concrete input type (the generic {@code RequestHandler<I, O>} leaves an
     * {@code Object} bridge), then the one taking a Context.
     */
    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        List<Method> candidates = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && !m.isSynthetic() && m.getParameterCount() <= 3) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            throw new NoSuchMethodException("No public method named " + name + " in " + type.getName());
        }
        candidates.sort(Comparator
                .comparing((Method m) -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == Object.class)
                .thenComparing(m -> -m.getParameterCount()));
        return candidates.get(0);
    }

    private static Invocable bind(Object target, Method method, ClassLoader loader) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean streams = parameters.length >= 2 && parameters[0] == InputStream.class
                && parameters[1] == OutputStream.class;
        if (streams) {
            boolean withContext = parameters.length == 3;
            return (event, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Object[] args = withContext
                        ? new Object[] {new ByteArrayInputStream(event), out, context}
                        : new Object[] {new ByteArrayInputStream(event), out};
                call(target, method, args);
                return out.toByteArray();
            };
        }
        if (parameters.length > 2 || (parameters.length == 2 && !Context.class.isAssignableFrom(parameters[1]))) {
            throw new IllegalArgumentException("Handler method " + method + " must take (input), (input, Context), "
                    + "(InputStream, OutputStream[, Context]) or nothing");
        }
        boolean noInput = parameters.length == 0 || Context.class.isAssignableFrom(parameters[0]) && parameters.length == 1;
        boolean contextOnly = parameters.length == 1 && Context.class.isAssignableFrom(parameters[0]);
        CustomPojoSerializer custom = ServiceLoader.load(CustomPojoSerializer.class, loader).findFirst().orElse(null);
        Type inputType = noInput ? null : concrete(method.getGenericParameterTypes()[0], parameters[0]);
        Codec input = inputType == null ? null : codecFor(inputType, loader, custom);
        Type declaredOutput = concrete(method.getGenericReturnType(), method.getReturnType());
        boolean isVoid = method.getReturnType() == void.class;
        Map<Type, Codec> outputCodecs = new ConcurrentHashMap<>();
        return (event, context) -> {
            Object[] args;
            if (contextOnly) {
                args = new Object[] {context};
            } else if (noInput) {
                args = new Object[0];
            } else {
                Object value = input.fromJson(event);
                args = parameters.length == 2 ? new Object[] {value, context} : new Object[] {value};
            }
            Object result = call(target, method, args);
            if (isVoid || result == null) {
                return "null".getBytes(StandardCharsets.UTF_8);
            }
            Type outputType = declaredOutput == Object.class ? result.getClass() : declaredOutput;
            return outputCodecs.computeIfAbsent(outputType, t -> codecFor(t, loader, custom)).toJson(result);
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A type variable left unresolved (a generic base class) is read as its raw bound. */
    private static Type concrete(Type generic, Class<?> raw) {
        return generic instanceof TypeVariable<?> ? raw : generic;
    }

    /** JSON to and from one type, with the serializer Lambda's runtime would pick for it. */
    interface Codec {
        Object fromJson(byte[] json);

        byte[] toJson(Object value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Codec codecFor(Type type, ClassLoader loader, CustomPojoSerializer custom) {
        if (type instanceof Class<?> c && c.getName().startsWith(EVENTS_PACKAGE)) {
            var serializer = LambdaEventSerializers.serializerFor((Class) c, loader);
            return new Codec() {
                @Override
                public Object fromJson(byte[] json) {
                    return serializer.fromJson(new ByteArrayInputStream(json));
                }

                @Override
                public byte[] toJson(Object value) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    serializer.toJson(value, out);
                    return out.toByteArray();
                }
            };
        }
        if (custom != null) {
            CustomPojoSerializer serializer = custom;
            return new Codec() {
                @Override
                public Object fromJson(byte[] json) {
                    return serializer.fromJson(new ByteArrayInputStream(json), type);
                }

                @Override
                public byte[] toJson(Object value) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    serializer.toJson(value, out, type);
                    return out.toByteArray();
                }
            };
        }
        var serializer = JacksonFactory.getInstance().getSerializer(type);
        return new Codec() {
            @Override
            public Object fromJson(byte[] json) {
                return serializer.fromJson(new ByteArrayInputStream(json));
            }

            @Override
            public byte[] toJson(Object value) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                serializer.toJson(value, out);
                return out.toByteArray();
            }
        };
    }
}
