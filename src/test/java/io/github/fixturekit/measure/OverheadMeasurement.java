package io.github.fixturekit.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Prints what fixturekit costs per test and how a run scales in JUnit's parallel mode. Figures, not
 * assertions on time (only on every scenario test passing). Run alone in a fresh JVM with {@code
 * mvn test -Dtest=OverheadMeasurement -Dgroups=measurement -DexcludedGroups=none}.
 *
 * <ul>
 *   <li>rollback overhead: 200 trivial tests with the extension against the same 200 without it, in
 *       one JVM through the Jupiter engine, the median of several alternating runs after warm-up;
 *   <li>parallel throughput: 200 tests that create a user, a token and rotate it (each asserting it
 *       sees only its own rows), run single-threaded and with JUnit's parallel mode (fixed
 *       parallelism = available processors).
 * </ul>
 */
@Tag("measurement")
class OverheadMeasurement {

  static final int TESTS = 200;
  static final int WARMUP_RUNS = 3;
  // the create-and-rotate tests reach their compiled speed later than the trivial ones
  static final int PARALLEL_WARMUP_RUNS = 12;
  static final int RUNS = 11;

  @Scenario
  static class Plain {
    @RepeatedTest(TESTS)
    void trivial() {
      assertThat(TESTS).isPositive();
    }
  }

  @Scenario
  @FixtureTest(entities = {Member.class, SessionToken.class})
  static class WithFixture {
    @RepeatedTest(TESTS)
    void trivial() {
      assertThat(TESTS).isPositive();
    }
  }

  @Scenario
  @FixtureTest(entities = {Member.class, SessionToken.class})
  static class WithSession {
    @RepeatedTest(TESTS)
    void trivial(Session session) {
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Scenario
  @FixtureTest(entities = {Member.class, SessionToken.class})
  static class Work {
    @RepeatedTest(TESTS)
    void createsAndRotates(
        Factory<Member> members, RefreshTokenFactory<SessionToken> tokens, Session session) {
      IssuedToken<SessionToken> first = tokens.create(members.create());
      tokens.rotate(first);
      long rows =
          session
              .createNativeQuery("select count(*) from refresh_tokens", Long.class)
              .getSingleResult();
      assertThat(rows).as("rows this test sees").isEqualTo(2);
    }
  }

  static final Map<String, String> SEQUENTIAL =
      Map.of("junit.jupiter.execution.parallel.enabled", "false");

  static Map<String, String> parallel(int threads) {
    return Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
  }

  /**
   * Runs {@code scenario}, checks all of its tests passed, returns the wall time in nanoseconds.
   */
  static long run(Class<?> scenario, Map<String, String> parameters) {
    long started = System.nanoTime();
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameters(parameters)
            .configurationParameter(Scenario.PARAMETER, "true")
            .selectors(selectClass(scenario))
            .execute()
            .testEvents();
    long elapsed = System.nanoTime() - started;
    assertThat(events.failed().count()).as("failed tests of %s", scenario.getSimpleName()).isZero();
    assertThat(events.succeeded().count())
        .as("passed tests of %s", scenario.getSimpleName())
        .isEqualTo(TESTS);
    return elapsed;
  }

  static <T extends Number & Comparable<? super T>> double median(List<T> values) {
    List<T> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2).doubleValue();
  }

  @Test
  void rollbackOverheadPerTest() {
    List<Class<?>> scenarios = List.of(Plain.class, WithFixture.class, WithSession.class);
    for (int i = 0; i < WARMUP_RUNS; i++) {
      scenarios.forEach(s -> run(s, SEQUENTIAL));
    }
    List<Long> plain = new ArrayList<>();
    List<Long> fixture = new ArrayList<>();
    List<Long> session = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      plain.add(run(Plain.class, SEQUENTIAL));
      fixture.add(run(WithFixture.class, SEQUENTIAL));
      session.add(run(WithSession.class, SEQUENTIAL));
    }
    double plainUs = median(plain) / 1_000.0 / TESTS;
    double fixtureUs = median(fixture) / 1_000.0 / TESTS;
    double sessionUs = median(session) / 1_000.0 / TESTS;
    print("rollback-per-test-without-extension-us", plainUs);
    print("rollback-per-test-with-extension-us", fixtureUs);
    print("rollback-per-test-with-extension-and-session-parameter-us", sessionUs);
    print("rollback-overhead-per-test-us", fixtureUs - plainUs);
    print("rollback-overhead-per-test-with-session-parameter-us", sessionUs - plainUs);
  }

  /**
   * Besides the throughputs, how many of the machine's processors were busy during each kind of
   * run: when the single-threaded runs already keep them all busy (the test thread, the JIT, the
   * garbage collector and the PostgreSQL server share them), no parallel mode can go much faster.
   */
  @Test
  void parallelThroughput() {
    int threads = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < PARALLEL_WARMUP_RUNS; i++) {
      run(Work.class, SEQUENTIAL);
      run(Work.class, parallel(threads));
    }
    List<Long> sequential = new ArrayList<>();
    List<Long> concurrent = new ArrayList<>();
    List<Double> sequentialBusy = new ArrayList<>();
    List<Double> concurrentBusy = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      sequential.add(runCountingProcessors(SEQUENTIAL, threads, sequentialBusy));
      concurrent.add(runCountingProcessors(parallel(threads), threads, concurrentBusy));
    }
    double sequentialPerSecond = TESTS / (median(sequential) / 1e9);
    double concurrentPerSecond = TESTS / (median(concurrent) / 1e9);
    print("parallel-threads", threads);
    print("throughput-single-thread-tests-per-s", sequentialPerSecond);
    print("throughput-parallel-tests-per-s", concurrentPerSecond);
    print("parallel-speedup", concurrentPerSecond / sequentialPerSecond);
    if (!sequentialBusy.isEmpty()) {
      print("busy-processors-single-thread", median(sequentialBusy));
      print("busy-processors-parallel", median(concurrentBusy));
    }
  }

  private static long runCountingProcessors(
      Map<String, String> parameters, int processors, List<Double> busy) {
    MachineCpu before = MachineCpu.read();
    long elapsed = run(Work.class, parameters);
    MachineCpu after = MachineCpu.read();
    if (before != null && after != null) {
      busy.add(after.busyProcessorsSince(before, processors));
    }
    return elapsed;
  }

  private static void print(String name, double value) {
    System.out.println(String.format(Locale.ROOT, "measure %s %.2f", name, value));
  }
}
