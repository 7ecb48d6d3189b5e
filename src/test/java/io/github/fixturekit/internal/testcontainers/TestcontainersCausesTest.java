package io.github.fixturekit.internal.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a failed image pull reports: each distinct message down the cause chain, without Docker. */
class TestcontainersCausesTest {

  @Test
  void everyDistinctMessageDownTheChainInOrder() {
    Throwable failure =
        new IllegalStateException(
            "Container startup failed",
            new RuntimeException(
                "  pull access denied  ", new IOException("Container startup failed")));

    assertThat(TestcontainersDatabase.causes(failure))
        .isEqualTo("Container startup failed; pull access denied");
  }

  @Test
  void anExceptionWithoutAMessageIsNamedByItsType() {
    assertThat(TestcontainersDatabase.causes(new RuntimeException(new IOException())))
        .isEqualTo("java.io.IOException; IOException");
  }

  @Test
  void sixMessagesAtMost() {
    Throwable chain = new RuntimeException("7");
    for (int i = 6; i >= 1; i--) {
      chain = new RuntimeException(Integer.toString(i), chain);
    }

    assertThat(TestcontainersDatabase.causes(chain)).isEqualTo("1; 2; 3; 4; 5; 6");
  }

  @Test
  void aChainThatLoopsBackIsFollowedOnce() {
    RuntimeException first = new RuntimeException("first");
    IllegalStateException second = new IllegalStateException("second");
    first.initCause(second);
    second.initCause(first);

    assertThat(TestcontainersDatabase.causes(first)).isEqualTo("first; second");
  }
}
