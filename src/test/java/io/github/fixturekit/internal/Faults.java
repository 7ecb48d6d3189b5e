package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.extension.model.ExPerson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * What the fault tests share: marker files through which a run in another JVM and the test that
 * watches it meet, a run that is killed in the middle of its test, and the ordinary run after it.
 */
public final class Faults {

  private Faults() {}

  /** Where a scenario and the test that runs it meet: marker files in this folder. */
  public static final String SIGNALS = "fixturekit.test.signals";

  public static Path signal(String name) {
    return Path.of(System.getProperty(SIGNALS)).resolve(name);
  }

  /** Creates marker {@code name}. */
  public static void raise(String name) {
    try {
      Files.writeString(signal(name), Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void await(Path marker, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(marker)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + marker + " within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** A run that is killed (SIGKILL) while its test runs: no shutdown hook, no cleanup. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  public static class KilledDuringTheRun {

    @Test
    void whileTheJvmIsKilled(Factory<ExPerson> people) throws InterruptedException {
      people.createList(2);
      raise("running");
      Thread.sleep(Duration.ofMinutes(3).toMillis());
    }
  }

  /** The next run: one ordinary test. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  public static class NextRun {

    @Test
    void worksNormally(Factory<ExPerson> people, Session session) {
      people.createList(2);
      assertThat(
              session
                  .createNativeQuery("select count(*) from ex_people", Long.class)
                  .getSingleResult())
          .isEqualTo(2);
    }
  }

  /** Starts {@code jvm}, waits until its test runs, then kills it with SIGKILL; returns its pid. */
  public static long killDuringItsTest(ChildJvm jvm, Path signals) throws Exception {
    Process child = jvm.property(SIGNALS, signals.toString()).launch();
    try {
      await(signals.resolve("running"), Duration.ofMinutes(2));
    } finally {
      child.destroyForcibly(); // SIGKILL
      child.waitFor();
    }
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    return child.pid();
  }
}
