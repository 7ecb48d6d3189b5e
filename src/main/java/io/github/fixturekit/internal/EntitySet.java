package io.github.fixturekit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The entity classes of one model under test. Each distinct set of classes gets a schema and a
 * SessionFactory of its own, so models never drop or change each other's tables.
 *
 * @param classes the entity classes
 * @param whereListed where a user adds a class to this set, for messages
 */
public record EntitySet(Set<Class<?>> classes, String whereListed) {

  /**
   * A checked set: every class is an {@code @Entity}, and every association leads to a class of the
   * set.
   *
   * @param source where the classes came from, for messages
   * @param whereListed where a user adds a class to the set, for messages
   * @throws ExtensionConfigurationException naming the first class or association that is wrong
   */
  public static EntitySet of(Collection<Class<?>> classes, String source, String whereListed) {
    if (classes.isEmpty()) {
      throw new ExtensionConfigurationException(
          "no entity classes in " + source + "; list them in " + whereListed);
    }
    Set<Class<?>> sorted =
        classes.stream()
            .sorted(Comparator.comparing(Class::getName))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    for (Class<?> type : sorted) {
      if (!type.isAnnotationPresent(Entity.class)) {
        throw new ExtensionConfigurationException(
            "["
                + type.getName()
                + "] in "
                + source
                + " is not a JPA @Entity; list only classes annotated with"
                + " @jakarta.persistence.Entity");
      }
    }
    for (Class<?> type : sorted) {
      for (Field field : EntityFields.persistentFields(type)) {
        Class<?> target = associationTarget(field);
        if (target != null
            && target.isAnnotationPresent(Entity.class)
            && !isCovered(target, sorted)) {
          throw new ExtensionConfigurationException(
              "["
                  + type.getSimpleName()
                  + "."
                  + field.getName()
                  + "] refers to ["
                  + target.getName()
                  + "], which is not in "
                  + source
                  + " "
                  + simpleNames(sorted)
                  + "; add "
                  + target.getSimpleName()
                  + ".class to "
                  + whereListed);
        }
      }
    }
    return new EntitySet(Set.copyOf(sorted), whereListed);
  }

  private static boolean isCovered(Class<?> target, Set<Class<?>> classes) {
    return classes.stream().anyMatch(target::isAssignableFrom);
  }

  private static Class<?> associationTarget(Field field) {
    ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
    if (manyToOne != null) {
      return manyToOne.targetEntity() != void.class ? manyToOne.targetEntity() : field.getType();
    }
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    if (oneToOne != null) {
      return oneToOne.targetEntity() != void.class ? oneToOne.targetEntity() : field.getType();
    }
    OneToMany oneToMany = field.getAnnotation(OneToMany.class);
    if (oneToMany != null) {
      return oneToMany.targetEntity() != void.class ? oneToMany.targetEntity() : elementType(field);
    }
    ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
    if (manyToMany != null) {
      return manyToMany.targetEntity() != void.class
          ? manyToMany.targetEntity()
          : elementType(field);
    }
    return null;
  }

  private static Class<?> elementType(Field field) {
    Type generic = field.getGenericType();
    if (generic instanceof ParameterizedType p) {
      Type[] arguments = p.getActualTypeArguments();
      int index = Map.class.isAssignableFrom(field.getType()) ? 1 : 0;
      if (arguments.length > index && arguments[index] instanceof Class<?> c) {
        return c;
      }
    }
    return null;
  }

  public boolean contains(Class<?> type) {
    return classes.contains(type);
  }

  /** The schema of this set: {@code fixturekit_} and a hash of the class names. */
  public String schemaName() {
    String names = classes.stream().map(Class::getName).sorted().collect(Collectors.joining(","));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8));
      return "fixturekit_" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Class<?>> sorted() {
    return classes.stream().sorted(Comparator.comparing(Class::getName)).toList();
  }

  /** Simple class names, for messages: {@code [RefreshToken, User]}. */
  public String describe() {
    return simpleNames(classes);
  }

  private static String simpleNames(Collection<Class<?>> classes) {
    return classes.stream()
        .map(Class::getSimpleName)
        .sorted()
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
