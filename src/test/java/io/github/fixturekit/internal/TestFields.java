package io.github.fixturekit.internal;

import java.lang.reflect.Field;

/** The declared field of a test class, by name. */
final class TestFields {

  private TestFields() {}

  static Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new AssertionError("no field [" + name + "] in " + type, e);
    }
  }
}
