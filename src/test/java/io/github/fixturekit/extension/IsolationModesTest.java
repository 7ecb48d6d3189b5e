package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.CAPTURED;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.Isolated;
import io.github.fixturekit.Isolation;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import io.github.fixturekit.tokens.Issued;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.Events;

/**
 * Both isolation modes, with code under test that commits on connections of its own: in commit mode
 * ({@link Isolation#TRUNCATE}) factories commit and every table is emptied after the test; in
 * rollback mode rows committed outside the test's transaction are found, reported and removed (a
 * test that ran at the same time as others is not failed for them: any of them may have leaked). In
 * each mode a test that commits, one that throws and one that breaks on a constraint is followed by
 * a test that must see an empty database.
 */
class IsolationModesTest {

  static final String EMAIL = "isolation@example.org";

  @BeforeEach
  void clear() {
    CAPTURED.clear();
  }

  /** Rows in {@code table} as a connection of its own sees them: only committed ones. */
  static long committedCount(Database database, String table) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Commits a person on a connection of its own, as code under test with its own pool would. */
  static void insertOnOwnConnection(Database database, String email) {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.executeUpdate(
          "insert into ex_people (email, name) values ('" + email + "', 'Own Connection')");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What every test after a broken one checks: nothing committed, nothing pending, ids restart. */
  static void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
    RollbackTest.failFastOnLocks(session);
    assertThat(committedCount(database, "ex_people")).isZero();
    assertThat(committedCount(database, "ex_notes")).isZero();
    assertThat(count(session, "ex_people")).isZero();
    people.create(p -> p.setEmail(EMAIL));
    assertThat(count(session, "ex_people")).isEqualTo(1);
  }

  /** Writes, then throws; the next test must see an empty database. Run in each isolation mode. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class ThrowsThenNothingIsLeft {

    @Test
    @Order(1)
    void throwsAfterWriting(Factory<ExPerson> people, Factory<ExNote> notes, Session session) {
      notes.create(n -> n.setPerson(people.create(p -> p.setEmail(EMAIL))));
      session.flush();
      throw new IllegalStateException("boom");
    }

    @Test
    @Order(2)
    void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
      IsolationModesTest.seesAnEmptyDatabase(session, database, people);
    }
  }

  static void assertOnlyTheThrowingTestFailed(Class<? extends ThrowsThenNothingIsLeft> scenario) {
    Events events = Scenarios.run(scenario);
    assertThat(Scenarios.failedNames(events))
        .containsExactly("throwsAfterWriting(Factory, Factory, Session)");
    assertThat(Scenarios.onlyFailure(events)).hasMessage("boom").hasNoSuppressedExceptions();
  }

  /** Breaks on a unique constraint; the next test must see an empty database. Run in each mode. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class BreaksOnAConstraintThenNothingIsLeft {

    @Test
    @Order(1)
    void breaksOnAConstraint(Factory<ExPerson> people) {
      people.create(p -> p.setEmail(EMAIL));
      people.create(p -> p.setEmail(EMAIL));
    }

    @Test
    @Order(2)
    void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
      IsolationModesTest.seesAnEmptyDatabase(session, database, people);
    }
  }

  static void assertOnlyTheConstraintTestFailed(
      Class<? extends BreaksOnAConstraintThenNothingIsLeft> scenario) {
    Events events = Scenarios.run(scenario);
    assertThat(Scenarios.failedNames(events)).containsExactly("breaksOnAConstraint(Factory)");
    assertThat(Scenarios.onlyFailure(events))
        .isInstanceOf(ConstraintViolationException.class)
        .hasNoSuppressedExceptions();
  }

  @Nested
  class CommitMode {

    @Scenario
    @FixtureTest(
        entities = {ExPerson.class, ExNote.class},
        isolation = Isolation.TRUNCATE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Commits {

      @Test
      @Order(1)
      void factoriesCommit(
          Factory<ExPerson> people, Factory<ExNote> notes, Session session, Database database) {
        ExPerson person = people.create(p -> p.setEmail(EMAIL));
        notes.createList(2, n -> n.setPerson(person));
        // another connection sees the rows at once
        assertThat(committedCount(database, "ex_people")).isEqualTo(1);
        assertThat(committedCount(database, "ex_notes")).isEqualTo(2);
        // the injected session still works, and the test may commit it itself
        ExPerson own = new ExPerson();
        own.setEmail("own@example.org");
        own.setName("Own");
        session.persist(own);
        session.getTransaction().commit();
        assertThat(committedCount(database, "ex_people")).isEqualTo(2);
        // a factory call after the test's own commit begins a new transaction
        people.create();
        assertThat(committedCount(database, "ex_people")).isEqualTo(3);
        insertOnOwnConnection(database, "job@example.org");
      }

      @Test
      @Order(2)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
        CAPTURED.put(
            "restartedId",
            session.createQuery("select max(p.id) from ExPerson p", Long.class).getSingleResult());
      }
    }

    @Test
    void factoryRowsAreVisibleToOtherConnectionsAndEmptiedAfter() {
      Scenarios.assertAllPassed(Commits.class, 2);
      assertThat(CAPTURED.get("restartedId")).as("identity columns restart").isEqualTo(1L);
    }

    @Scenario
    @FixtureTest(
        entities = {ExPerson.class, ExNote.class},
        isolation = Isolation.TRUNCATE)
    static class Throws extends ThrowsThenNothingIsLeft {}

    @Test
    void aTestThatThrowsLeavesNothing() {
      assertOnlyTheThrowingTestFailed(Throws.class);
    }

    @Scenario
    @FixtureTest(
        entities = {ExPerson.class, ExNote.class},
        isolation = Isolation.TRUNCATE)
    static class Constraint extends BreaksOnAConstraintThenNothingIsLeft {}

    @Test
    void aTestThatBreaksOnAConstraintLeavesNothing() {
      assertOnlyTheConstraintTestFailed(Constraint.class);
    }

    /** An entity set of its own: the 30 s its first test waits holds up no other commit test. */
    @Scenario
    @FixtureTest(entities = ExPerson.class, isolation = Isolation.TRUNCATE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeavesAConnectionOpen {

      @Test
      @Order(1)
      void takesAConnectionAndLeavesItInATransaction(Factory<ExPerson> people, Database database)
          throws SQLException {
        people.create();
        Connection forgotten = database.dataSource().getConnection();
        forgotten.setAutoCommit(false);
        try (Statement statement = forgotten.createStatement()) {
          statement.executeQuery("select count(*) from ex_people").close();
        }
      }

      @Test
      @Order(2)
      void startsClean(Session session, Database database, Factory<ExPerson> people) {
        RollbackTest.failFastOnLocks(session);
        assertThat(committedCount(database, "ex_people")).isZero();
        people.create(p -> p.setEmail(EMAIL));
        assertThat(committedCount(database, "ex_people")).isEqualTo(1);
      }
    }

    @Test
    void aConnectionTheTestLeftOpenInATransactionIsEndedAndTheNextTestStartsClean() {
      Events events = Scenarios.run(LeavesAConnectionOpen.class);

      assertThat(Scenarios.failedNames(events))
          .containsExactly("takesAConnectionAndLeavesItInATransaction(Factory, Database)");
      assertThat(Scenarios.onlyFailure(events))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("takesAConnectionAndLeavesItInATransaction")
          .hasMessageContaining(
              "a connection taken from fixturekit's DataSource during the test (by the test or the"
                  + " code under test) stayed open inside a transaction")
          .hasMessageContaining("fixturekit ended it and emptied the tables");
    }
  }

  @Nested
  class RollbackMode {

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Commits {

      @Test
      @Order(1)
      void commitsItsTransaction(Factory<ExPerson> people, Session session) {
        people.create(p -> p.setEmail(EMAIL));
        session.getTransaction().commit();
        session.beginTransaction();
      }

      @Test
      @Order(2)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void aTestThatCommitsFailsAndLeavesNothing() {
      Events events = Scenarios.run(Commits.class);
      assertThat(Scenarios.failedNames(events))
          .containsExactly("commitsItsTransaction(Factory, Session)");
      assertThat(Scenarios.onlyFailure(events))
          .hasMessageContaining("committed the transaction of the session fixturekit gave it");
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    static class Throws extends ThrowsThenNothingIsLeft {}

    @Test
    void aTestThatThrowsLeavesNothing() {
      assertOnlyTheThrowingTestFailed(Throws.class);
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    static class Constraint extends BreaksOnAConstraintThenNothingIsLeft {}

    @Test
    void aTestThatBreaksOnAConstraintLeavesNothing() {
      assertOnlyTheConstraintTestFailed(Constraint.class);
    }
  }

  @Nested
  class CommitModeTokens {

    @Scenario
    @FixtureTest(
        entities = {Member.class, SessionToken.class},
        isolation = Isolation.TRUNCATE)
    static class TokenFactoryCommits {

      @Test
      void tokensAreCommitted(
          RefreshTokenFactory<SessionToken> tokens, Factory<Member> members, Database database) {
        tokens.create(members.create());
        assertThat(committedCount(database, "refresh_tokens")).isEqualTo(1);
      }

      @Test
      void issuedTokensAreCommitted(@Issued IssuedToken<SessionToken> issued, Database database) {
        assertThat(committedCount(database, "refresh_tokens")).isEqualTo(1);
      }
    }

    @Test
    void refreshTokenFactoriesCommitToo() {
      Scenarios.assertAllPassed(TokenFactoryCommits.class, 2);
    }
  }

  @Nested
  class PerMethod {

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CommitOneMethod {

      @Test
      @Order(1)
      @Isolated(Isolation.TRUNCATE)
      void commits(Factory<ExPerson> people, Database database) {
        people.create(p -> p.setEmail(EMAIL));
        assertThat(committedCount(database, "ex_people")).isEqualTo(1);
      }

      @Test
      @Order(2)
      void rollsBack(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
        assertThat(committedCount(database, "ex_people")).as("not committed").isZero();
      }
    }

    @Test
    void aMethodAnnotationOverridesTheClass() {
      Scenarios.assertAllPassed(CommitOneMethod.class, 2);
    }

    @Scenario
    @FixtureTest(
        entities = {ExPerson.class, ExNote.class},
        isolation = Isolation.TRUNCATE)
    static class RollBackOneMethod {

      @Test
      @Isolated(Isolation.ROLLBACK)
      void rollsBack(Factory<ExPerson> people, Database database) {
        people.create(p -> p.setEmail(EMAIL));
        assertThat(committedCount(database, "ex_people")).isZero();
      }
    }

    @Test
    void rollbackCanBeChosenForOneMethodOfACommitModeClass() {
      Scenarios.assertAllPassed(RollBackOneMethod.class, 1);
    }
  }

  @Nested
  class LeakDetection {

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CommitsOnItsOwnConnection {

      @Test
      @Order(1)
      void leaks(Database database, Factory<ExPerson> people) {
        people.create();
        insertOnOwnConnection(database, "leak-1@example.org");
        insertOnOwnConnection(database, "leak-2@example.org");
      }

      @Test
      @Order(2)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void rowsCommittedOnAnotherConnectionFailTheTestAndAreRemoved() {
      Events events = Scenarios.run(CommitsOnItsOwnConnection.class);
      assertThat(Scenarios.failedNames(events)).containsExactly("leaks(Database, Factory)");
      assertThat(Scenarios.onlyFailure(events))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("[CommitsOnItsOwnConnection.leaks(Database, Factory)]")
          .hasMessageContaining(".ex_people (2 rows)")
          .hasMessageContaining("where the test's rollback cannot reach")
          .hasMessageContaining("a connection or session of its own (REQUIRES_NEW)")
          .hasMessageContaining("emptied these tables")
          .hasMessageContaining("@Isolated(Isolation.TRUNCATE)")
          .hasMessageNotContaining("ex_notes");
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ThrowsAfterLeaking {

      @Test
      @Order(1)
      void leaksThenThrows(SessionFactory sessionFactory) {
        // a service that opens its own session from the same SessionFactory and commits
        try (Session own = sessionFactory.openSession()) {
          own.beginTransaction();
          ExPerson person = new ExPerson();
          person.setEmail(EMAIL);
          person.setName("Service");
          own.persist(person);
          own.getTransaction().commit();
        }
        throw new IllegalStateException("boom");
      }

      @Test
      @Order(2)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void aTestThatThrowsReportsItsOwnErrorAndTheLeak() {
      Events events = Scenarios.run(ThrowsAfterLeaking.class);
      assertThat(Scenarios.failedNames(events)).containsExactly("leaksThenThrows(SessionFactory)");
      Throwable failure = Scenarios.onlyFailure(events);
      assertThat(failure).hasMessage("boom");
      assertThat(failure.getSuppressed())
          .singleElement()
          .satisfies(s -> assertThat(s).hasMessageContaining(".ex_people (1 row)"));
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeaksWithAConstraintError {

      @Test
      @Order(1)
      void leaksThenBreaks(Database database, Factory<ExPerson> people) {
        insertOnOwnConnection(database, EMAIL);
        people.create(p -> p.setEmail(EMAIL)); // the committed row's unique email
      }

      @Test
      @Order(2)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void aTestThatBreaksOnAConstraintLeavesNothing() {
      Events events = Scenarios.run(LeaksWithAConstraintError.class);
      assertThat(Scenarios.failedNames(events))
          .containsExactly("leaksThenBreaks(Database, Factory)");
      assertThat(Scenarios.onlyFailure(events)).isInstanceOf(ConstraintViolationException.class);
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeaksTwiceInARow {

      @Test
      @Order(1)
      void readsOnly(Session session) {
        // takes no transaction id: the next test's window starts where every transaction had ended
        assertThat(count(session, "ex_people")).isZero();
      }

      @Test
      @Order(2)
      void leaksBeforeItsOwnWrite(Database database, Factory<ExPerson> people, Session session) {
        // the leaking transaction takes its id before the test's own transaction takes one
        insertOnOwnConnection(database, "first@example.org");
        people.create();
        session.flush();
      }

      @Test
      @Order(3)
      void leaksAgain(Database database) {
        insertOnOwnConnection(database, "second@example.org");
      }

      @Test
      @Order(4)
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void eachLeakIsReportedByTheTestThatLeaked() {
      Events events = Scenarios.run(LeaksTwiceInARow.class);
      assertThat(Scenarios.failedNames(events))
          .containsExactly(
              "leaksBeforeItsOwnWrite(Database, Factory, Session)", "leaksAgain(Database)");
      assertThat(Scenarios.failures(events))
          .allSatisfy(f -> assertThat(f).hasMessageContaining(".ex_people (1 row)"));
    }

    static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    static class LeakerAndBystander {

      @Test
      void leaks(Database database) throws Exception {
        insertOnOwnConnection(database, EMAIL);
        BOTH_RUNNING.await(60, TimeUnit.SECONDS);
      }

      @Test
      void leaksNothing(Factory<ExPerson> people, Session session) throws Exception {
        people.create();
        session.flush();
        BOTH_RUNNING.await(60, TimeUnit.SECONDS);
      }
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    static class AfterTheLeak {
      @Test
      void seesAnEmptyDatabase(Session session, Database database, Factory<ExPerson> people) {
        IsolationModesTest.seesAnEmptyDatabase(session, database, people);
      }
    }

    @Test
    void inParallelModeNoTestFailsForRowsThatAnotherTestMayHaveCommitted() {
      BOTH_RUNNING.reset();
      // the two run at the same time: fixturekit cannot tell which one committed the row
      Scenarios.assertAllPassed(
          Scenarios.run(LeakerAndBystander.class, ParallelTest.parallel(2)), 2);
      Scenarios.assertAllPassed(AfterTheLeak.class, 1);
    }

    @Test
    void warnReportsWithoutFailingAndStillRemovesTheRows() {
      Scenarios.assertAllPassed(
          Scenarios.run(CommitsOnItsOwnConnection.class, Map.of(FixtureProperties.LEAKS, "warn")),
          2);
    }

    @Scenario
    @FixtureTest(entities = {ExPerson.class, ExNote.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class LeaksUnwatched {

      @Test
      @Order(1)
      void leaks(Database database) {
        insertOnOwnConnection(database, EMAIL);
      }

      @Test
      @Order(2)
      void theRowsStay(Database database) {
        assertThat(committedCount(database, "ex_people")).isEqualTo(1);
        try (Connection connection = database.dataSource().getConnection();
            Statement statement = connection.createStatement()) {
          connection.setAutoCommit(true);
          statement.executeUpdate("delete from ex_people");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @Test
    void offDoesNotLook() {
      Scenarios.assertAllPassed(
          Scenarios.run(LeaksUnwatched.class, Map.of(FixtureProperties.LEAKS, "off")), 2);
    }

    @Scenario
    @FixtureTest(entities = ExPerson.class)
    static class AnyTest {
      @Test
      void test(Factory<ExPerson> people) {
        people.create();
      }
    }

    @Test
    void anUnknownValueIsRefused() {
      Throwable failure =
          Scenarios.onlyFailure(
              Scenarios.run(AnyTest.class, Map.of(FixtureProperties.LEAKS, "loud")));
      assertThat(failure).hasMessage("fixturekit.leaks is [loud]; expected one of fail, warn, off");
    }
  }
}
