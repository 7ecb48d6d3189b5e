package io.github.fixturekit.benchmarks.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one test class through the JUnit Platform Launcher, in the JVM {@link ChildJvm} started for it,
 * one or more times, and prints what the parent measures: when the first test finished (epoch
 * milliseconds), the time per test after the first of each run, and the JVM's peak resident memory
 * ({@code VmHWM}). Exits with 1 when a test failed or none ran.
 */
public final class SuiteMain {

  private SuiteMain() {}

  /**
   * Arguments: the test class, and how many times to run it (default 1). The first run's first test
   * is the time to first test; each run's time per test after its first is printed, so later runs
   * show the cost once the JVM is warm.
   */
  public static void main(String[] args) throws Exception {
    Class<?> suite = Class.forName(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Launcher launcher = LauncherFactory.create();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
    boolean passed = true;
    for (int pass = 1; pass <= passes; pass++) {
      Recorder recorder = new Recorder();
      launcher.execute(request, recorder);
      int tests = recorder.finishedNanos.size();
      System.out.println("suite pass-" + pass + "-tests " + tests);
      recorder.failures.forEach(f -> System.out.println("suite failure " + f));
      passed &= recorder.failures.isEmpty() && tests > 0;
      if (pass == 1 && tests > 0) {
        System.out.println("suite first-test-finished-epoch-ms " + recorder.firstFinishedEpochMillis);
      }
      if (tests > 1) {
        long after = recorder.finishedNanos.get(tests - 1) - recorder.finishedNanos.get(0);
        System.out.println("suite pass-" + pass + "-per-test-after-first-ns " + after / (tests - 1));
      }
    }
    System.out.println("suite vmhwm-kb " + peakResidentKb());
    System.out.flush();
    System.exit(passed ? 0 : 1);
  }

  /** The JVM's peak resident set size so far, from {@code /proc/self/status}; -1 where there is none. */
  static long peakResidentKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private static final class Recorder implements TestExecutionListener {
    final List<Long> finishedNanos = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    long firstFinishedEpochMillis;

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failures.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("aborted"));
      }
      if (!test.isTest()) {
        return;
      }
      if (finishedNanos.isEmpty()) {
        firstFinishedEpochMillis = System.currentTimeMillis();
      }
      finishedNanos.add(System.nanoTime());
    }
  }
}
