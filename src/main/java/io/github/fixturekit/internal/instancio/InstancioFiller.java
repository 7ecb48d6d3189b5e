package io.github.fixturekit.internal.instancio;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.Predicate;
import org.instancio.Instancio;
import org.instancio.InstancioApi;
import org.instancio.InstancioCollectionsApi;
import org.instancio.Model;
import org.instancio.Select;
import org.instancio.exception.InstancioException;
import org.instancio.settings.Keys;
import org.instancio.settings.Mode;
import org.instancio.settings.Settings;

/** The one place fixturekit talks to Instancio: fills an object with random, valid data. */
public final class InstancioFiller {

  private static final Settings SETTINGS = settings();

  private InstancioFiller() {}

  /**
   * A new {@code type} whose fields are filled, except those {@code leftAlone} selects, which keep
   * the value the constructor gave them. {@code @Column} length, precision and scale, and Bean
   * Validation constraints when Bean Validation is present, are respected. A field Instancio cannot
   * fill is left null; the caller decides whether that is a problem.
   *
   * @param seed the seed of this one call, so the same seed gives the same object
   * @param model a user's {@code org.instancio.Model} of {@code type} to start from, or null
   * @throws IllegalArgumentException when Instancio cannot make the type at all
   */
  @SuppressWarnings("unchecked")
  public static <T> T fill(Class<T> type, Predicate<Field> leftAlone, long seed, Object model) {
    try {
      InstancioApi<T> api = model == null ? Instancio.of(type) : Instancio.of((Model<T>) model);
      return api.withSettings(SETTINGS).withSeed(seed).ignore(Select.fields(leftAlone)).create();
    } catch (InstancioException | ClassCastException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * {@code count} new {@code type}s filled as {@link #fill} fills one, in one Instancio call: it
   * resolves the class once for all of them, which is most of the cost of filling one object.
   */
  @SuppressWarnings("unchecked")
  public static <T> List<T> fillMany(
      Class<T> type, Predicate<Field> leftAlone, long seed, Object model, int count) {
    if (count == 1) {
      return List.of(fill(type, leftAlone, seed, model));
    }
    try {
      InstancioCollectionsApi<List<T>> api =
          model == null ? Instancio.ofList(type) : Instancio.ofList((Model<T>) model);
      return api.size(count)
          .withSettings(SETTINGS)
          .withSeed(seed)
          .ignore(Select.fields(leftAlone))
          .create();
    } catch (InstancioException | ClassCastException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Whether {@code value} is an Instancio {@code Model}, for checking what a user hands over. */
  public static boolean isModel(Object value) {
    return value instanceof Model<?>;
  }

  private static Settings settings() {
    Settings settings =
        Settings.create()
            .set(Keys.JPA_ENABLED, true)
            // An entity whose every field is left to Hibernate (an @EmbeddedId alone) matches no
            // field with the ignore selector; strict mode would reject that as an unused selector.
            .set(Keys.MODE, Mode.LENIENT)
            .set(Keys.FAIL_ON_ERROR, false)
            // element collections: a few elements, never so many that a test drowns in rows
            .set(Keys.COLLECTION_MIN_SIZE, 1)
            .set(Keys.COLLECTION_MAX_SIZE, 3)
            .set(Keys.MAP_MIN_SIZE, 1)
            .set(Keys.MAP_MAX_SIZE, 3);
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
