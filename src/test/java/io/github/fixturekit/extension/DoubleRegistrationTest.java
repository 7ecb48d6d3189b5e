package io.github.fixturekit.extension;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.FixtureExtension;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.model.ExPerson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;

/**
 * Two registrations of the extension on one test would open two sessions, one of which nobody
 * closes; each such test fails at once with the reason, and no connection is left behind.
 */
class DoubleRegistrationTest {

  @Scenario
  @FixtureTest(entities = ExPerson.class)
  static class OuterAndNested {

    @Nested
    class AlsoRegistered {
      @RegisterExtension
      final FixtureExtension again = FixtureExtension.builder().entities(ExPerson.class).build();

      // More repetitions than the pool has connections: a leak would show as a pool timeout.
      @RepeatedTest(12)
      void runs() {}
    }
  }

  @Test
  void everyTestFailsFastWithTheReasonAndLeaksNoConnection() {
    long started = System.nanoTime();
    Events events = Scenarios.run(OuterAndNested.class);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(events.started().count()).isEqualTo(12);
    List<Throwable> failures = Scenarios.failures(events);
    assertThat(failures).hasSize(12);
    assertThat(failures)
        .allSatisfy(
            failure ->
                assertThat(failure)
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("FixtureExtension is registered twice")
                    .hasMessageContaining("keep one registration"));
    assertThat(took)
        .as("no test waited for a pooled connection")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theEntitySetStillWorksAfterwards() {
    Scenarios.run(OuterAndNested.class);
    Scenarios.assertAllPassed(RollbackTest.CreateThenCheck.class, 2);
  }
}
