package io.github.fixturekit.internal;

import io.github.fixturekit.Factory;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Which parameters fixturekit provides, and how each is made from the test's session. */
public final class FixtureParameters {

  private static final Set<Class<?>> SUPPORTED =
      Set.of(
          Session.class,
          EntityManager.class,
          SessionFactory.class,
          Database.class,
          Factory.class,
          RefreshTokenFactory.class);

  private FixtureParameters() {}

  /** Only fixturekit's own types, and the exact Hibernate types it owns in a test. */
  public static boolean supports(ParameterContext parameter) {
    Class<?> type = parameter.getParameter().getType();
    return SUPPORTED.contains(type) || UserFactories.isUserFactory(type);
  }

  /**
   * The value of {@code parameter}, from the test's session (opened on first need).
   *
   * @param testMethodPresent whether the parameter belongs to a test method or a
   *     {@code @BeforeEach}/{@code @AfterEach} method (the only places a session exists)
   */
  public static Object resolve(
      ParameterContext parameter,
      boolean testMethodPresent,
      Supplier<TestSession> testSession,
      Clock clock) {
    Class<?> type = parameter.getParameter().getType();
    if (!testMethodPresent || parameter.getDeclaringExecutable() instanceof Constructor) {
      throw new ParameterResolutionException(
          "fixturekit provides ["
              + type.getSimpleName()
              + "] to test methods and @BeforeEach/@AfterEach methods only, not to ["
              + parameter.getDeclaringExecutable()
              + "]: a session lives for one test. Move the parameter to a test or @BeforeEach"
              + " method.");
    }
    if (type == Factory.class) {
      Class<?> entity = entityArgument(parameter);
      TestSession session = testSession.get();
      requireListed(parameter, entity, session.entities());
      try {
        return session.factories().factory(entity);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
      }
    }
    if (UserFactories.isUserFactory(type)) {
      TestSession session = testSession.get();
      try {
        return session.userFactory(type);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
      }
    }
    if (type == RefreshTokenFactory.class) {
      Class<?> entity = entityArgument(parameter);
      TestSession session = testSession.get();
      requireListed(parameter, entity, session.entities());
      try {
        return RefreshTokenFactory.of(session.session(), entity, clock);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
      }
    }
    TestSession session = testSession.get();
    if (type == SessionFactory.class) {
      return session.sessionFactory();
    }
    if (type == Database.class) {
      return session.database();
    }
    return session.session();
  }

  private static Class<?> entityArgument(ParameterContext parameter) {
    Type generic = parameter.getParameter().getParameterizedType();
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    String simple = parameter.getParameter().getType().getSimpleName();
    throw new ParameterResolutionException(
        "["
            + typeName(parameter)
            + "] needs its entity type: declare the parameter as "
            + simple
            + "<YourEntity>, for example "
            + simple
            + "<User>");
  }

  private static void requireListed(ParameterContext parameter, Class<?> entity, EntitySet entities) {
    if (!entity.isAnnotationPresent(Entity.class)) {
      throw new ParameterResolutionException(
          "["
              + typeName(parameter)
              + "]: ["
              + entity.getName()
              + "] is not a JPA @Entity; factories make entities only");
    }
    if (!entities.contains(entity)) {
      throw new ParameterResolutionException(
          "["
              + typeName(parameter)
              + "]: ["
              + entity.getName()
              + "] is not in the entity set "
              + entities.describe()
              + " of this test; add "
              + entity.getSimpleName()
              + ".class to "
              + entities.whereListed());
    }
  }

  private static String typeName(ParameterContext parameter) {
    Type generic = parameter.getParameter().getParameterizedType();
    return generic.getTypeName().replaceAll("[\\w$]+\\.", "");
  }
}
