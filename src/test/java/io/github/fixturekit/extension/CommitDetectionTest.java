package io.github.fixturekit.extension;

import static io.github.fixturekit.extension.Scenarios.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.Events;

/**
 * Rollback isolation cannot undo a commit. A test that commits the injected session's transaction
 * fails, saying why, and fixturekit removes the committed rows so no later test sees them.
 */
class CommitDetectionTest {

  static final String COMMITTED = "committed@example.org";

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class CommitsItsTransaction {

    @Test
    @Order(1)
    void commits(Factory<ExPerson> people, Session session) {
      people.create(p -> p.setEmail(COMMITTED));
      session.getTransaction().commit();
      session.beginTransaction();
    }

    @Test
    @Order(2)
    void flushesOnly(Factory<ExPerson> people, Session session) {
      people.create();
      session.flush();
      assertThat(count(session, "ex_people")).as("the committed row was removed").isEqualTo(1);
    }
  }

  @Test
  void aTestThatCommitsFailsWithTheReasonAndTheNextTestPasses() {
    Events events = Scenarios.run(CommitsItsTransaction.class);

    assertThat(events.started().count()).isEqualTo(2);
    assertThat(Scenarios.failedNames(events)).containsExactly("commits(Factory, Session)");
    assertThat(Scenarios.onlyFailure(events))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("committed the transaction of the session fixturekit gave it")
        .hasMessageContaining("[ExPerson]")
        .hasMessageContaining("session.flush()");
  }
}
