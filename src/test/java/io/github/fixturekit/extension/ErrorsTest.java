package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import org.assertj.core.api.SoftAssertions;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;

/**
 * What a user sees when a test asks for something fixturekit cannot give, or a class is configured
 * wrongly: the exception type, and a message that names the problem and the fix. After each, a
 * normal test still passes.
 */
class ErrorsTest {

  static final String PERSON = ExPerson.class.getName();
  static final String NOTE = ExNote.class.getName();

  /** A normal test, run after a broken one. */
  static void worksNormally(Factory<ExPerson> people, Session session) {
    RollbackTest.failFastOnLocks(session);
    assertThat(count(session, "ex_people")).isZero();
    people.createList(2);
    assertThat(count(session, "ex_people")).isEqualTo(2);
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class Healthy {

    @Test
    void worksNormally(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }
  }

  /**
   * Runs the broken scenario, returns what its one failing event threw, then checks a healthy run.
   */
  static Throwable failureOf(Class<?> broken, int tests, int failed) {
    Events events = Scenarios.run(broken);
    events.assertStatistics(s -> s.started(tests).failed(failed).succeeded(tests - failed));
    Throwable failure = Scenarios.failures(events).get(0);
    Scenarios.assertAllPassed(Healthy.class, 1);
    return failure;
  }

  /**
   * Asserts the exception a user sees: its exact type, the key parts of its message, and that it
   * comes alone (nothing suppressed, which a report would print a second time). Soft, so that one
   * run shows every difference.
   */
  static void assertFailure(Throwable failure, Class<? extends Throwable> type, String... parts) {
    SoftAssertions.assertSoftly(
        soft -> {
          soft.assertThat(failure).as("the exception type").isExactlyInstanceOf(type);
          for (String part : parts) {
            soft.assertThat(failure.getMessage()).as("the message").contains(part);
          }
          soft.assertThat(failure.getSuppressed())
              .as("suppressed exceptions of %s", Scenarios.stackTrace(failure))
              .isEmpty();
        });
  }

  // ---- parameters ----

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FactoryOfAnUnlistedEntity {

    @Test
    @Order(1)
    void asksForNotes(Factory<ExNote> notes) {}

    @Test
    @Order(2)
    void worksNormally(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }
  }

  @Test
  void factoryOfAnEntityNotInTheSet() {
    assertFailure(
        failureOf(FactoryOfAnUnlistedEntity.class, 2, 1),
        ParameterResolutionException.class,
        "[Factory<ExNote>]",
        "[" + NOTE + "] is not in the entity set [ExPerson]",
        "add ExNote.class to @FixtureTest(entities = {...})");
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class FactoryOfANonEntity {

    @Test
    @Order(1)
    void asksForStrings(Factory<String> strings) {}

    @Test
    @Order(2)
    void worksNormally(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }
  }

  @Test
  void factoryOfAClassThatIsNotAnEntity() {
    assertFailure(
        failureOf(FactoryOfANonEntity.class, 2, 1),
        ParameterResolutionException.class,
        "[Factory<String>]",
        "[java.lang.String] is not a JPA @Entity");
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class RawFactory {

    @Test
    @Order(1)
    void asksForARawFactory(@SuppressWarnings("rawtypes") Factory factory) {}

    @Test
    @Order(2)
    void asksForAWildcardFactory(Factory<?> factory) {}

    @Test
    @Order(3)
    void worksNormally(Factory<ExPerson> people, Session session) {
      ErrorsTest.worksNormally(people, session);
    }
  }

  @Test
  void factoryWithoutItsEntityType() {
    Events events = Scenarios.run(RawFactory.class);
    events.assertStatistics(s -> s.started(3).failed(2).succeeded(1));
    assertFailure(
        Scenarios.failures(events).get(0),
        ParameterResolutionException.class,
        "[Factory] needs its entity type",
        "Factory<YourEntity>");
    assertFailure(
        Scenarios.failures(events).get(1),
        ParameterResolutionException.class,
        "[Factory<?>] needs its entity type",
        "Factory<YourEntity>");
    Scenarios.assertAllPassed(Healthy.class, 1);
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class SessionInTheConstructor {

    SessionInTheConstructor(Session session) {}

    @Test
    void test() {}
  }

  @Test
  void sessionAsAConstructorParameter() {
    assertFailure(
        failureOf(SessionInTheConstructor.class, 1, 1),
        ParameterResolutionException.class,
        "fixturekit provides [Session] to test methods and @BeforeEach/@AfterEach methods only",
        "SessionInTheConstructor(org.hibernate.Session)");
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class SessionInBeforeAll {

    @BeforeAll
    static void prepare(Session session) {}

    @Test
    void test() {}
  }

  @Test
  void sessionAsABeforeAllParameter() {
    Events containers = Scenarios.execute(SessionInBeforeAll.class).containerEvents();
    assertFailure(
        Scenarios.onlyFailure(containers),
        ParameterResolutionException.class,
        "fixturekit provides [Session] to test methods and @BeforeEach/@AfterEach methods only",
        "prepare(org.hibernate.Session)");
    Scenarios.assertAllPassed(Healthy.class, 1);
  }

  // ---- configuration ----

  @Scenario
  @FixtureTest(entities = String.class)
  static class NonEntityListed {

    @Test
    void test(Session session) {}
  }

  @Test
  void aListedClassThatIsNotAnEntity() {
    assertFailure(
        failureOf(NonEntityListed.class, 1, 1),
        ExtensionConfigurationException.class,
        "[java.lang.String] in @FixtureTest(entities) of [NonEntityListed]",
        "is not a JPA @Entity");
  }

  @Scenario
  @FixtureTest(entities = ExNote.class)
  static class AssociationTargetMissing {

    @Test
    void test(Factory<ExNote> notes) {}
  }

  @Test
  void anEntityWhoseAssociationLeadsOutOfTheSet() {
    assertFailure(
        failureOf(AssociationTargetMissing.class, 1, 1),
        ExtensionConfigurationException.class,
        "[ExNote.person] refers to [" + PERSON + "]",
        "add ExPerson.class");
  }
}
