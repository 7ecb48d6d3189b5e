package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.Isolated;
import io.github.fixturekit.Isolation;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Which entity set and isolation a test uses: the extension's own, then the annotation's. */
public final class EntitySetResolver {

  private EntitySetResolver() {}

  /** The entity set for the test {@code context} runs, cached per test class. */
  public static EntitySet resolve(
      ExtensionContext context, List<Class<?>> programmatic, FixtureSettings settings) {
    Class<?> testClass = context.getRequiredTestClass();
    if (!programmatic.isEmpty()) {
      return cached(
          context,
          testClass,
          "builder",
          () ->
              EntitySet.of(
                  programmatic,
                  "FixtureExtension.builder().entities(...)",
                  "FixtureExtension.builder().entities(...)"));
    }
    Optional<FixtureTest> annotation = findAnnotation(testClass);
    if (annotation.isPresent() && annotation.get().entities().length > 0) {
      List<Class<?>> listed = Arrays.asList(annotation.get().entities());
      return cached(
          context,
          testClass,
          "annotation",
          () ->
              EntitySet.of(
                  listed,
                  "@FixtureTest(entities) of [" + testClass.getSimpleName() + "]",
                  "@FixtureTest(entities = {...})"));
    }
    return cached(
        context,
        testClass,
        "discovered",
        () -> EntityDiscovery.discover(testClass, settings.entities()));
  }

  /** The custom factories of the extension's builder, else of the annotation. */
  public static List<Class<?>> userFactories(
      ExtensionContext context, List<Class<?>> programmatic) {
    if (!programmatic.isEmpty()) {
      return programmatic;
    }
    return findAnnotation(context.getRequiredTestClass())
        .map(a -> List.<Class<?>>of(a.factories()))
        .orElse(List.of());
  }

  /**
   * The isolation chosen by {@code @Isolated} on the test method, else by the extension's builder,
   * else by the annotation, else ROLLBACK.
   */
  public static Isolation isolation(ExtensionContext context, Isolation programmatic) {
    Optional<Isolated> onMethod =
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Isolated.class));
    if (onMethod.isPresent()) {
      return onMethod.get().value();
    }
    if (programmatic != null) {
      return programmatic;
    }
    return findAnnotation(context.getRequiredTestClass())
        .map(FixtureTest::isolation)
        .orElse(Isolation.ROLLBACK);
  }

  private static EntitySet cached(
      ExtensionContext context,
      Class<?> testClass,
      String source,
      java.util.function.Supplier<EntitySet> supplier) {
    // get-then-put rather than getOrComputeIfAbsent: JUnit's store would remember a failure and
    // throw the same exception again from later tests and from cleanup.
    ExtensionContext.Store store =
        context.getRoot().getStore(ExtensionContext.Namespace.create(EntitySetResolver.class));
    String key = testClass.getName() + "#" + source;
    EntitySet entities = store.get(key, EntitySet.class);
    if (entities == null) {
      entities = supplier.get();
      store.put(key, entities);
    }
    return entities;
  }

  /**
   * {@code @FixtureTest} on the class, a superclass, or an enclosing class of a {@code @Nested}
   * one.
   */
  static Optional<FixtureTest> findAnnotation(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<FixtureTest> found = AnnotationSupport.findAnnotation(c, FixtureTest.class);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
