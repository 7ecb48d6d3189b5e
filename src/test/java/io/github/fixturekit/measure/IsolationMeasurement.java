package io.github.fixturekit.measure;

import static io.github.fixturekit.measure.OverheadMeasurement.SEQUENTIAL;
import static io.github.fixturekit.measure.OverheadMeasurement.median;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.measure.model.MeasuredChild;
import io.github.fixturekit.measure.model.MeasuredGenerated;
import io.github.fixturekit.measure.model.MeasuredIdentity;
import io.github.fixturekit.measure.model.MeasuredParent;
import io.github.fixturekit.measure.model.MeasuredSequence;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hibernate.Session;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Prints what the isolation modes cost per test. Figures, not assertions on time. Run alone with
 * {@code mvn test -Dtest=IsolationMeasurement -Dgroups=measurement -DexcludedGroups=none}.
 *
 * <ul>
 *   <li>commit-mode cleanup, 5-table model: 200 tests that create one row in each of 5 tables, in
 *       {@code TRUNCATE} mode against the same tests in {@code ROLLBACK} mode (leak detection off);
 *       and the two ways to empty the tables timed statement by statement: one {@code TRUNCATE} of
 *       all 5 against {@code DELETE FROM} each;
 *   <li>rollback overhead of leak detection: 200 tests that take the session (and leave it unused),
 *       200 that read a table, and 200 that write a row and read it, each with {@code
 *       fixturekit.leaks} {@code fail} against {@code off}; and, in a run of its own, the round
 *       trips to PostgreSQL per test, counted from the driver's log (which does not depend on the
 *       machine's load).
 * </ul>
 */
@Tag("measurement")
class IsolationMeasurement {

  static final int TESTS = 200;
  static final int WARMUP_RUNS = 3;
  static final int RUNS = 11;

  static final String FIVE_TABLES =
      "measured_parent, measured_child, measured_identity, measured_sequence, measured_generated";

  static void fiveRows(
      Factory<MeasuredParent> parents,
      Factory<MeasuredChild> children,
      Factory<MeasuredIdentity> identities,
      Factory<MeasuredSequence> sequences,
      Factory<MeasuredGenerated> generated) {
    children.create(c -> {});
    identities.create();
    sequences.create();
    generated.create();
    assertThat(parents).isNotNull();
  }

  @Scenario
  @FixtureTest(
      entities = {
        MeasuredParent.class,
        MeasuredChild.class,
        MeasuredIdentity.class,
        MeasuredSequence.class,
        MeasuredGenerated.class
      },
      isolation = Isolation.TRUNCATE)
  static class CommitFive {
    @RepeatedTest(TESTS)
    void fiveTables(
        Factory<MeasuredParent> parents,
        Factory<MeasuredChild> children,
        Factory<MeasuredIdentity> identities,
        Factory<MeasuredSequence> sequences,
        Factory<MeasuredGenerated> generated) {
      fiveRows(parents, children, identities, sequences, generated);
    }
  }

  @Scenario
  @FixtureTest(
      entities = {
        MeasuredParent.class,
        MeasuredChild.class,
        MeasuredIdentity.class,
        MeasuredSequence.class,
        MeasuredGenerated.class
      })
  static class RollbackFive {
    @RepeatedTest(TESTS)
    void fiveTables(
        Factory<MeasuredParent> parents,
        Factory<MeasuredChild> children,
        Factory<MeasuredIdentity> identities,
        Factory<MeasuredSequence> sequences,
        Factory<MeasuredGenerated> generated) {
      fiveRows(parents, children, identities, sequences, generated);
    }
  }

  static final Map<String, List<Long>> STATEMENTS = new HashMap<>();

  @Scenario
  @FixtureTest(
      entities = {
        MeasuredParent.class,
        MeasuredChild.class,
        MeasuredIdentity.class,
        MeasuredSequence.class,
        MeasuredGenerated.class
      },
      isolation = Isolation.TRUNCATE)
  static class Statements {
    @RepeatedTest(TESTS)
    void emptyTheTables(
        Factory<MeasuredParent> parents,
        Factory<MeasuredChild> children,
        Factory<MeasuredIdentity> identities,
        Factory<MeasuredSequence> sequences,
        Factory<MeasuredGenerated> generated,
        Database database)
        throws Exception {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        fiveRows(parents, children, identities, sequences, generated);
        long started = System.nanoTime();
        statement.execute("TRUNCATE " + FIVE_TABLES + " RESTART IDENTITY CASCADE");
        STATEMENTS
            .computeIfAbsent("truncate-restart-identity", k -> new ArrayList<>())
            .add(System.nanoTime() - started);
        fiveRows(parents, children, identities, sequences, generated);
        started = System.nanoTime();
        statement.execute("TRUNCATE " + FIVE_TABLES + " CASCADE");
        STATEMENTS
            .computeIfAbsent("truncate", k -> new ArrayList<>())
            .add(System.nanoTime() - started);
        fiveRows(parents, children, identities, sequences, generated);
        started = System.nanoTime();
        statement.execute(
            "DELETE FROM measured_child; DELETE FROM measured_parent; DELETE FROM measured_identity;"
                + " DELETE FROM measured_sequence; DELETE FROM measured_generated");
        STATEMENTS
            .computeIfAbsent("delete", k -> new ArrayList<>())
            .add(System.nanoTime() - started);
      }
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
  static class WithQuery {
    @RepeatedTest(TESTS)
    void readsATable(Session session) {
      assertThat(
              session
                  .createNativeQuery("select count(*) from refresh_tokens", Long.class)
                  .getSingleResult())
          .isZero();
    }
  }

  @Scenario
  @FixtureTest(entities = {Member.class, SessionToken.class})
  static class WithWrite {
    @RepeatedTest(TESTS)
    void writesARow(Factory<Member> members, Session session) {
      members.create();
      session.flush();
      assertThat(
              session
                  .createNativeQuery("select count(*) from members", Long.class)
                  .getSingleResult())
          .isEqualTo(1);
    }
  }

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
    assertThat(events.succeeded().count()).isEqualTo(TESTS);
    return elapsed;
  }

  static Map<String, String> leaks(String value) {
    Map<String, String> parameters = new HashMap<>(SEQUENTIAL);
    parameters.put(FixtureProperties.LEAKS, value);
    return parameters;
  }

  @Test
  void commitModeCleanupPerTest() {
    Map<String, String> off = leaks("off");
    for (int i = 0; i < WARMUP_RUNS; i++) {
      run(CommitFive.class, off);
      run(RollbackFive.class, off);
    }
    List<Long> commit = new ArrayList<>();
    List<Long> rollback = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      commit.add(run(CommitFive.class, off));
      rollback.add(run(RollbackFive.class, off));
    }
    double commitUs = median(commit) / 1_000.0 / TESTS;
    double rollbackUs = median(rollback) / 1_000.0 / TESTS;
    print("five-tables-per-test-commit-mode-us", commitUs);
    print("five-tables-per-test-rollback-mode-us", rollbackUs);
    print("commit-mode-extra-per-test-us", commitUs - rollbackUs);

    STATEMENTS.clear();
    run(Statements.class, off);
    STATEMENTS.forEach(
        (name, times) ->
            print("empty-five-tables-" + name + "-median-us", median(times) / 1_000.0));
  }

  @Test
  void leakDetectionOverheadPerTest() {
    Map<String, String> on = leaks("fail");
    Map<String, String> off = leaks("off");
    for (Class<?> scenario : List.of(WithSession.class, WithQuery.class, WithWrite.class)) {
      for (int i = 0; i < WARMUP_RUNS; i++) {
        run(scenario, on);
        run(scenario, off);
      }
      List<Long> withDetection = new ArrayList<>();
      List<Long> without = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        withDetection.add(run(scenario, on));
        without.add(run(scenario, off));
      }
      double onUs = median(withDetection) / 1_000.0 / TESTS;
      double offUs = median(without) / 1_000.0 / TESTS;
      String name = scenario.getSimpleName();
      print(name + "-per-test-leaks-off-us", offUs);
      print(name + "-per-test-leaks-fail-us", onUs);
      print(name + "-leak-detection-overhead-per-test-us", onUs - offUs);
      // not timed: counting makes the driver log every message
      print(name + "-round-trips-per-test-leaks-off", RoundTrips.perTest(() -> run(scenario, off)));
      print(name + "-round-trips-per-test-leaks-fail", RoundTrips.perTest(() -> run(scenario, on)));
    }
  }

  /** Counts the driver's round trips to PostgreSQL: each ends with one Sync message. */
  static final class RoundTrips extends Handler {

    private static final Logger DRIVER =
        Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
    private final AtomicLong syncs = new AtomicLong();

    static double perTest(Runnable tests) {
      RoundTrips counter = new RoundTrips();
      Level level = DRIVER.getLevel();
      DRIVER.setLevel(Level.FINEST);
      DRIVER.addHandler(counter);
      try {
        tests.run();
      } finally {
        DRIVER.removeHandler(counter);
        DRIVER.setLevel(level);
      }
      return counter.syncs.get() / (double) TESTS;
    }

    @Override
    public void publish(LogRecord record) {
      if (" FE=> Sync".equals(record.getMessage())) {
        syncs.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static void print(String name, double value) {
    System.out.println(String.format(Locale.ROOT, "measure %s %.2f", name, value));
  }
}
