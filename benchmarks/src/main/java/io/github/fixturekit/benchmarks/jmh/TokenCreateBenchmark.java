package io.github.fixturekit.benchmarks.jmh;

import io.github.fixturekit.benchmarks.model.RefreshToken;
import io.github.fixturekit.tokens.IssuedToken;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * {@code tokens.create(owner)} against a raw JDBC {@code INSERT ... RETURNING} of the same row
 * (raw token, SHA-256 hash, family, expiry computed the same way), inside one transaction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCreateBenchmark {

  @Benchmark
  public IssuedToken<RefreshToken> fixturekit(FixturekitSide side) {
    side.keepSessionSmall();
    return side.tokens.create(side.owner);
  }

  @Benchmark
  public String jdbc(JdbcSide side) throws SQLException {
    return side.jdbc.insertToken(side.owner);
  }
}
