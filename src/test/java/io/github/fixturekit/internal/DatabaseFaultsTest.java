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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
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

  private static final String SIGNALS = Faults.SIGNALS;

  /** A run whose server is stopped during its first test. */
  @Scenario
  @FixtureTest(entities = ExPerson.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  public static class ServerStopsDuringTheRun {

    @Test
    @Order(1)
    void whileTheServerStops(Factory<ExPerson> people, Session session)
        throws InterruptedException {
      people.createList(2);
      Faults.raise("running");
      Faults.await(Faults.signal("stopped"), Duration.ofMinutes(2));
      long stopped = System.nanoTime();
      try {
        people.create();
      } finally {
        ChildMain.fact(
            "failed-after-the-stop-millis",
            Long.toString((System.nanoTime() - stopped) / 1_000_000));
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
  void theServerStopsDuringARunAndTheRemainingTestsFailFast(@TempDir Path signals)
      throws Exception {
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
      Faults.await(signals.resolve("running"), Duration.ofMinutes(2));
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
        .contains(
            "stopped answering during [ServerStopsDuringTheRun.whileTheServerStops(Factory, Session)]")
        .contains(
            "[ServerStopsDuringTheRun.fourth(Session)] did not run: fixturekit's database at [jdbc:postgresql://127.0.0.1:"
                + port);
    assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(postgresProcessesOnPort(port)).as("server processes left").isEmpty();
  }

  @Nested
  class KilledRunOnAnExternalServer {

    @Test
    void theNextRunDropsTheDatabaseTheKilledRunLeft(@TempDir Path signals) throws Exception {
      try (EmbeddedPostgres server =
          EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
        long killed =
            Faults.killDuringItsTest(
                external(ChildJvm.suite(Faults.KilledDuringTheRun.class), url), signals);
        List<String> left = fixturekitDatabases(url);
        assertThat(left)
            .as("left by the killed run")
            .singleElement()
            .asString()
            .contains("_" + killed + "_");
        Thread.sleep(1100); // older than the next run's leftover age, by the server's clock

        ChildJvm.Result next =
            external(ChildJvm.suite(Faults.NextRun.class), url)
                .env("FIXTUREKIT_LEFTOVER_AGE", "1s")
                .run();

        assertThat(next.tests()).as("%s", next).singleElement().matches(t -> !t.failed());
        assertThat(next.output())
            .contains("fixturekit removed databases left behind by killed runs: " + left.get(0));
        assertThat(fixturekitDatabases(url)).as("databases after the next run").isEmpty();
      }
    }

    private ChildJvm external(ChildJvm jvm, String url) {
      return jvm.env("FIXTUREKIT_DATABASE", "external")
          .env("FIXTUREKIT_JDBC_URL", url)
          .env("FIXTUREKIT_JDBC_USER", "postgres");
    }

    private List<String> fixturekitDatabases(String url) throws SQLException {
      List<String> names = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(url, "postgres", "");
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select datname from pg_database where datname like 'fixturekit%'")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }

  @Nested
  class KilledRunOnTheEmbeddedDatabase {

    @Test
    void theNextRunStopsTheOrphanServerAndRemovesItsFolder(
        @TempDir Path signals, @TempDir Path cache) throws Exception {
      long killed =
          Faults.killDuringItsTest(
              embedded(ChildJvm.suite(Faults.KilledDuringTheRun.class), cache), signals);
      Path runFolder = runFolderOf(cache, killed);
      long postmaster =
          Long.parseLong(Files.readAllLines(runFolder.resolve("postmaster.pid")).get(0).trim());
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive))
          .as("the killed run's server, orphaned")
          .contains(true);

      ChildJvm.Result next = embedded(ChildJvm.suite(Faults.NextRun.class), cache).run();

      assertThat(next.tests()).as("%s", next).singleElement().matches(t -> !t.failed());
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
          .as("the orphaned server after the next run")
          .isFalse();
      assertThat(runFolder).as("the killed run's data folder").doesNotExist();
      try (Stream<Path> left = Files.list(cache)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("run folders left")
            .noneMatch(n -> n.startsWith("run-"));
      }
      assertThat(postgresProcessesUsing(cache))
          .as("servers still running from the cache folder")
          .isEmpty();
    }

    private ChildJvm embedded(ChildJvm jvm, Path cache) {
      return jvm.env("FIXTUREKIT_DATABASE", "embedded")
          .env("FIXTUREKIT_EMBEDDED_CACHE_DIR", cache.toString());
    }

    private Path runFolderOf(Path cache, long pid) throws IOException {
      try (Stream<Path> children = Files.list(cache)) {
        return children
            .filter(p -> p.getFileName().toString().startsWith("run-" + pid + "-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no run folder of JVM " + pid + " in " + cache));
      }
    }
  }

  /** PostgreSQL processes whose command line mentions {@code folder}. */
  static List<ProcessHandle> postgresProcessesUsing(Path folder) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(a -> String.join(" ", a).contains(folder.toString()))
                    .orElse(false))
        .toList();
  }

  /** PostgreSQL processes started with {@code -p port}. */
  static List<ProcessHandle> postgresProcessesOnPort(int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(a -> List.of(a).contains(Integer.toString(port)))
                    .orElse(false))
        .toList();
  }
}
