package io.github.fixturekit.benchmarks.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** One test that creates a row: the time to it, from the JVM's start, is the time to first test. */
@FixtureTest(entities = {User.class, RefreshToken.class})
public class FirstTest {

  @Test
  void createsAUser(Factory<User> users, Session session) {
    User user = users.create();
    assertThat(session.find(User.class, user.getId())).isSameAs(user);
  }
}
