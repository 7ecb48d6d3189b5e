package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.captured;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fixturekit builds one SessionFactory per distinct entity set, however the set is declared and
 * however many classes (and runs) use it; another set gets another SessionFactory.
 */
class SessionFactorySharingTest {

  @BeforeEach
  void clear() {
    Scenarios.CAPTURED.clear();
  }

  static void record(String key, SessionFactory sessionFactory, Session session) {
    assertThat(session.getSessionFactory()).isSameAs(sessionFactory);
    assertThat(sessionFactory.isOpen()).isTrue();
    captured(key).add(sessionFactory);
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class PersonAndNote {

    @Test
    void first(SessionFactory sessionFactory, Session session) {
      record("person and note", sessionFactory, session);
    }

    @Test
    void second(SessionFactory sessionFactory, Session session) {
      record("person and note", sessionFactory, session);
    }
  }

  @Scenario
  @FixtureTest(entities = {ExNote.class, ExPerson.class})
  static class NoteAndPerson {

    @Test
    void test(SessionFactory sessionFactory, Session session) {
      record("note and person", sessionFactory, session);
    }
  }

  @Scenario
  static class PersonAndNoteByBuilder {

    @RegisterExtension
    static FixtureExtension fixtures =
        FixtureExtension.builder().entities(ExNote.class, ExPerson.class).build();

    @Test
    void test(SessionFactory sessionFactory, Session session) {
      record("builder", sessionFactory, session);
    }
  }

  @Scenario
  @ExtendWith(FixtureExtension.class)
  static class PersonAndNoteByConfiguration {

    @Test
    void test(SessionFactory sessionFactory, Session session) {
      record("configured", sessionFactory, session);
    }
  }

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class PersonOnly {

    @Test
    void test(SessionFactory sessionFactory, Session session) {
      record("person only", sessionFactory, session);
    }
  }

  static SessionFactory only(String key) {
    List<Object> factories = captured(key);
    assertThat(factories).as(key).isNotEmpty();
    assertThat(factories)
        .as(key + ": one SessionFactory for all its tests")
        .allSatisfy(f -> assertThat(f).isSameAs(factories.get(0)));
    return (SessionFactory) factories.get(0);
  }

  @Test
  void twoClassesWithTheSameEntitySetShareOneSessionFactory() {
    Scenarios.assertAllPassed(PersonAndNote.class, 2);
    Scenarios.assertAllPassed(NoteAndPerson.class, 1);
    assertThat(only("person and note")).isSameAs(only("note and person"));
  }

  @Test
  void aClassWithAnotherEntitySetGetsAnotherSessionFactory() {
    Scenarios.assertAllPassed(PersonAndNote.class, 2);
    Scenarios.assertAllPassed(PersonOnly.class, 1);
    assertThat(only("person only")).isNotSameAs(only("person and note"));
    assertThat(only("person and note").isOpen()).as("the other set's factory stays open").isTrue();
  }

  @Test
  void theSetDecidesNotHowItIsDeclared() {
    Scenarios.assertAllPassed(PersonAndNote.class, 2);
    Scenarios.assertAllPassed(PersonAndNoteByBuilder.class, 1);
    Scenarios.assertAllPassed(
        Scenarios.run(
            PersonAndNoteByConfiguration.class,
            Map.of(
                FixtureProperties.ENTITIES,
                ExNote.class.getName() + "," + ExPerson.class.getName())),
        1);
    assertThat(only("builder")).isSameAs(only("person and note"));
    assertThat(only("configured")).isSameAs(only("person and note"));
  }

  @Test
  void aLaterRunOfTheSameClassReusesTheSessionFactory() {
    Scenarios.assertAllPassed(PersonOnly.class, 1);
    Scenarios.assertAllPassed(PersonOnly.class, 1);
    assertThat(captured("person only")).hasSize(2);
    only("person only");
  }
}
