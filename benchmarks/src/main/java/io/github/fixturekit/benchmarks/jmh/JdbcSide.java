package io.github.fixturekit.benchmarks.jmh;

import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The raw JDBC side of every pair: one connection to a database of its own, whose transaction lasts
 * one measurement iteration, and a user row to own tokens.
 */
@State(Scope.Benchmark)
public class JdbcSide {

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
