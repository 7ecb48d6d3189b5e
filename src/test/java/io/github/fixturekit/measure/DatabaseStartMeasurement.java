package io.github.fixturekit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.internal.ChildJvm;
import io.github.fixturekit.internal.database.ForeignDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the start times of each provider as a new JVM sees them (the next run, another fork): the
 * median of {@value #RUNS} runs, each in a JVM of its own, timed inside it from "start a database"
 * to "ready" and to the first connection. Figures, not assertions on time:
 *
 * <pre>
 * mvn test -Dtest=DatabaseStartMeasurement -Dgroups=measurement -DexcludedGroups=none
 * </pre>
 *
 * The Testcontainers figures need a Docker engine and {@code FIXTUREKIT_MEASURE_IMAGE} (default
 * {@code fixturekit/postgres:15}); the engine's own start of the same image ({@code docker run}
 * until the server's second "ready to accept connections" line) is measured alongside, for the
 * overhead.
 */
@Tag("measurement")
class DatabaseStartMeasurement {

  private static final int RUNS = Integer.getInteger("fixturekit.measure.runs", 5);
  private static final String IMAGE =
      System.getenv().getOrDefault("FIXTUREKIT_MEASURE_IMAGE", "fixturekit/postgres:15");

  @Test
  void embeddedColdAndWarm() throws Exception {
    List<Long> cold = new ArrayList<>();
    List<Long> coldConnect = new ArrayList<>();
    List<Long> warm = new ArrayList<>();
    List<Long> warmConnect = new ArrayList<>();
    // The very first start on a machine also unpacks the binaries (once per cache folder).
    Path coldCache = freshDir();
    ChildJvm.Result first =
        run(ChildJvm.start("embedded").env("FIXTUREKIT_EMBEDDED_CACHE_DIR", coldCache.toString()));
    print(
        "embedded-first-start-on-a-machine-ms (unpack binaries + initdb)",
        List.of(Long.parseLong(first.fact("millis"))));
    Path warmCache = freshDir();
    for (int i = 0; i < RUNS; i++) {
      deleteTemplates(coldCache);
      ChildJvm.Result c =
          run(
              ChildJvm.start("embedded")
                  .env("FIXTUREKIT_EMBEDDED_CACHE_DIR", coldCache.toString()));
      assertThat(c.fact("warm")).isEqualTo("false");
      cold.add(Long.parseLong(c.fact("millis")));
      coldConnect.add(Long.parseLong(c.fact("first-connection-millis")));
    }
    run(ChildJvm.start("embedded").env("FIXTUREKIT_EMBEDDED_CACHE_DIR", warmCache.toString()));
    System.out.println(
        "MEASURE load average before warm runs: "
            + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    for (int i = 0; i < RUNS; i++) {
      ChildJvm.Result w =
          run(
              ChildJvm.start("embedded")
                  .env("FIXTUREKIT_EMBEDDED_CACHE_DIR", warmCache.toString()));
      assertThat(w.fact("warm")).isEqualTo("true");
      warm.add(Long.parseLong(w.fact("millis")));
      warmConnect.add(Long.parseLong(w.fact("first-connection-millis")));
    }
    print("embedded-cold-start-ms", cold);
    print("embedded-cold-first-connection-ms", coldConnect);
    print("embedded-warm-start-ms", warm);
    print("embedded-warm-first-connection-ms", warmConnect);
  }

  @Test
  void external() throws Exception {
    if (!ForeignDatabase.serverAnswers()) {
      System.out.println("MEASURE external: skipped, no server at " + ForeignDatabase.SERVER_URL);
      return;
    }
    List<Long> ready = new ArrayList<>();
    List<Long> connect = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      ChildJvm.Result r =
          run(
              ChildJvm.start("external")
                  .env("FIXTUREKIT_JDBC_URL", ForeignDatabase.SERVER_URL)
                  .env("FIXTUREKIT_JDBC_USER", ForeignDatabase.SERVER_USER)
                  .env("FIXTUREKIT_JDBC_PASSWORD", ForeignDatabase.SERVER_PASSWORD));
      ready.add(Long.parseLong(r.fact("millis")));
      connect.add(Long.parseLong(r.fact("first-connection-millis")));
    }
    print("external-ready-ms (connect, tidy leftovers, CREATE DATABASE)", ready);
    print("external-first-connection-ms (to fixturekit's database)", connect);
  }

  @Test
  void testcontainersOverTheEnginesOwnStart() throws Exception {
    if (!dockerAnswers()) {
      System.out.println("MEASURE testcontainers: skipped, no Docker engine");
      return;
    }
    List<Long> engine = new ArrayList<>();
    List<Long> fixturekit = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      engine.add(engineStart());
      ChildJvm.Result r =
          run(
              ChildJvm.start("testcontainers")
                  .env("FIXTUREKIT_TESTCONTAINERS_IMAGE", IMAGE)
                  .env("TESTCONTAINERS_RYUK_DISABLED", "true")
                  .env("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1"));
      fixturekit.add(Long.parseLong(r.fact("millis")));
    }
    print("docker-run-until-ready-ms (the engine's own start)", engine);
    print("testcontainers-ready-ms (fixturekit, in a new JVM)", fixturekit);
    List<Long> overhead = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      overhead.add(fixturekit.get(i) - engine.get(i));
    }
    print("testcontainers-overhead-ms", overhead);
  }

  /** {@code docker run} of the image, until the server logs it is ready the second time. */
  private static long engineStart() throws Exception {
    String name = "fixturekit-measure-" + UUID.randomUUID();
    long started = System.nanoTime();
    Process docker =
        new ProcessBuilder(
                "docker",
                "run",
                "--rm",
                "--name",
                name,
                "-e",
                "POSTGRES_USER=fixturekit",
                "-e",
                "POSTGRES_PASSWORD=fixturekit",
                "-e",
                "POSTGRES_DB=fixturekit",
                "--tmpfs",
                "/var/lib/postgresql/data:rw",
                "-p",
                "127.0.0.1::5432",
                IMAGE,
                "postgres",
                "-c",
                "fsync=off")
            .redirectErrorStream(true)
            .start();
    long elapsed = -1;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(docker.getInputStream(), StandardCharsets.UTF_8))) {
      int ready = 0;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains("database system is ready to accept connections") && ++ready == 2) {
          elapsed = (System.nanoTime() - started) / 1_000_000;
          break;
        }
      }
    } finally {
      new ProcessBuilder("docker", "rm", "-f", name).redirectErrorStream(true).start().waitFor();
      docker.destroy();
    }
    assertThat(elapsed).as("the container became ready").isPositive();
    return elapsed;
  }

  private static boolean dockerAnswers() {
    try {
      return new ProcessBuilder("docker", "info").redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static ChildJvm.Result run(ChildJvm child) throws Exception {
    ChildJvm.Result result = child.run();
    assertThat(result.exitCode()).as("%s", result).isZero();
    return result;
  }

  /** A cold start: binaries unpacked, but no initialised template to copy. */
  private static void deleteTemplates(Path cache) throws Exception {
    try (java.util.stream.Stream<Path> list = Files.list(cache)) {
      for (Path template :
          list.filter(p -> p.getFileName().toString().startsWith("template-")).toList()) {
        try (java.util.stream.Stream<Path> walk = Files.walk(template)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
  }

  private static Path freshDir() throws Exception {
    Path dir = Files.createTempDirectory("fixturekit-measure");
    dir.toFile().deleteOnExit();
    return dir;
  }

  private static void print(String what, List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    System.out.println(
        String.format(Locale.ROOT, "MEASURE %s: median %d (runs %s)", what, median, values));
  }
}
