package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.benchmarks.model.User;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** {@code Factory.create()} of a user against raw JDBC insert plus select of the same row. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreateBenchmark {

  @Benchmark
  public User fixturekit(FixturekitSide side) {
    side.keepSessionSmall();
    return side.users.create();
  }

  @Benchmark
  public long jdbc(JdbcSide side) throws SQLException {
    return side.jdbc.insertAndSelectUser();
  }
}
