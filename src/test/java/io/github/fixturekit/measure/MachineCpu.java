package io.github.fixturekit.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine's processors were between two readings of {@code /proc/stat}: every
 * process counts, the JVM's threads and the PostgreSQL server's alike. Linux only; elsewhere the
 * reading is empty and the figure is left out.
 */
record MachineCpu(long busy, long total) {

  private static final Path STAT = Path.of("/proc/stat");

  /** The counters now, or {@code null} where the machine has no {@code /proc/stat}. */
  static MachineCpu read() {
    if (!Files.isReadable(STAT)) {
      return null;
    }
    try {
      // cpu  user nice system idle iowait irq softirq steal ...
      String[] fields = Files.readAllLines(STAT).get(0).trim().split("\\s+");
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      long total = 0;
      for (int i = 1; i <= 8; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new MachineCpu(total - idle, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The processors kept busy from {@code earlier} to this reading, out of {@code processors}. */
  double busyProcessorsSince(MachineCpu earlier, int processors) {
    long elapsed = total - earlier.total;
    return elapsed == 0 ? 0 : processors * (double) (busy - earlier.busy) / elapsed;
  }
}
