package io.github.fixturekit.benchmarks;

import io.github.fixturekit.benchmarks.jmh.CreateBenchmark;
import io.github.fixturekit.benchmarks.jmh.CreateListBenchmark;
import io.github.fixturekit.benchmarks.jmh.TokenCreateBenchmark;
import io.github.fixturekit.benchmarks.peer.FixturekitTokenSuite;
import io.github.fixturekit.benchmarks.peer.spring.SpringTokenSuite;
import io.github.fixturekit.benchmarks.scenarios.FirstTest;
import io.github.fixturekit.benchmarks.scenarios.FixtureTrivialTests;
import io.github.fixturekit.benchmarks.scenarios.PlainTrivialTests;
import io.github.fixturekit.benchmarks.suite.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one {@code ratio <name> <value>} line per result (fixturekit over
 * its baseline, smaller is better; absolute figures for the time to first test), plus
 * {@code detail} lines with both sides of each ratio. Arguments: {@code --full} for more
 * iterations, {@code --only jmh,overhead,first-test,peer} for some of them, {@code --logs DIR}.
 */
public final class Benchmarks {

  private static final Set<String> PARTS = Set.of("jmh", "overhead", "first-test", "peer");

  private final boolean full;
  private final Path logs;

  private Benchmarks(boolean full, Path logs) {
    this.full = full;
    this.logs = logs;
  }

  public static void main(String[] args) throws Exception {
    boolean full = false;
    Path logs = Path.of("target", "bench-logs");
    Set<String> parts = PARTS;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> full = true;
        case "--quick" -> full = false;
        case "--logs" -> logs = Path.of(args[++i]);
        case "--only" -> {
          parts = Set.of(args[++i].split(","));
          if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("--only takes some of " + PARTS + ", not " + parts);
          }
        }
        default -> throw new IllegalArgumentException(
            "unknown argument [" + args[i] + "]: use --full, --quick, --only " + String.join(",", PARTS) + ", --logs DIR");
      }
    }
    Benchmarks benchmarks = new Benchmarks(full, logs);
    System.out.printf(
        Locale.ROOT,
        "machine cores %d, load average %s, %s, server %s, mode %s%n",
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        BenchServer.URL,
        full ? "full" : "quick");
    if (parts.contains("jmh")) {
      benchmarks.rows();
    }
    if (parts.contains("overhead")) {
      benchmarks.perTestOverhead();
    }
    if (parts.contains("first-test")) {
      benchmarks.firstTest();
    }
    if (parts.contains("peer")) {
      benchmarks.peer();
    }
    System.out.printf(Locale.ROOT, "machine load average at the end %s%n", loadAverage());
  }

  private int rounds() {
    return full ? 5 : 2;
  }

  /** The three JMH pairs, each side in a fork of its own, one after the other. */
  private void rows() throws RunnerException, IOException {
    Files.createDirectories(logs);
    Options options =
        new OptionsBuilder()
            .include("^" + CreateBenchmark.class.getName() + "\\.")
            .include("^" + CreateListBenchmark.class.getName() + "\\.")
            .include("^" + TokenCreateBenchmark.class.getName() + "\\.")
            .forks(full ? 2 : 1)
            .warmupIterations(full ? 5 : 2)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(full ? 10 : 3)
            .measurementTime(TimeValue.seconds(full ? 2 : 1))
            .jvmArgsAppend(
                "-Xmx1g",
                "-Dbench.jdbc.url=" + BenchServer.URL,
                "-Dbench.jdbc.user=" + BenchServer.USER,
                "-Dbench.jdbc.password=" + BenchServer.PASSWORD)
            .addProfiler(GCProfiler.class)
            .output(logs.resolve("jmh.txt").toString())
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, RunResult> byName = new HashMap<>();
    for (RunResult result : results) {
      byName.put(result.getParams().getBenchmark(), result);
    }
    pair("create-vs-jdbc", CreateBenchmark.class, byName);
    pair("createList-vs-batch", CreateListBenchmark.class, byName);
    pair("tokens-create-vs-jdbc", TokenCreateBenchmark.class, byName);
  }

  /**
   * The ratio of the average times, and as a detail both sides with the bytes each allocated per
   * operation (which the load of a shared machine does not move).
   */
  private static void pair(String name, Class<?> benchmark, Map<String, RunResult> results) {
    RunResult fixturekit = results.get(benchmark.getName() + ".fixturekit");
    RunResult jdbc = results.get(benchmark.getName() + ".jdbc");
    if (fixturekit == null || jdbc == null) {
      throw new IllegalStateException("JMH returned no score for " + benchmark.getSimpleName() + ": " + results.keySet() + "; JMH's own report, benchmarks/target/bench-logs/jmh.txt, says why");
    }
    Result<?> time = fixturekit.getPrimaryResult();
    Result<?> baseline = jdbc.getPrimaryResult();
    detail(name, String.format(Locale.ROOT,
        "fixturekit %.1f %s (±%.1f, %.0f bytes allocated per op), raw JDBC %.1f %s (±%.1f, %.0f bytes per op)",
        time.getScore(), time.getScoreUnit(), time.getScoreError(), allocated(fixturekit),
        baseline.getScore(), baseline.getScoreUnit(), baseline.getScoreError(), allocated(jdbc)));
    ratio(name, time.getScore() / baseline.getScore());
  }

  private static double allocated(RunResult result) {
    Result<?> bytes = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return bytes == null ? Double.NaN : bytes.getScore();
  }

  /**
   * 200 trivial tests with and without {@code @FixtureTest}, each side in new JVMs on the server:
   * the time per test once the JVM is warm (the last of several runs of the class in one JVM), and,
   * as a detail, in the JVM's first run.
   */
  private void perTestOverhead() throws Exception {
    int passes = full ? 5 : 3;
    String last = "pass-" + passes + "-per-test-after-first-ns";
    List<Double> plain = new ArrayList<>();
    List<Double> fixture = new ArrayList<>();
    List<Double> plainFirst = new ArrayList<>();
    List<Double> fixtureFirst = new ArrayList<>();
    for (int i = 0; i < rounds(); i++) {
      ChildJvm.Result p = new ChildJvm(PlainTrivialTests.class, logs).passes(passes).run();
      ChildJvm.Result f = external(new ChildJvm(FixtureTrivialTests.class, logs)).passes(passes).run();
      plain.add(p.fact(last) / 1e6);
      fixture.add(f.fact(last) / 1e6);
      plainFirst.add(p.fact("pass-1-per-test-after-first-ns") / 1e6);
      fixtureFirst.add(f.fact("pass-1-per-test-after-first-ns") / 1e6);
    }
    detail("per-test-overhead-ms", String.format(Locale.ROOT,
        "ms per test, run %d of the class in each of %d new JVMs (medians): @FixtureTest %.3f, no extension %.3f;"
            + " in the JVM's first run: %.3f against %.3f",
        passes, rounds(), median(fixture), median(plain), median(fixtureFirst), median(plainFirst)));
    ratio("per-test-overhead-ms", median(fixture) - median(plain));
  }

  /** From starting a JVM to its first test (which creates a row) having passed, per provider. */
  private void firstTest() throws Exception {
    List<Double> external = new ArrayList<>();
    for (int i = 0; i < rounds(); i++) {
      external.add(external(new ChildJvm(FirstTest.class, logs)).run().secondsToFirstTest());
    }
    firstTestLine("external", external);

    Path cache = Files.createTempDirectory("fixturekit-bench-embedded");
    try {
      // unpacks the binaries and makes the template: the first start on a machine
      double first = embedded(cache).run().secondsToFirstTest();
      detail("first-test-embedded-first-on-machine-s", String.format(Locale.ROOT, "%.2f (one run)", first));
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < rounds(); i++) {
        warm.add(embedded(cache).run().secondsToFirstTest());
      }
      firstTestLine("embedded-warm", warm);
      List<Double> cold = new ArrayList<>();
      for (int i = 0; i < rounds(); i++) {
        deleteTemplates(cache);
        cold.add(embedded(cache).run().secondsToFirstTest());
      }
      firstTestLine("embedded-cold", cold);
    } finally {
      deleteTree(cache);
    }

    String docker = dockerAnswers();
    if (docker != null) {
      System.out.println("skipped first-test-testcontainers-s: " + docker);
      return;
    }
    List<Double> testcontainers = new ArrayList<>();
    for (int i = 0; i < rounds(); i++) {
      ChildJvm child = new ChildJvm(FirstTest.class, logs).env("FIXTUREKIT_DATABASE", "testcontainers");
      String image = System.getProperty("bench.testcontainers.image");
      if (image != null && !image.isBlank()) {
        child.env("FIXTUREKIT_TESTCONTAINERS_IMAGE", image);
      }
      testcontainers.add(child.run().secondsToFirstTest());
    }
    firstTestLine("testcontainers", testcontainers);
  }

  private void firstTestLine(String provider, List<Double> seconds) {
    String name = "first-test-" + provider + "-s";
    detail(name, String.format(Locale.ROOT, "median of %d new JVMs (runs %s)", seconds.size(), seconds));
    ratio(name, median(seconds));
  }

  /** The same 100 realistic tests, Spring's {@code @DataJpaTest} and fixturekit's, alternating. */
  private void peer() throws Exception {
    try (BenchServer.Database springDatabase = BenchServer.createDatabase()) {
      List<ChildJvm.Result> spring = new ArrayList<>();
      List<ChildJvm.Result> fixturekit = new ArrayList<>();
      for (int i = 0; i < rounds(); i++) {
        spring.add(
            new ChildJvm(SpringTokenSuite.class, logs)
                .property("spring.datasource.url", springDatabase.url())
                .property("spring.datasource.username", BenchServer.USER)
                .property("spring.datasource.password", BenchServer.PASSWORD)
                .run());
        fixturekit.add(external(new ChildJvm(FixturekitTokenSuite.class, logs)).run());
      }
      double springWall = median(seconds(spring, r -> r.wallNanos() / 1e9));
      double fixturekitWall = median(seconds(fixturekit, r -> r.wallNanos() / 1e9));
      double springRss = median(seconds(spring, r -> r.fact("vmhwm-kb") / 1024.0));
      double fixturekitRss = median(seconds(fixturekit, r -> r.fact("vmhwm-kb") / 1024.0));
      detail("suite-vs-spring", String.format(Locale.ROOT,
          "100 tests, wall time of a new JVM, medians of %d: fixturekit %.2f s, Spring @DataJpaTest %.2f s",
          rounds(), fixturekitWall, springWall));
      ratio("suite-vs-spring", fixturekitWall / springWall);
      detail("suite-vs-spring-rss", String.format(Locale.ROOT,
          "peak RSS (VmHWM), medians: fixturekit %.0f MB, Spring %.0f MB", fixturekitRss, springRss));
      ratio("suite-vs-spring-rss", fixturekitRss / springRss);
    }
  }

  private static List<Double> seconds(List<ChildJvm.Result> results, Function<ChildJvm.Result, Double> value) {
    return results.stream().map(value).toList();
  }

  private static ChildJvm external(ChildJvm child) {
    return child
        .env("FIXTUREKIT_DATABASE", "external")
        .env("FIXTUREKIT_JDBC_URL", BenchServer.URL)
        .env("FIXTUREKIT_JDBC_USER", BenchServer.USER)
        .env("FIXTUREKIT_JDBC_PASSWORD", BenchServer.PASSWORD);
  }

  private ChildJvm embedded(Path cache) {
    return new ChildJvm(FirstTest.class, logs)
        .env("FIXTUREKIT_DATABASE", "embedded")
        .env("FIXTUREKIT_EMBEDDED_CACHE_DIR", cache.toString());
  }

  /** Null when a Docker engine answers, else why not. */
  private static String dockerAnswers() {
    try {
      Process docker = new ProcessBuilder("docker", "info").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!docker.waitFor(10, TimeUnit.SECONDS)) {
        docker.destroyForcibly();
        return "docker info did not answer within 10 s";
      }
      return docker.exitValue() == 0 ? null : "no Docker engine answers (docker info exited with " + docker.exitValue() + ")";
    } catch (IOException e) {
      return "no docker command (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** A cold start: binaries unpacked, but no initialised template to copy. */
  private static void deleteTemplates(Path cache) throws IOException {
    try (Stream<Path> list = Files.list(cache)) {
      for (Path template : list.filter(p -> p.getFileName().toString().startsWith("template-")).toList()) {
        deleteTree(template);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static void ratio(String name, double value) {
    System.out.printf(Locale.ROOT, "ratio %s %.3f%n", name, value);
  }

  private static void detail(String name, String text) {
    System.out.printf(Locale.ROOT, "detail %s: %s%n", name, text);
  }
}
