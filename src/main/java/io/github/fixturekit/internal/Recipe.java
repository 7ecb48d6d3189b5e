package io.github.fixturekit.internal;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Function;

/**
 * What a user-defined factory adds to the random data of its entity: an Instancio model to start
 * from, defaults, and attributes derived from other fields. The plain recipe adds nothing.
 */
public interface Recipe<T> {

  /** The recipe of a plain {@code Factory<T>}. */
  @SuppressWarnings("unchecked")
  static <T> Recipe<T> none() {
    return (Recipe<T>) NONE;
  }

  /** A user's {@code org.instancio.Model} of the entity, or null. */
  default Object instancioModel() {
    return null;
  }

  /** Sets the user's defaults, after the random data. */
  default void defaults(T entity) {}

  /**
   * Fields computed from the others after the customizer, unless a trait or the customizer set
   * them.
   */
  default Map<Field, Function<? super T, ?>> derived() {
    return Map.of();
  }

  /** For messages: who defines this recipe. */
  default String source() {
    return "";
  }

  Recipe<Object> NONE = new Recipe<>() {};
}
