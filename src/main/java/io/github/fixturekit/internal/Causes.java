package io.github.fixturekit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The cause chain of a failure, each exception once: a chain may loop back on itself ({@code
 * initCause} allows it), and fixturekit looks down chains of exceptions that user code and
 * libraries made.
 */
public final class Causes {

  private Causes() {}

  /** {@code failure}, its cause, that one's cause and so on, until a null or a repeated cause. */
  public static List<Throwable> of(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
