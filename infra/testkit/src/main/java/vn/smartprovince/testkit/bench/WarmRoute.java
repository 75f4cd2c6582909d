package vn.smartprovince.testkit.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names what a {@code @Benchmark} method measures, for the table {@link WarmBenchmarks} prints. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WarmRoute {
    /** The function's logical id in the template, e.g. {@code SubmitReportFunction}. */
    String function();

    /** The route key ({@code POST /v1/reports}) or the event source ({@code SQS}). */
    String route();
}
