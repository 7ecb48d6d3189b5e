package io.github.fixturekit.internal;

import io.github.fixturekit.FixtureFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes user-defined factories ({@link FixtureFactory} subclasses) bound to a session's factories.
 * A factory's constructor picks its binding up from here, so users declare nothing but a
 * no-argument constructor.
 */
public final class UserFactories {

  private static final ThreadLocal<Binding<?>> CONSTRUCTING = new ThreadLocal<>();
  private static final Map<Class<?>, Class<?>> ENTITY_TYPES = new ConcurrentHashMap<>();

  /** What a user factory is bound to: the session's factories and its entity type. */
  public record Binding<T>(FactoryRegistry registry, Class<T> entityType) {}

  private UserFactories() {}

  /** The binding of the factory being constructed now, or null when a user calls {@code new}. */
  public static Binding<?> constructing() {
    return CONSTRUCTING.get();
  }

  /** A new instance of {@code factoryClass} bound to {@code binding}. */
  public static <F> F instantiate(Class<F> factoryClass, Binding<?> binding) {
    Constructor<F> constructor;
    try {
      constructor = factoryClass.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(Messages.userFactoryConstructor(factoryClass), e);
    }
    Binding<?> outer = CONSTRUCTING.get();
    CONSTRUCTING.set(binding);
    try {
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(
          Messages.userFactoryConstructorFailed(factoryClass, e.getCause()), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException(Messages.userFactoryConstructor(factoryClass), e);
    } finally {
      if (outer == null) {
        CONSTRUCTING.remove();
      } else {
        CONSTRUCTING.set(outer);
      }
    }
  }

  /**
   * Whether {@code type} is a user factory fixturekit can inject: a concrete FixtureFactory
   * subclass.
   */
  public static boolean isUserFactory(Class<?> type) {
    return FixtureFactory.class.isAssignableFrom(type) && type != FixtureFactory.class;
  }

  /**
   * Checks that fixturekit can make {@code factoryClass}, with a message that says how to fix it.
   */
  static void requireInstantiable(Class<?> factoryClass) {
    if (Modifier.isAbstract(factoryClass.getModifiers())
        || (factoryClass.isMemberClass() && !Modifier.isStatic(factoryClass.getModifiers()))) {
      throw new IllegalArgumentException(Messages.userFactoryConstructor(factoryClass));
    }
  }

  /** The entity type {@code factoryClass} makes: the type argument it gives FixtureFactory. */
  public static Class<?> entityType(Class<?> factoryClass) {
    return ENTITY_TYPES.computeIfAbsent(factoryClass, UserFactories::resolveEntityType);
  }

  /**
   * The entity type of {@code factoryClass}, worked out afresh (not cached): FixtureFactory's type
   * argument, followed through the type variables of the classes in between.
   */
  static Class<?> resolveEntityType(Class<?> factoryClass) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Type current = factoryClass;
    while (current != null) {
      Class<?> raw = raw(current);
      if (current instanceof ParameterizedType p) {
        TypeVariable<?>[] variables = raw.getTypeParameters();
        for (int i = 0; i < variables.length; i++) {
          bindings.put(variables[i], p.getActualTypeArguments()[i]);
        }
      }
      if (raw == FixtureFactory.class) {
        Type argument = bindings.get(FixtureFactory.class.getTypeParameters()[0]);
        while (argument instanceof TypeVariable<?> variable && bindings.containsKey(variable)) {
          argument = bindings.get(variable);
        }
        if (argument instanceof Class<?> c) {
          return c;
        }
        if (argument instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
          return c;
        }
        break;
      }
      current = raw.getGenericSuperclass();
    }
    throw new IllegalArgumentException(Messages.userFactoryEntityUnknown(factoryClass));
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }
}
