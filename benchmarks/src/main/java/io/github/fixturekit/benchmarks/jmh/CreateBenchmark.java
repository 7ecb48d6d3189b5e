package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.Factory;
import io.github.fixturekit.benchmarks.model.User;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@code Factory.create()} of a user against raw JDBC insert plus select of the same row. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreateBenchmark {

  @State(Scope.Benchmark)
  public static class Fixturekit {
    HibernateState hibernate;
    Factory<User> users;

    @Setup(Level.Trial)
    public void start() {
      hibernate = new HibernateState();
    }

    @Setup(Level.Iteration)
    public void begin() {
      users = Factory.of(hibernate.begin(), User.class);
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

    @Setup(Level.Trial)
    public void start() throws SQLException {
      jdbc = new JdbcState();
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
  public User fixturekit(Fixturekit state) {
    state.hibernate.clearNow();
    return state.users.create();
  }

  @Benchmark
  public long jdbc(Jdbc state) throws SQLException {
    return state.jdbc.insertAndSelectUser();
  }
}
