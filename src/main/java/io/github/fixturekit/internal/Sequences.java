package io.github.fixturekit.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Named counters of user-defined factories; each counts from 1 over the whole run. */
public final class Sequences {

  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private Sequences() {}

  /** The next number of the counter {@code name} of {@code owner}. */
  public static long next(Class<?> owner, String name) {
    return COUNTERS
        .computeIfAbsent(owner.getName() + "#" + name, k -> new AtomicLong())
        .incrementAndGet();
  }

  /** {@code template} with each {@code {n}} replaced by the next number of its counter. */
  public static String format(Class<?> owner, String template) {
    if (!template.contains("{n}")) {
      throw new IllegalArgumentException(Messages.sequenceWithoutN(owner, template));
    }
    return template.replace("{n}", Long.toString(next(owner, template)));
  }
}
