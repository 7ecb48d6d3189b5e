package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up builds a SessionFactory with no database at all, and never fails a run. */
class BootstrapWarmUpTest {

  @Test
  void buildsAnEntitySetsSessionFactoryWithoutAConnection() {
    EntitySet entities = EntitySet.of(List.of(Member.class, SessionToken.class), "a test", "it");

    assertThat(BootstrapWarmUp.run(entities)).isTrue();
  }

  @Test
  void aMappingHibernateRefusesIsLeftToTheRealBuild() {
    EntitySet entities = EntitySet.of(List.of(TwoFieldsOneColumn.class), "a test", "it");

    assertThat(BootstrapWarmUp.run(entities)).isFalse();
  }

  @Test
  void runsOnADaemonThreadThatEnds() throws InterruptedException {
    EntitySet entities = EntitySet.of(List.of(TwoFieldsOneColumn.class), "a test", "it");

    Thread thread = BootstrapWarmUp.start(entities);
    thread.join(60_000);

    assertThat(thread.isDaemon()).isTrue();
    assertThat(thread.isAlive()).isFalse();
  }

  /** Hibernate refuses two fields mapped to one column. */
  @Entity
  static class TwoFieldsOneColumn {
    @Id Long id;

    @Column(name = "label")
    String name;

    @Column(name = "label")
    String title;
  }
}
