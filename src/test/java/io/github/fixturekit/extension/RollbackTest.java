package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.CAPTURED;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.Events;

/**
 * Every test runs in a transaction of its own that fixturekit rolls back, whatever the test did:
 * passed, threw, broke its session on a constraint, or closed the session itself.
 *
 * <p>The tests that follow a broken one first set a short {@code lock_timeout} and insert the very
 * same unique email again: were the earlier transaction left open instead of rolled back, the
 * insert would wait on its row lock and fail, where an empty table alone would not tell.
 */
class RollbackTest {

  static final String EMAIL = "rollback@example.org";

  @BeforeEach
  void clear() {
    CAPTURED.clear();
  }

  /** Makes a wait on a row lock left by an unfinished transaction fail fast instead of hanging. */
  static void failFastOnLocks(Session session) {
    session.createNativeMutationQuery("set local lock_timeout = '3s'").executeUpdate();
  }

  /**
   * What a test that follows a broken one checks: an empty table, and the same email insertable.
   */
  static void worksOnACleanTable(Session session, Factory<ExPerson> people) {
    failFastOnLocks(session);
    assertThat(count(session, "ex_people")).isZero();
    people.create(p -> p.setEmail(EMAIL));
    assertThat(count(session, "ex_people")).isEqualTo(1);
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class CreateThenCheck {

    @Test
    @Order(1)
    void createsRows(Factory<ExPerson> people, Session session) {
      people.create(p -> p.setEmail(EMAIL));
      people.createList(2);
      assertThat(count(session, "ex_people")).isEqualTo(3);
      CAPTURED.put("first", session);
    }

    @Test
    @Order(2)
    void seesAnEmptyTable(Factory<ExPerson> people, Session session) {
      assertThat(session).isNotSameAs(CAPTURED.get("first"));
      worksOnACleanTable(session, people);
    }
  }

  @Test
  void rowsOfAPassingTestAreRolledBack() {
    Events events = Scenarios.assertAllPassed(CreateThenCheck.class, 2);
    assertThat(events.succeeded().stream().map(e -> e.getTestDescriptor().getDisplayName()))
        .containsExactly("createsRows(Factory, Session)", "seesAnEmptyTable(Factory, Session)");
    Session first = (Session) CAPTURED.get("first");
    assertThat(first.isOpen()).as("the first test's session is closed after it").isFalse();
  }

  @Test
  void rowsAreRolledBackAgainOnASecondRunOfTheSameClass() {
    Scenarios.assertAllPassed(CreateThenCheck.class, 2);
    Scenarios.assertAllPassed(CreateThenCheck.class, 2);
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ThrowsAfterCreating {

    @Test
    @Order(1)
    void throwsAfterCreatingRows(Factory<ExPerson> people) {
      people.create(p -> p.setEmail(EMAIL));
      people.createList(2);
      throw new IllegalStateException("the test gave up after creating three people");
    }

    @Test
    @Order(2)
    void seesAnEmptyTable(Factory<ExPerson> people, Session session) {
      worksOnACleanTable(session, people);
    }
  }

  @Test
  void rowsOfAFailingTestAreRolledBack() {
    Events events = Scenarios.run(ThrowsAfterCreating.class);
    events.assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    Throwable failure = Scenarios.onlyFailure(events);
    assertThat(failure)
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("the test gave up after creating three people");
    assertThat(failure.getSuppressed())
        .as("fixturekit's clean-up adds nothing to the test's own failure")
        .isEmpty();
    assertThat(Scenarios.failedNames(events)).containsExactly("throwsAfterCreatingRows(Factory)");
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class UniqueViolation {

    @Test
    @Order(1)
    void catchesTheViolation(Factory<ExPerson> people) {
      people.create(p -> p.setEmail(EMAIL));
      assertThrows(ConstraintViolationException.class, () -> people.create(p -> p.setEmail(EMAIL)));
    }

    @Test
    @Order(2)
    void letsTheViolationEscape(Factory<ExPerson> people) {
      people.create(p -> p.setEmail(EMAIL));
      people.create(p -> p.setEmail(EMAIL));
    }

    @Test
    @Order(3)
    void seesAnEmptyTable(Factory<ExPerson> people, Session session) {
      worksOnACleanTable(session, people);
    }
  }

  @Test
  void aFlushThatFailsOnAUniqueConstraintIsRolledBack() {
    Events events = Scenarios.run(UniqueViolation.class);
    events.assertStatistics(s -> s.started(3).failed(1).succeeded(2));
    assertThat(Scenarios.failedNames(events)).containsExactly("letsTheViolationEscape(Factory)");
    Throwable failure = Scenarios.onlyFailure(events);
    assertThat(failure).isInstanceOf(ConstraintViolationException.class);
    assertThat(failure.getSuppressed())
        .as("rolling back a transaction broken by the flush adds nothing to the test's failure")
        .isEmpty();
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ClosesItsSession {

    @Test
    @Order(1)
    void closesTheSession(Factory<ExPerson> people, Session session) {
      people.create(p -> p.setEmail(EMAIL));
      people.createList(2);
      session.close();
      assertThat(session.isOpen()).isFalse();
    }

    @Test
    @Order(2)
    void worksAfterwards(Factory<ExPerson> people, Session session) {
      assertThat(session.isOpen()).isTrue();
      assertThat(session.getTransaction().isActive()).isTrue();
      worksOnACleanTable(session, people);
    }
  }

  @Test
  void aTestMayCloseTheInjectedSessionItself() {
    Scenarios.assertAllPassed(ClosesItsSession.class, 2);
  }

  /** Many tests closing their session: none may keep a pooled connection or its transaction. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class ClosesManySessions {

    @org.junit.jupiter.api.RepeatedTest(25)
    void closesTheSession(Factory<ExPerson> people, Session session) {
      failFastOnLocks(session);
      assertThat(count(session, "ex_people")).isZero();
      people.create(p -> p.setEmail(EMAIL));
      session.close();
    }
  }

  @Test
  void closingSessionsDoesNotLeakConnectionsOrTransactions() {
    Scenarios.assertAllPassed(ClosesManySessions.class, 25);
    Scenarios.assertAllPassed(CreateThenCheck.class, 2);
  }

  @Test
  void everyScenarioAboveLeavesTheTableEmptyForTheNextRun() {
    for (Class<?> scenario :
        List.of(ThrowsAfterCreating.class, UniqueViolation.class, ClosesItsSession.class)) {
      Scenarios.run(scenario);
    }
    Scenarios.assertAllPassed(CreateThenCheck.class, 2);
  }
}
