package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.captured;
import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.extension.model.ExNote;
import io.github.fixturekit.extension.model.ExPerson;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Under JUnit's parallel mode, classes and methods running at once share one database and one
 * SessionFactory per entity set, and each test still sees only its own rows.
 */
class ParallelExecutionTest {

  @BeforeEach
  void clear() {
    Scenarios.CAPTURED.clear();
  }

  abstract static class ConcurrentTests {

    @RepeatedTest(4)
    void createsItsOwnRows(
        Factory<ExPerson> people, Session session, SessionFactory sessionFactory, Database database)
        throws Exception {
      people.createList(3);
      Thread.sleep(40); // let the other tests overlap this one
      assertThat(count(session, "ex_people")).as("only this test's rows").isEqualTo(3);
      captured("session factories").add(sessionFactory);
      captured("threads").add(Thread.currentThread().getName());
      try (Connection connection = database.dataSource().getConnection();
          ResultSet rs =
              connection
                  .createStatement()
                  .executeQuery("select current_database(), current_schema()")) {
        rs.next();
        captured("places").add(rs.getString(1) + "/" + rs.getString(2));
      }
    }
  }

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class First extends ConcurrentTests {}

  @Scenario
  @FixtureTest(entities = {ExNote.class, ExPerson.class})
  static class Second extends ConcurrentTests {}

  @Scenario
  @FixtureTest(entities = {ExPerson.class, ExNote.class})
  static class Third extends ConcurrentTests {}

  @Test
  void classesAndMethodsAtOnceShareOneDatabaseAndOneSessionFactory() throws SQLException {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(Scenario.PARAMETER, "true")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "6")
            .selectors(
                selectClass(First.class), selectClass(Second.class), selectClass(Third.class))
            .execute()
            .testEvents();

    Scenarios.assertAllPassed(events, 12);
    List<Object> factories = captured("session factories");
    assertThat(factories).hasSize(12);
    assertThat(identities(factories)).as("one SessionFactory").hasSize(1);
    assertThat(new HashSet<>(captured("places"))).as("one database and schema").hasSize(1);
    assertThat(new HashSet<>(captured("threads")))
        .as("tests ran on several threads")
        .hasSizeGreaterThan(1);
  }

  private static Set<Integer> identities(List<Object> objects) {
    Set<Integer> identities = new HashSet<>();
    objects.forEach(o -> identities.add(System.identityHashCode(o)));
    return identities;
  }
}
