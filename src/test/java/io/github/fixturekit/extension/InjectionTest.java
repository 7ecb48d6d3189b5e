package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.CAPTURED;
import static io.github.fixturekit.extension.Scenarios.captured;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.Events;

/**
 * Where fixturekit's parameters can be declared: test methods, {@code @BeforeEach} and
 * {@code @AfterEach} methods (one session for all three), {@code @Nested} classes, parameterized
 * and repeated tests, and classes with one instance for all their tests.
 */
class InjectionTest {

  @BeforeEach
  void clear() {
    CAPTURED.clear();
  }

  // ---- @BeforeEach and @AfterEach ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class LifecycleMethods {

    Session fromBeforeEach;
    ExPerson preparedInBeforeEach;

    @BeforeEach
    void prepare(Session session, Factory<ExPerson> people) {
      fromBeforeEach = session;
      preparedInBeforeEach = people.create();
    }

    @Test
    void seesTheSameSessionAsBeforeEach(Session session, EntityManager entityManager) {
      assertThat(session).isSameAs(fromBeforeEach);
      assertThat(entityManager.unwrap(Session.class)).isSameAs(session);
      assertThat(session.contains(preparedInBeforeEach)).isTrue();
      assertThat(count(session, "ex_people")).isEqualTo(1);
      captured("test sessions").add(session);
    }

    @Test
    void seesTheRowOfBeforeEachThroughItsFactory(Factory<ExPerson> people, Session session) {
      assertThat(session).isSameAs(fromBeforeEach);
      people.create();
      assertThat(count(session, "ex_people")).isEqualTo(2);
      captured("test sessions").add(session);
    }

    @AfterEach
    void check(Session session, Factory<ExPerson> people) {
      assertThat(session).isSameAs(fromBeforeEach);
      assertThat(session.isOpen()).as("still open in @AfterEach").isTrue();
      assertThat(session.getTransaction().isActive()).as("transaction still active").isTrue();
      people.create();
      captured("after each sessions").add(session);
    }
  }

  @Test
  void beforeEachTestAndAfterEachShareOneSessionPerTest() {
    Scenarios.assertAllPassed(LifecycleMethods.class, 2);
    List<Object> tests = captured("test sessions");
    assertThat(tests).hasSize(2);
    assertThat(tests.get(0)).as("each test has a session of its own").isNotSameAs(tests.get(1));
    assertThat(captured("after each sessions"))
        .hasSize(2)
        .containsExactlyInAnyOrderElementsOf(tests);
    for (Object session : tests) {
      assertThat(((Session) session).isOpen()).as("closed after the test").isFalse();
    }
  }

  // ---- @Nested ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class WithNestedClasses {

    @Test
    void outer(Session session, SessionFactory sessionFactory, Factory<ExPerson> people) {
      people.create();
      assertThat(count(session, "ex_people")).isEqualTo(1);
      captured("factories").add(sessionFactory);
    }

    @Nested
    class Inner {

      Session fromBeforeEach;

      @BeforeEach
      void prepare(Session session) {
        fromBeforeEach = session;
      }

      @Test
      void inner(Session session, SessionFactory sessionFactory, Factory<ExPerson> people) {
        assertThat(session).isSameAs(fromBeforeEach);
        assertThat(count(session, "ex_people")).isZero();
        people.createList(2);
        assertThat(count(session, "ex_people")).isEqualTo(2);
        captured("factories").add(sessionFactory);
      }

      @Nested
      class Deeper {

        @Test
        void deepest(Session session, SessionFactory sessionFactory, Factory<ExPerson> people) {
          assertThat(session)
              .as("@BeforeEach of the enclosing class, same test")
              .isSameAs(fromBeforeEach);
          assertThat(count(session, "ex_people")).isZero();
          people.create();
          captured("factories").add(sessionFactory);
        }
      }
    }
  }

  @Test
  void nestedClassesOfAFixtureTestGetSessionsAndFactories() {
    Scenarios.assertAllPassed(WithNestedClasses.class, 3);
    assertThat(captured("factories")).hasSize(3);
    assertThat(Set.copyOf(captured("factories")))
        .as("nested classes use the entity set, and SessionFactory, of the enclosing class")
        .hasSize(1);
  }

  // ---- @ParameterizedTest ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class Parameterized {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.org", "bob@example.org", "ann@example.org"})
    void createsOnePerson(String email, Factory<ExPerson> people, Session session) {
      RollbackTest.failFastOnLocks(session);
      assertThat(count(session, "ex_people")).isZero();
      ExPerson person = people.create(p -> p.setEmail(email));
      assertThat(person.getEmail()).isEqualTo(email);
      assertThat(count(session, "ex_people")).isEqualTo(1);
      captured("sessions").add(session);
    }
  }

  @Test
  void parameterizedTestsTakeFixtureParametersAfterTheirArguments() {
    Scenarios.assertAllPassed(Parameterized.class, 3);
    assertThat(Set.copyOf(captured("sessions"))).as("a session per invocation").hasSize(3);
  }

  // ---- @RepeatedTest ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class Repeated {

    @RepeatedTest(3)
    void eachRepetitionStartsEmpty(Factory<ExPerson> people, Session session) {
      assertThat(count(session, "ex_people")).isZero();
      people.createList(2);
      assertThat(count(session, "ex_people")).isEqualTo(2);
      captured("sessions").add(session);
    }
  }

  @Test
  void everyRepetitionOfARepeatedTestSeesAnEmptyTable() {
    Scenarios.assertAllPassed(Repeated.class, 3);
    assertThat(Set.copyOf(captured("sessions"))).as("a session per repetition").hasSize(3);
  }

  // ---- @TestInstance(PER_CLASS) ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class OneInstanceForAllTests {

    final List<Session> sessions = new ArrayList<>();
    Session fromBeforeEach;

    @BeforeEach
    void prepare(Session session) {
      fromBeforeEach = session;
    }

    @Test
    @Order(1)
    void first(Session session, Factory<ExPerson> people) {
      assertThat(session).isSameAs(fromBeforeEach);
      people.createList(2);
      assertThat(count(session, "ex_people")).isEqualTo(2);
      sessions.add(session);
    }

    @Test
    @Order(2)
    void second(Session session, Factory<ExPerson> people) {
      assertThat(session).isSameAs(fromBeforeEach);
      assertThat(session).isNotSameAs(sessions.get(0));
      assertThat(sessions.get(0).isOpen()).as("the first test's session is closed").isFalse();
      assertThat(count(session, "ex_people")).isZero();
      people.create();
      sessions.add(session);
    }

    @AfterEach
    void check(Session session) {
      assertThat(session).isSameAs(fromBeforeEach);
    }
  }

  @Test
  void aClassWithOneInstanceForAllTestsStillGetsASessionPerTest() {
    Scenarios.assertAllPassed(OneInstanceForAllTests.class, 2);
  }

  // ---- other resolvers' parameters ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class ForeignParameters {

    @Test
    void withTestInfo(TestInfo info, Session session, Factory<ExPerson> people) {
      assertThat(info.getTestMethod()).isPresent();
      people.create();
      assertThat(count(session, "ex_people")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "second"})
    void withAnArgumentAndTestInfo(
        String word, TestInfo info, Session session, Factory<ExPerson> people) {
      assertThat(info.getDisplayName()).contains(word);
      people.create(p -> p.setName(word));
      assertThat(count(session, "ex_people")).isEqualTo(1);
    }

    @RepeatedTest(2)
    void withRepetitionInfo(RepetitionInfo repetition, Session session) {
      assertThat(repetition.getTotalRepetitions()).isEqualTo(2);
      assertThat(count(session, "ex_people")).isZero();
    }

    @Test
    void withTempDir(@TempDir Path directory, Session session) {
      assertThat(Files.isDirectory(directory)).isTrue();
      assertThat(session.isOpen()).isTrue();
    }
  }

  @Test
  void fixturekitLeavesOtherParametersToTheirResolvers() {
    Events events = Scenarios.assertAllPassed(ForeignParameters.class, 6);
    assertThat(events.succeeded().count()).isEqualTo(6);
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class UnsupportedHibernateType {

    @Test
    void takesAStatelessSession(StatelessSession session) {}
  }

  @Test
  void aHibernateTypeFixturekitDoesNotProvideIsNotClaimed() {
    Throwable failure = Scenarios.onlyFailure(Scenarios.run(UnsupportedHibernateType.class));
    assertThat(failure)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining(
            "No ParameterResolver registered for parameter [org.hibernate.StatelessSession");
  }
}
