package io.github.fixturekit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.extension.Scenario;
import io.github.fixturekit.extension.model.ExPerson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the database, for real: a server of the test's own is stopped while a run in another
 * JVM uses it. The remaining tests of that run must fail fast, with a message that says what
 * happened, and the run must end without hanging or leaving processes behind.
 */
@Tag("faults")
class DatabaseFaultsTest {

  /** Where a scenario and the test that runs it meet: marker files in this folder. */
  static final String SIGNALS = "fixturekit.test.signals";

  static Path signal(String name) {
    return Path.of(System.getProperty(SIGNALS)).resolve(name);
  }

  /** Creates marker {@code name}. */
  static void raise(String name) {
    try {
      Files.writeString(signal(name), Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void await(Path marker, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(marker)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + marker + " within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /** A run whose server is stopped during its first test. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class ServerStopsDuringTheRun {

    @Test
    @Order(1)
    void whileTheServerStops(Factory<ExPerson> people, Session session) throws InterruptedException {
      people.createList(2);
      raise("running");
      await(signal("stopped"), Duration.ofMinutes(2));
      long stopped = System.nanoTime();
      try {
        people.create();
      } finally {
        ChildMain.fact("failed-after-the-stop-millis", Long.toString((System.nanoTime() - stopped) / 1_000_000));
      }
    }

    @Test
    @Order(2)
    void second(Factory<ExPerson> people) {
      people.create();
    }

    @Test
    @Order(3)
    void third(Factory<ExPerson> people) {
      people.create();
    }

    @Test
    @Order(4)
    void fourth(Session session) {
      session.createNativeQuery("select 1", Integer.class).getSingleResult();
    }
  }

  @Test
  void theServerStopsDuringARunAndTheRemainingTestsFailFast(@TempDir Path signals) throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    int port = server.getPort();
    Process child;
    ChildJvm jvm;
    try {
      jvm =
          ChildJvm.suite(ServerStopsDuringTheRun.class)
              .env("FIXTUREKIT_DATABASE", "external")
              .env("FIXTUREKIT_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres")
              .env("FIXTUREKIT_JDBC_USER", "postgres")
              .property(SIGNALS, signals.toString())
              .timeout(Duration.ofMinutes(3));
      child = jvm.launch();
      await(signals.resolve("running"), Duration.ofMinutes(2));
    } finally {
      server.close();
    }
    Files.writeString(signals.resolve("stopped"), "");
    ChildJvm.Result result = jvm.await(child);

    List<ChildJvm.TestRun> tests = result.tests();
    assertThat(tests).as("%s", result).hasSize(4).allMatch(ChildJvm.TestRun::failed);
    assertThat(Long.parseLong(result.fact("failed-after-the-stop-millis")))
        .as("the running test's wait, once the server was gone")
        .isLessThan(10_000);
    assertThat(tests.subList(1, tests.size()))
        .as("each remaining test's time, in ms")
        .allMatch(t -> t.millis() < 10_000, "under 10 s");
    assertThat(result.output())
        .as("%s", result)
        .contains("stopped answering during [ServerStopsDuringTheRun.whileTheServerStops(Factory, Session)]")
        .contains("[ServerStopsDuringTheRun.fourth(Session)] did not run: fixturekit's database at [jdbc:postgresql://127.0.0.1:" + port);
    assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(postgresProcessesOnPort(port)).as("server processes left").isEmpty();
  }

  /** PostgreSQL processes started with {@code -p port}. */
  static List<ProcessHandle> postgresProcessesOnPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains(Integer.toString(port))).orElse(false))
        .toList();
  }
}
