package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureProperties;
import io.github.fixturekit.FixtureSeed;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which seed a test's random data comes from: {@code @FixtureSeed} on the test method, then on its
 * class (or an enclosing class), then instancio-junit's {@code @Seed} in the same places, then the
 * {@value FixtureProperties#SEED} key, else a fresh one.
 */
public final class Seeds {

  private static final String INSTANCIO_SEED = "org.instancio.junit.Seed";
  private static final SecureRandom FRESH = new SecureRandom();

  private Seeds() {}

  static long fresh() {
    return FRESH.nextLong();
  }

  /** The seed of the test {@code context} describes. */
  public static long of(ExtensionContext context, String configured) {
    Optional<Long> pinned =
        context.getTestMethod().flatMap(Seeds::pinnedOn).or(() -> pinnedOnClasses(context));
    if (pinned.isPresent()) {
      return pinned.get();
    }
    if (configured != null) {
      try {
        return Long.parseLong(configured.trim());
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(Messages.badSeed(configured));
      }
    }
    return fresh();
  }

  private static Optional<Long> pinnedOnClasses(ExtensionContext context) {
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      Optional<Long> pinned = pinnedOn(c);
      if (pinned.isPresent()) {
        return pinned;
      }
    }
    return Optional.empty();
  }

  private static Optional<Long> pinnedOn(AnnotatedElement element) {
    FixtureSeed own = element.getAnnotation(FixtureSeed.class);
    if (own != null) {
      return Optional.of(own.value());
    }
    for (Annotation annotation : element.getAnnotations()) {
      if (annotation.annotationType().getName().equals(INSTANCIO_SEED)) {
        try {
          return Optional.of(
              (Long) annotation.annotationType().getMethod("value").invoke(annotation));
        } catch (ReflectiveOperationException | ClassCastException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
