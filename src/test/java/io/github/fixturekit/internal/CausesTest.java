package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Cause chains as fixturekit walks them: each exception once, however the chain was made. */
class CausesTest {

  @Test
  void aFailureAndEachOfItsCausesInOrder() {
    SQLException sql = new SQLException("broken pipe", "08006");
    IOException io = new IOException("read failed", sql);
    IllegalStateException top = new IllegalStateException("flush failed", io);

    assertThat(Causes.of(top)).containsExactly(top, io, sql);
    assertThat(Causes.of(sql)).containsExactly(sql);
  }

  @Test
  void anExceptionThatIsItsOwnCauseIsThereOnce() {
    RuntimeException own =
        new RuntimeException("own cause") {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };

    assertThat(Causes.of(own)).containsExactly(own);
  }

  @Test
  void aChainThatLoopsBackEndsWhereItWouldRepeat() {
    RuntimeException first = new RuntimeException("first");
    IllegalStateException second = new IllegalStateException("second");
    IllegalArgumentException third = new IllegalArgumentException("third");
    first.initCause(second);
    second.initCause(third);
    third.initCause(first);

    assertThat(Causes.of(first)).containsExactly(first, second, third);
    assertThat(Causes.of(third)).containsExactly(third, first, second);
  }
}
