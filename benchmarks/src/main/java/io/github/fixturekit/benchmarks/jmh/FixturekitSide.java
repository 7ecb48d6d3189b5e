package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.Factory;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import org.hibernate.Session;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The fixturekit side of every pair: a Hibernate session on a database of its own, whose transaction
 * lasts one measurement iteration, with the factories a test would get, and a user to own tokens.
 */
@State(Scope.Benchmark)
public class FixturekitSide {

  HibernateState hibernate;
  Session session;
  Factory<User> users;
  RefreshTokenFactory<RefreshToken> tokens;
  User owner;

  @Setup(Level.Trial)
  public void start() {
    hibernate = new HibernateState();
  }

  @Setup(Level.Iteration)
  public void begin() {
    session = hibernate.begin();
    users = Factory.of(session, User.class);
    tokens = RefreshTokenFactory.of(session, RefreshToken.class);
    owner = users.create();
  }

  /** Clears the session every few calls, as a test's session stays small; the owner is kept. */
  void keepSessionSmall() {
    if (hibernate.clearNow()) {
      owner = session.getReference(User.class, owner.getId());
    }
  }

  @TearDown(Level.Iteration)
  public void rollback() {
    hibernate.rollback();
  }

  @TearDown(Level.Trial)
  public void stop() {
    hibernate.close();
  }
}
