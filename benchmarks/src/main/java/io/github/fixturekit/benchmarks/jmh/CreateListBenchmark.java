package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.Factory;
import io.github.fixturekit.benchmarks.model.User;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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

/** {@code Factory.createList(1000)} of users against a raw JDBC {@code executeBatch} of 1000 rows. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateListBenchmark {

  static final int ROWS = 1000;
  static final int BATCH = 50;

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
  public List<User> fixturekit(Fixturekit state) {
    List<User> made = state.users.createList(ROWS);
    // the next list starts on an empty session, as the raw side's next batch starts afresh
    state.hibernate.session().clear();
    return made;
  }

  @Benchmark
  public int[] jdbc(Jdbc state) throws SQLException {
    int[] last = null;
    try (PreparedStatement insert = state.jdbc.prepareInsertUser()) {
      for (int i = 0; i < ROWS; i++) {
        state.jdbc.bindUser(insert);
        insert.addBatch();
        if ((i + 1) % BATCH == 0) {
          last = insert.executeBatch();
        }
      }
    }
    return last;
  }
}
