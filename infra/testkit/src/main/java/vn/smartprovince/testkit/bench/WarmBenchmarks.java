package vn.smartprovince.testkit.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks on the class path (one module's test classes) and prints one row per
 * benchmark: function, route, p50 and p99 in microseconds, bytes allocated per call. JMH's own
 * options pass through and win over the defaults below; {@code -Dwarm.table=FILE} appends the
 * rows to a file as well (the script gathers every module's rows into one table).
 *
 * <p>Defaults: sample time (every call's time sampled, so percentiles), 2 forks of 2 warm-up and
 * 4 measured one-second iterations, the GC profiler for allocation. Forks run with the flags
 * Lambda's Java runtime uses (C1 only, serial GC) and its 1,024 MB of memory, so the figures are
 * those of a warm Lambda, not of a server JVM's C2.
 */
public final class WarmBenchmarks {
    static final List<String> LAMBDA_FLAGS = List.of("-XX:MaxRAM=1024m", "-XX:+UseSerialGC",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private WarmBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        CommandLineOptions given;
        try {
            given = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (!given.getBenchModes().iterator().hasNext()) {
            options.mode(Mode.SampleTime);
        }
        if (!given.getTimeUnit().hasValue()) {
            options.timeUnit(TimeUnit.MICROSECONDS);
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(2);
        }
        if (!given.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(4);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        if (!given.getJvmArgs().hasValue()) {
            options.jvmArgs(LAMBDA_FLAGS.toArray(String[]::new));
        }
        if (given.getProfilers().isEmpty()) {
            options.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        List<String> rows = new ArrayList<>();
        for (RunResult result : results) {
            rows.add(row(result));
        }
        System.out.println();
        System.out.println(HEADER);
        rows.forEach(System.out::println);
        String table = System.getProperty("warm.table");
        if (table != null && !rows.isEmpty()) {
            Files.write(Path.of(table), rows, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    static final String HEADER = "| function | route | p50 µs | p99 µs | allocated per call | samples |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: |";

    private static String row(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String[] names = names(benchmark);
        Result<?> primary = result.getPrimaryResult();
        var stats = primary.getStatistics();
        double scale = toMicros(primary.getScoreUnit());
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        String allocated = alloc == null ? "-" : bytes(alloc.getScore());
        return String.format(Locale.ROOT, "| `%s` | `%s` | %.1f | %.1f | %s | %,d |", names[0], names[1],
                stats.getPercentile(50) * scale, stats.getPercentile(99) * scale, allocated, stats.getN());
    }

    /** The benchmark's {@link WarmRoute}, or its class and method when it has none. */
    private static String[] names(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        String className = benchmark.substring(0, dot);
        String methodName = benchmark.substring(dot + 1);
        try {
            for (Method method : Class.forName(className).getMethods()) {
                WarmRoute route = method.getAnnotation(WarmRoute.class);
                if (method.getName().equals(methodName) && route != null) {
                    return new String[] {route.function(), route.route()};
                }
            }
        } catch (ClassNotFoundException e) {
            // not on this class path: fall back to JMH's name
        }
        return new String[] {className.substring(className.lastIndexOf('.') + 1) + "." + methodName, "?"};
    }

    private static double toMicros(String unit) {
        return switch (unit) {
            case "ns/op" -> 0.001;
            case "us/op" -> 1;
            case "ms/op" -> 1000;
            case "s/op" -> 1_000_000;
            default -> throw new IllegalArgumentException("a time per call was expected, not " + unit);
        };
    }

    private static String bytes(double perCall) {
        return perCall >= 10_240 ? String.format(Locale.ROOT, "%.1f KB", perCall / 1024)
                : String.format(Locale.ROOT, "%,.0f B", perCall);
    }
}
