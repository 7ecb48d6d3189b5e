package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.CAPTURED;
import static io.github.fixturekit.extension.Scenarios.count;
import static io.github.fixturekit.extension.Scenarios.entityTypes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.discovery.DiscoveryTest;
import io.github.fixturekit.extension.discovery.DxBook;
import io.github.fixturekit.extension.discovery.DxShelf;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

/**
 * The three ways to use fixturekit: {@code @FixtureTest(entities = ...)}, a plain
 * {@code @ExtendWith(FixtureExtension.class)} that discovers its entities, and
 * {@code @RegisterExtension} with the builder; and the {@code fixturekit.entities} key, read as a
 * JUnit configuration parameter.
 */
class UsageModesTest {

  static final String PERSON = ExPerson.class.getName();
  static final String NOTE = ExNote.class.getName();

  @BeforeEach
  void clear() {
    CAPTURED.clear();
  }

  /** What every usage scenario does: a note with its person, and the set it was given. */
  static void createsANoteWithItsPerson(
      String usage, Factory<ExNote> notes, Session session, SessionFactory sessionFactory) {
    ExNote note = notes.create();
    assertThat(note.getId()).isNotNull();
    assertThat(note.getPerson().getId()).as("the required person is created too").isNotNull();
    assertThat(count(session, "ex_notes")).isEqualTo(1);
    assertThat(count(session, "ex_people")).isEqualTo(1);
    CAPTURED.put(usage, entityTypes(sessionFactory));
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class ListedInTheAnnotation {

    @Test
    void createsANote(Factory<ExNote> notes, Session session, SessionFactory sessionFactory) {
      createsANoteWithItsPerson("annotation", notes, session, sessionFactory);
    }
  }

  @Test
  void fixtureTestWithListedEntities() {
    Scenarios.assertAllPassed(ListedInTheAnnotation.class, 1);
    assertThat(CAPTURED.get("annotation")).isEqualTo(Set.of(ExPerson.class, ExNote.class));
  }

  @Scenario
  static class RegisteredWithTheBuilder {

    @RegisterExtension
    static FixtureExtension fixtures =
        FixtureExtension.builder().entities(ExPerson.class, ExNote.class).build();

    @Test
    void createsANote(Factory<ExNote> notes, Session session, SessionFactory sessionFactory) {
      createsANoteWithItsPerson("builder", notes, session, sessionFactory);
    }

    @Test
    void seesAnEmptyTable(Session session) {
      assertThat(count(session, "ex_notes")).isZero();
    }
  }

  @Test
  void registerExtensionWithTheBuilder() {
    Scenarios.assertAllPassed(RegisteredWithTheBuilder.class, 2);
    assertThat(CAPTURED.get("builder")).isEqualTo(Set.of(ExPerson.class, ExNote.class));
  }

  @Test
  void plainExtendWithDiscoversTheEntitiesOfItsPackage() {
    DiscoveryTest.lastSessionFactory = null;
    Scenarios.assertAllPassed(DiscoveryTest.class, 3);
    assertThat(DiscoveryTest.lastSessionFactory).isNotNull();
    assertThat(entityTypes(DiscoveryTest.lastSessionFactory))
        .containsExactlyInAnyOrder(DxShelf.class, DxBook.class);
  }

  @Test
  void aDiscoveredSetDoesNotReachEntitiesOutsideThePackage() {
    Events events = Scenarios.run(DiscoveryTest.AsksForAnEntityOutsideThePackage.class);
    events.assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    assertThat(Scenarios.onlyFailure(events))
        .isExactlyInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("[Factory<ExPerson>]")
        .hasMessageContaining("[" + PERSON + "] is not in the entity set [DxBook, DxShelf]")
        .hasMessageContaining("add ExPerson.class");
  }

  /** Discovery from this package would find the model's and the discovery package's entities. */
  @Scenario
  @ExtendWith(FixtureExtension.class)
  static class Configured {

    @Test
    void recordsItsEntitySet(SessionFactory sessionFactory, Session session) {
      assertThat(session.isOpen()).isTrue();
      CAPTURED.put("configured", entityTypes(sessionFactory));
    }
  }

  @Test
  void withoutTheKeyDiscoveryFindsEveryEntityUnderThisPackage() {
    Scenarios.assertAllPassed(Configured.class, 1);
    assertThat(CAPTURED.get("configured"))
        .isEqualTo(Set.of(ExPerson.class, ExNote.class, DxShelf.class, DxBook.class));
  }

  @Test
  void theEntitiesKeyNamesAClass() {
    Scenarios.assertAllPassed(
        Scenarios.run(Configured.class, Map.of(FixtureProperties.ENTITIES, PERSON)), 1);
    assertThat(CAPTURED.get("configured")).isEqualTo(Set.of(ExPerson.class));
  }

  @Test
  void theEntitiesKeyNamesSeveralClassesAndPackages() {
    Scenarios.assertAllPassed(
        Scenarios.run(
            Configured.class,
            Map.of(
                FixtureProperties.ENTITIES,
                " " + NOTE + " , " + PERSON + ",io.github.fixturekit.extension.discovery")),
        1);
    assertThat(CAPTURED.get("configured"))
        .isEqualTo(Set.of(ExPerson.class, ExNote.class, DxShelf.class, DxBook.class));

    Scenarios.assertAllPassed(
        Scenarios.run(
            Configured.class,
            Map.of(FixtureProperties.ENTITIES, "io.github.fixturekit.extension.discovery")),
        1);
    assertThat(CAPTURED.get("configured")).isEqualTo(Set.of(DxShelf.class, DxBook.class));
  }

  @Scenario
  @ExtendWith(FixtureExtension.class)
  static class ConfiguredFactories {

    @Test
    void personFactory(Factory<ExPerson> people, Session session) {
      people.createList(2);
      assertThat(count(session, "ex_people")).isEqualTo(2);
    }

    @Test
    void noteFactory(Factory<ExNote> notes) {}
  }

  @Test
  void theEntitiesKeyLimitsTheFactoriesToItsSet() {
    Events events =
        Scenarios.run(ConfiguredFactories.class, Map.of(FixtureProperties.ENTITIES, PERSON));
    events.assertStatistics(s -> s.started(2).failed(1).succeeded(1));
    assertThat(Scenarios.failedNames(events)).containsExactly("noteFactory(Factory)");
    assertThat(Scenarios.onlyFailure(events))
        .isExactlyInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("[" + NOTE + "] is not in the entity set [ExPerson]");
  }

  /** {@code @FixtureTest} without entities discovers them too, and so reads the key. */
  @Scenario
  @FixtureTest
  static class AnnotatedWithoutEntities {

    @Test
    void recordsItsEntitySet(SessionFactory sessionFactory, Factory<ExPerson> people) {
      people.create();
      CAPTURED.put("annotated without entities", entityTypes(sessionFactory));
    }
  }

  @Test
  void fixtureTestWithoutEntitiesReadsTheEntitiesKey() {
    Scenarios.assertAllPassed(
        Scenarios.run(AnnotatedWithoutEntities.class, Map.of(FixtureProperties.ENTITIES, PERSON)),
        1);
    assertThat(CAPTURED.get("annotated without entities")).isEqualTo(Set.of(ExPerson.class));
  }
}
