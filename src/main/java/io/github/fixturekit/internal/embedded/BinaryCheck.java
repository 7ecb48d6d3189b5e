package io.github.fixturekit.internal.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * zonky reports a failed initdb or postgres only as "Process [...] failed" (the program's own words
 * go to its log). To tell "these binaries cannot run here" from other failures, run the program
 * named in that report with {@code --version} and see whether it can.
 */
final class BinaryCheck {

  private static final Pattern PROGRAM =
      Pattern.compile("(/\\S*?/bin/(?:initdb|postgres|pg_ctl))(?=[,\\]\\s])");

  private BinaryCheck() {}

  static Optional<String> whyCannotRun(String failure) {
    Matcher m = PROGRAM.matcher(failure);
    if (!m.find()) {
      return Optional.empty();
    }
    String program = m.group(1);
    try {
      Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.of("[" + program + " --version] did not answer within 5 s");
      }
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.exitValue() == 0
          ? Optional.empty()
          : Optional.of(
              "[" + program + " --version] exited with " + process.exitValue() + ": " + output);
    } catch (IOException e) {
      return Optional.of("[" + program + "] " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
