/**
 * Warm-overhead benchmarks: {@link vn.smartprovince.testkit.bench.WarmCall} invokes one handler
 * on its sample event in memory, {@link vn.smartprovince.testkit.bench.WarmBenchmarks} runs a
 * module's JMH benchmarks and prints the table ({@code infra/bin/benchmark-warm}).
 */
package vn.smartprovince.testkit.bench;
