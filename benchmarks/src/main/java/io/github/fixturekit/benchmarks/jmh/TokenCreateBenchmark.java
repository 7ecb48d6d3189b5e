package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.Factory;
import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.benchmarks.model.User;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code tokens.create(owner)} against a raw JDBC {@code INSERT ... RETURNING} of the same row
 * (raw token, SHA-256 hash, family, expiry computed the same way), inside one transaction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCreateBenchmark {

  @State(Scope.Benchmark)
  public static class Fixturekit {
    HibernateState hibernate;
    Session session;
    RefreshTokenFactory<RefreshToken> tokens;
    User owner;

    @Setup(Level.Trial)
    public void start() {
      hibernate = new HibernateState();
    }

    @Setup(Level.Iteration)
    public void begin() {
      session = hibernate.begin();
      tokens = RefreshTokenFactory.of(session, RefreshToken.class);
      owner = Factory.of(session, User.class).create();
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

  @State(Scope.Benchmark)
  public static class Jdbc {
    JdbcState jdbc;
    long owner;

    @Setup(Level.Trial)
    public void start() throws SQLException {
      jdbc = new JdbcState();
    }

    @Setup(Level.Iteration)
    public void begin() throws SQLException {
      owner = jdbc.insertAndSelectUser();
    }

    @TearDown(Level.Iteration)
    public void rollback() throws SQLException {
      jdbc.rollback();
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
      jdbc.close();
    }
  }

  @Benchmark
  public IssuedToken<RefreshToken> fixturekit(Fixturekit state) {
    if (state.hibernate.clearNow()) {
      state.owner = state.session.getReference(User.class, state.owner.getId());
    }
    return state.tokens.create(state.owner);
  }

  @Benchmark
  public String jdbc(Jdbc state) throws SQLException {
    return state.jdbc.insertToken(state.owner);
  }
}
