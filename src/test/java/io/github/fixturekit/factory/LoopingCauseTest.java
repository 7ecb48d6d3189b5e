package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.internal.Causes;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An exception of the application's own whose cause chain loops back (initCause allows it) goes
 * through a factory as it is: fixturekit looks down the chain for the database's errors, once.
 */
@FixtureTest(entities = LoopingCauseTest.Gadget.class)
class LoopingCauseTest {

  @Entity
  @Table(name = "lc_gadgets")
  public static class Gadget {
    @Id @GeneratedValue Long id;
    String name;

    @Transient boolean failOnPersist;

    @PrePersist
    void check() {
      if (failOnPersist) {
        RuntimeException first = new IllegalStateException("gadget refused");
        RuntimeException second = new IllegalArgumentException("because of the first", first);
        first.initCause(second);
        throw first;
      }
    }
  }

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void reachesTheTestAndTheSessionGoesOn(Factory<Gadget> gadgets, Session session) {
    Throwable thrown = catchThrowable(() -> gadgets.create(g -> g.failOnPersist = true));

    // (AssertJ's root-cause assertions would loop on this chain themselves)
    assertThat(Causes.of(thrown))
        .extracting(Throwable::getMessage)
        .contains("gadget refused", "because of the first");
    assertThat(session.isOpen()).isTrue();
    assertThat(gadgets.create().id).isNotNull();
  }
}
