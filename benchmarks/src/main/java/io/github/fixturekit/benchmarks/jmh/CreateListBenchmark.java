package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.benchmarks.model.User;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** {@code Factory.createList(1000)} of users against a raw JDBC {@code executeBatch} of 1000 rows. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CreateListBenchmark {

  static final int ROWS = 1000;
  static final int BATCH = 50;

  @Benchmark
  public List<User> fixturekit(FixturekitSide side) {
    List<User> made = side.users.createList(ROWS);
    // the next list starts on an empty session, as the raw side's next batch starts afresh
    side.session.clear();
    return made;
  }

  @Benchmark
  public int[] jdbc(JdbcSide side) throws SQLException {
    int[] last = null;
    try (PreparedStatement insert = side.jdbc.prepareInsertUser()) {
      for (int i = 0; i < ROWS; i++) {
        side.jdbc.bindUser(insert);
        insert.addBatch();
        if ((i + 1) % BATCH == 0) {
          last = insert.executeBatch();
        }
      }
    }
    return last;
  }
}
