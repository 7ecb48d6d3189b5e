package io.github.fixturekit.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A test class run by {@link SuiteMain} in a new JVM with this JVM's class path: the wall time from
 * starting the process to its end, and what it printed. {@code FIXTUREKIT_*} variables of this
 * process are not passed on; each run says its own.
 */
public final class ChildJvm {

  private static final long TIMEOUT_MINUTES = 10;

  private final Class<?> suite;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final Path logDir;
  private int passes = 1;

  public ChildJvm(Class<?> suite, Path logDir) {
    this.suite = suite;
    this.logDir = logDir;
  }

  public ChildJvm env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Runs the test class this many times in the one JVM. */
  public ChildJvm passes(int count) {
    passes = count;
    return this;
  }

  public ChildJvm property(String name, String value) {
    jvmOptions.add("-D" + name + "=" + value);
    return this;
  }

  /** The measured run. */
  public record Result(long startedEpochMillis, long wallNanos, Map<String, String> facts) {

    public long fact(String name) {
      String value = facts.get(name);
      if (value == null) {
        throw new IllegalStateException("the run printed no \"suite " + name + "\" line: " + facts);
      }
      return Long.parseLong(value);
    }

    public double secondsToFirstTest() {
      return (fact("first-test-finished-epoch-ms") - startedEpochMillis) / 1000.0;
    }
  }

  public Result run() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SuiteMain.class.getName());
    command.add(suite.getName());
    command.add(Integer.toString(passes));
    Files.createDirectories(logDir);
    Path log = Files.createTempFile(logDir, suite.getSimpleName() + "-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("FIXTUREKIT_"));
    builder.environment().putAll(env);
    long startedEpochMillis = System.currentTimeMillis();
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(suite.getSimpleName() + " did not end within " + TIMEOUT_MINUTES + " minutes; see " + log);
    }
    long wall = System.nanoTime() - started;
    Map<String, String> facts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("suite ")) {
        String[] parts = line.split(" ", 3);
        if (parts.length == 3) {
          facts.putIfAbsent(parts[1], parts[2]);
        }
      }
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          suite.getSimpleName() + " failed (exit " + process.exitValue() + "): " + facts + "; see " + log);
    }
    return new Result(startedEpochMillis, wall, facts);
  }
}
