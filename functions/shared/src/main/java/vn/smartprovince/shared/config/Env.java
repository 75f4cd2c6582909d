package vn.smartprovince.shared.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's environment variables, as declared in template.yaml.
 *
 * <p>On Lambda this is the process environment. The local runtime runs many functions in one
 * JVM, each in its own class loader; that loader implements {@code Supplier<Map<String,String>>}
 * and hands each function the environment the template gives it. Code reads configuration only
 * through this class, never through {@link System#getenv()}, so both work the same way.
 */
public final class Env {
    private final Map<String, String> values;

    public Env(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The environment of the function this class was loaded for. */
    @SuppressWarnings("unchecked")
    public static Env current() {
        ClassLoader loader = Env.class.getClassLoader();
        if (loader instanceof Supplier<?> supplier && supplier.get() instanceof Map<?, ?> map) {
            return new Env((Map<String, String>) map);
        }
        return new Env(System.getenv());
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String get(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** A variable the template must set; its absence is a deployment mistake, reported by name. */
    public String required(String name) {
        return optional(name).orElseThrow(
                () -> new IllegalStateException("Environment variable " + name + " is not set"));
    }

    /**
     * A whole number from {@code min} to {@code max} ({@code fallback} when unset). Anything else is
     * a deployment mistake, reported by name, value and range at cold start.
     */
    public long number(String name, long fallback, long min, long max) {
        String text = get(name, Long.toString(fallback)).strip();
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a whole number from " + min + " to " + max + ", got \"" + text + "\"");
    }

    public Map<String, String> asMap() {
        return values;
    }
}
