package io.github.fixturekit.internal;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * A value computed once, on first use, by whichever thread asks first; the others wait. A failure
 * is remembered and thrown again, so a broken mapping fails every test quickly and alike.
 */
final class Memo<T> {

  private final Supplier<T> supplier;
  private T value;
  private RuntimeException failure;

  Memo(Supplier<T> supplier) {
    this.supplier = supplier;
  }

  synchronized T get() {
    if (value != null) {
      return value;
    }
    if (failure != null) {
      // A fresh exception per caller: JUnit adds suppressed exceptions to what a test throws.
      throw new ExtensionConfigurationException(failure.getMessage(), failure);
    }
    try {
      value = supplier.get();
      return value;
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
  }
}
