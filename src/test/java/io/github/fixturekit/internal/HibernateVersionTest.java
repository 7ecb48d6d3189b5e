package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.Version;
import org.junit.jupiter.api.Test;

class HibernateVersionTest {

  @Test
  void readsTheMajorOfAVersionString() {
    assertThat(HibernateVersion.major("6.6.33.Final")).isEqualTo(6);
    assertThat(HibernateVersion.major("7.4.16.Final")).isEqualTo(7);
    assertThat(HibernateVersion.major("[WORKING]")).isZero();
    assertThat(HibernateVersion.major(null)).isZero();
  }

  @Test
  void batchesInsertsFromHibernate7On() {
    int running = HibernateVersion.major(Version.getVersionString());
    assertThat(running).isBetween(6, 7);
    assertThat(HibernateVersion.major()).isEqualTo(running);
    assertThat(HibernateVersion.batchesInserts()).isEqualTo(running >= 7);
  }
}
