package io.github.fixturekit.internal.instancio;

import java.lang.reflect.Field;
import java.util.function.Predicate;
import org.instancio.Instancio;
import org.instancio.Select;
import org.instancio.exception.InstancioException;
import org.instancio.settings.Keys;
import org.instancio.settings.Settings;

/** The one place fixturekit talks to Instancio: fills an object with random, valid data. */
public final class InstancioFiller {

  private static final Settings SETTINGS = settings();

  private InstancioFiller() {}

  /**
   * A new {@code type} whose fields are filled, except those {@code leftAlone} selects, which keep
   * the value the constructor gave them. {@code @Column} length, precision and scale, and Bean
   * Validation constraints when Bean Validation is present, are respected.
   *
   * @throws IllegalArgumentException when Instancio cannot make or fill the type
   */
  public static <T> T fill(Class<T> type, Predicate<Field> leftAlone) {
    try {
      return Instancio.of(type).withSettings(SETTINGS).ignore(Select.fields(leftAlone)).create();
    } catch (InstancioException e) {
      throw new IllegalArgumentException(
          "fixturekit could not fill ["
              + type.getName()
              + "] with random data: "
              + e.getMessage()
              + ". Set the field yourself with a customizer, for example"
              + " factory.create(e -> e.setField(value)).",
          e);
    }
  }

  private static Settings settings() {
    Settings settings =
        Settings.create().set(Keys.JPA_ENABLED, true).set(Keys.FAIL_ON_ERROR, true);
    if (isPresent("jakarta.validation.constraints.NotNull")) {
      settings.set(Keys.BEAN_VALIDATION_ENABLED, true);
    }
    return settings.lock();
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, InstancioFiller.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
