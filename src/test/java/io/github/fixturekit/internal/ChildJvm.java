package io.github.fixturekit.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs {@link ChildMain} in a JVM of its own, as a second Surefire fork or the next run would: what
 * one JVM shares (the database, Testcontainers' Docker client) cannot be started twice in one.
 */
public final class ChildJvm {

  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final List<String> args = new ArrayList<>();
  private Predicate<String> classpathFilter = entry -> true;
  private Duration timeout = Duration.ofMinutes(2);

  private ChildJvm(String... args) {
    this.args.addAll(Arrays.asList(args));
  }

  /** Prints what {@code fixturekit.database} gives, as {@code key=value} lines, and stops it. */
  public static ChildJvm start(String choice) {
    return new ChildJvm("start", choice);
  }

  /** Runs the scenario class {@code scenario} on the Jupiter engine. */
  public static ChildJvm suite(Class<?> scenario) {
    return new ChildJvm("suite", scenario.getName());
  }

  public ChildJvm property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  /** Sets (or, with {@code null}, removes) an environment variable. */
  public ChildJvm env(String key, String value) {
    environment.put(key, value);
    return this;
  }

  public ChildJvm withoutClasspathEntries(Predicate<String> drop) {
    this.classpathFilter = drop.negate();
    return this;
  }

  public ChildJvm timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public Process launch() throws IOException {
    String classpath =
        Arrays.stream(testClasspath().split(File.pathSeparator))
            .filter(classpathFilter)
            .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(classpath);
    Optional.ofNullable(System.getProperty("java.util.logging.config.file"))
        .ifPresent(f -> command.add("-Djava.util.logging.config.file=" + f));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add(ChildMain.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The parent's own choice must not leak into a child that is told what to use.
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("FIXTUREKIT_") && !k.startsWith("FIXTUREKIT_TEST_"));
    environment.forEach(
        (k, v) -> {
          if (v == null) {
            builder.environment().remove(k);
          } else {
            builder.environment().put(k, v);
          }
        });
    return builder.start();
  }

  public Result run() throws IOException, InterruptedException {
    return await(launch());
  }

  public Result await(Process process) throws IOException, InterruptedException {
    Path out = Files.createTempFile("fixturekit-child", ".log");
    Thread pump =
        new Thread(
            () -> {
              try {
                Files.write(out, process.getInputStream().readAllBytes());
              } catch (IOException e) {
                // the process died; its exit code says so
              }
            });
    pump.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      pump.join(5000);
      throw new AssertionError(
          "child JVM did not finish within "
              + timeout
              + ":\n"
              + Files.readString(out, StandardCharsets.UTF_8));
    }
    pump.join(10_000);
    String output = Files.readString(out, StandardCharsets.UTF_8);
    Files.deleteIfExists(out);
    return new Result(process.exitValue(), output);
  }

  private static String testClasspath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /**
   * One test of a child's run: its display name, {@code SUCCESSFUL} or {@code FAILED}, its time.
   */
  public record TestRun(String name, String status, long millis) {

    public boolean failed() {
      return status.equals("FAILED");
    }
  }

  /** What a child printed: its {@code key=value} facts and everything else. */
  public record Result(int exitCode, String output) {

    /** The value of the last {@code FIXTUREKIT-FACT key=value} line, or null. */
    public String fact(String key) {
      String prefix = ChildMain.FACT + key + "=";
      String value = null;
      for (String line : output.split("\\R")) {
        if (line.startsWith(prefix)) {
          value = line.substring(prefix.length());
        }
      }
      return value;
    }

    public List<String> facts(String key) {
      String prefix = ChildMain.FACT + key + "=";
      return output
          .lines()
          .filter(l -> l.startsWith(prefix))
          .map(l -> l.substring(prefix.length()))
          .toList();
    }

    /** Each test the child ran, in order: its name, how it ended and how long it took. */
    public List<TestRun> tests() {
      return facts("test").stream()
          .map(fact -> fact.split("\\|"))
          .map(parts -> new TestRun(parts[0], parts[1], Long.parseLong(parts[2])))
          .toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + output;
    }
  }
}
