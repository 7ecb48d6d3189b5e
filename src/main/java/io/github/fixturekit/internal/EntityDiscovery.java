package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureProperties;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds the entity set of a test class that does not list it. */
final class EntityDiscovery {

  private EntityDiscovery() {}

  /**
   * The classes named by the {@value FixtureProperties#ENTITIES} setting when it is set, else every
   * {@code @Entity} in the test class's package and its subpackages.
   */
  static EntitySet discover(Class<?> testClass, String configured) {
    if (configured != null) {
      List<Class<?>> classes = new ArrayList<>();
      for (String item : configured.split(",")) {
        String name = item.trim();
        if (!name.isEmpty()) {
          classes.addAll(classOrPackage(name, testClass.getClassLoader()));
        }
      }
      return EntitySet.of(
          classes,
          FixtureProperties.ENTITIES + " [" + configured + "]",
          "the " + FixtureProperties.ENTITIES + " setting");
    }
    String pkg = testClass.getPackageName();
    if (pkg.isEmpty()) {
      throw new ExtensionConfigurationException(
          "["
              + testClass.getName()
              + "] is in the default package, where fixturekit does not look for entities; list"
              + " them: @FixtureTest(entities = {...})");
    }
    List<Class<?>> found = entitiesIn(pkg);
    if (found.isEmpty()) {
      throw new ExtensionConfigurationException(Messages.noEntitiesDiscovered(testClass, pkg));
    }
    return EntitySet.of(
        found,
        "the entities found in package ["
            + pkg
            + "] and its subpackages (for "
            + testClass.getSimpleName()
            + ")",
        "@FixtureTest(entities = {...}), or to "
            + FixtureProperties.ENTITIES
            + " (discovery looks only in package ["
            + pkg
            + "] and below)");
  }

  private static List<Class<?>> classOrPackage(String name, ClassLoader loader) {
    try {
      return List.of(Class.forName(name, false, loader));
    } catch (ClassNotFoundException e) {
      List<Class<?>> found = entitiesIn(name);
      if (found.isEmpty()) {
        throw new ExtensionConfigurationException(
            FixtureProperties.ENTITIES
                + " names ["
                + name
                + "], which is neither a class nor a package with @Entity classes; give a fully"
                + " qualified class or package name");
      }
      return found;
    }
  }

  private static List<Class<?>> entitiesIn(String pkg) {
    return ReflectionSupport.findAllClassesInPackage(
        pkg, c -> c.isAnnotationPresent(Entity.class), name -> true);
  }
}
