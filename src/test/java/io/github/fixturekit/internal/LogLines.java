package io.github.fixturekit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The lines fixturekit logs (logger {@code io.github.fixturekit}, every level) while it is open, as
 * {@code LEVEL message} (JUL level names: System.Logger DEBUG is FINE), for tests of what a user
 * reads in the build output.
 */
public final class LogLines extends Handler implements AutoCloseable {

  private static final Logger FIXTUREKIT = Logger.getLogger("io.github.fixturekit");
  private static final SimpleFormatter FORMAT = new SimpleFormatter();

  private final List<String> lines = new ArrayList<>();
  private final Level level;

  private LogLines() {
    level = FIXTUREKIT.getLevel();
    FIXTUREKIT.setLevel(Level.ALL);
    FIXTUREKIT.addHandler(this);
  }

  /** Starts collecting. */
  public static LogLines capture() {
    return new LogLines();
  }

  /** What was logged so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    lines.add(record.getLevel().getName() + " " + FORMAT.formatMessage(record));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    FIXTUREKIT.removeHandler(this);
    FIXTUREKIT.setLevel(level);
  }
}
