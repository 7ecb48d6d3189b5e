package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.IsolationModesTest.committedCount;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * JUnit's parallel mode with test classes and methods running concurrently: 300 tests of one entity
 * set, in rollback and commit mode, each creating a random number of rows and asserting that it
 * sees exactly its own. Commit-mode tests wait for the rollback-mode tests of their entity set (and
 * those for them), so the rows they commit are never seen by another test.
 */
class ParallelTest {

  static final int REPETITIONS = 100;
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

  static Map<String, String> parallel(int threads) {
    return Map.of(
        "junit.jupiter.execution.parallel.enabled", "true",
        "junit.jupiter.execution.parallel.mode.default", "concurrent",
        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
        "junit.jupiter.execution.parallel.config.strategy", "fixed",
        "junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads));
  }

  /** Creates a random number of people with notes and checks the test sees exactly those. */
  static void seesExactlyItsOwnRows(
      Factory<ExPerson> people, Factory<ExNote> notes, Session session) {
    int now = RUNNING.incrementAndGet();
    MOST_AT_ONCE.accumulateAndGet(now, Math::max);
    try {
      int count = ThreadLocalRandom.current().nextInt(1, 6);
      List<ExPerson> mine = people.createList(count);
      notes.createList(count, n -> n.setPerson(mine.get(0)));
      Thread.yield();
      assertThat(count(session, "ex_people")).isEqualTo(count);
      assertThat(count(session, "ex_notes")).isEqualTo(count);
      assertThat(session.createQuery("select p.id from ExPerson p", Long.class).getResultList())
          .containsExactlyInAnyOrderElementsOf(mine.stream().map(ExPerson::getId).toList());
    } finally {
      RUNNING.decrementAndGet();
    }
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class RollbackA {
    @RepeatedTest(REPETITIONS)
    void ownRows(Factory<ExPerson> people, Factory<ExNote> notes, Session session) {
      seesExactlyItsOwnRows(people, notes, session);
    }
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class RollbackB {
    @RepeatedTest(REPETITIONS)
    void ownRows(Factory<ExPerson> people, Factory<ExNote> notes, Session session) {
      seesExactlyItsOwnRows(people, notes, session);
    }
  }

  @Scenario
  @FixtureTest(
      entities = {ExPerson.class, ExNote.class},
      isolation = Isolation.TRUNCATE)
  static class Commit {
    @RepeatedTest(REPETITIONS)
    void ownRows(
        Factory<ExPerson> people, Factory<ExNote> notes, Session session, Database database) {
      seesExactlyItsOwnRows(people, notes, session);
      // committed, and still only this test's rows
      assertThat(committedCount(database, "ex_people")).isEqualTo(count(session, "ex_people"));
    }
  }

  @Test
  void threeHundredConcurrentTestsEachSeeOnlyTheirOwnRows() {
    MOST_AT_ONCE.set(0);
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameters(parallel(4))
            .configurationParameter(Scenario.PARAMETER, "true")
            .selectors(
                selectClass(RollbackA.class),
                selectClass(RollbackB.class),
                selectClass(Commit.class))
            .execute()
            .testEvents();
    Scenarios.assertAllPassed(events, 3L * REPETITIONS);
    assertThat(MOST_AT_ONCE.get()).as("tests that ran at the same time").isGreaterThan(1);
  }
}
