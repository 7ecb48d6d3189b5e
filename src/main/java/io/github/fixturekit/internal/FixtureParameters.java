package io.github.fixturekit.internal;

import io.github.fixturekit.Factory;
import io.github.fixturekit.TestClock;
import io.github.fixturekit.database.Database;
import io.github.fixturekit.internal.tokens.TokenFactoryAccess;
import io.github.fixturekit.tokens.Issued;
import io.github.fixturekit.tokens.IssuedToken;
import io.github.fixturekit.tokens.RefreshTokenFactory;
import io.github.fixturekit.tokens.TokenMapping;
import io.github.fixturekit.tokens.TokenSchema;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/** Which parameters fixturekit provides, and how each is made from the test's session. */
public final class FixtureParameters {

  private static final Set<Class<?>> SUPPORTED =
      Set.of(
          Session.class,
          EntityManager.class,
          SessionFactory.class,
          Database.class,
          Factory.class,
          RefreshTokenFactory.class,
          TestClock.class);

  /**
   * What one parameter resolution can draw on.
   *
   * @param testMethodPresent whether the parameter belongs to a test method or a
   *     {@code @BeforeEach}/{@code @AfterEach} method (the only places a session exists)
   * @param testSession the test's session, opened before the test
   * @param clock the test's clock
   * @param schemas token mappings given to the extension's builder
   * @param testClass the test class
   * @param testMethod the test method, when there is one
   */
  public record Scope(
      boolean testMethodPresent,
      Supplier<TestSession> testSession,
      Supplier<TestClock> clock,
      List<TokenSchema<?>> schemas,
      Class<?> testClass,
      Optional<Method> testMethod) {}

  private FixtureParameters() {}

  /**
   * Only fixturekit's own types, and the exact Hibernate types it owns in a test; an {@code
   * IssuedToken} only when annotated {@link Issued} (and anything so annotated, to explain).
   */
  public static boolean supports(ParameterContext parameter) {
    if (parameter.isAnnotated(Issued.class)) {
      return true;
    }
    Class<?> type = parameter.getParameter().getType();
    return SUPPORTED.contains(type) || UserFactories.isUserFactory(type);
  }

  /** The value of {@code parameter}. */
  public static Object resolve(ParameterContext parameter, Scope scope) {
    Class<?> type = parameter.getParameter().getType();
    if (!scope.testMethodPresent() || parameter.getDeclaringExecutable() instanceof Constructor) {
      throw new ParameterResolutionException(
          "fixturekit provides ["
              + type.getSimpleName()
              + "] to test methods and @BeforeEach/@AfterEach methods only, not to ["
              + parameter.getDeclaringExecutable()
              + "]: a session lives for one test. Move the parameter to a test or @BeforeEach"
              + " method.");
    }
    if (parameter.isAnnotated(Issued.class)) {
      return issued(parameter, scope);
    }
    if (type == TestClock.class) {
      return scope.clock().get();
    }
    if (type == Factory.class) {
      Class<?> entity = entityArgument(parameter);
      TestSession session = scope.testSession().get();
      requireListed(parameter, entity, session.entities());
      try {
        return session.factories().factory(entity);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
      }
    }
    if (UserFactories.isUserFactory(type)) {
      TestSession session = scope.testSession().get();
      try {
        return session.userFactory(type);
      } catch (IllegalArgumentException e) {
        throw new ParameterResolutionException(
            "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
      }
    }
    if (type == RefreshTokenFactory.class) {
      Class<?> entity = entityArgument(parameter);
      TestSession session = scope.testSession().get();
      requireListed(parameter, entity, session.entities());
      return tokenFactory(parameter, entity, session, scope);
    }
    TestSession session = scope.testSession().get();
    if (type == SessionFactory.class) {
      return session.sessionFactory();
    }
    if (type == Database.class) {
      return session.database();
    }
    return session.session();
  }

  private static RefreshTokenFactory<?> tokenFactory(
      ParameterContext parameter, Class<?> entity, TestSession session, Scope scope) {
    try {
      return RefreshTokenFactory.of(
          session.session(), schema(parameter, entity, scope), scope.clock().get());
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(
          "[" + typeName(parameter) + "] cannot be provided: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object issued(ParameterContext parameter, Scope scope) {
    if (parameter.getParameter().getType() != IssuedToken.class) {
      throw new ParameterResolutionException(Messages.issuedNotAToken(typeName(parameter)));
    }
    Issued issued = parameter.findAnnotation(Issued.class).orElseThrow();
    Duration expiresIn = null;
    if (!issued.expiresIn().isBlank()) {
      try {
        expiresIn = Duration.parse(issued.expiresIn().trim());
      } catch (DateTimeParseException e) {
        throw new ParameterResolutionException(
            Messages.issuedBadDuration(typeName(parameter), issued.expiresIn()), e);
      }
    }
    Class<?> entity = entityArgument(parameter);
    TestSession session = scope.testSession().get();
    requireListed(parameter, entity, session.entities());
    RefreshTokenFactory<Object> tokens =
        (RefreshTokenFactory<Object>) tokenFactory(parameter, entity, session, scope);
    TokenFactoryAccess access = (TokenFactoryAccess) tokens;
    Class<?> ownerType = access.ownerType();
    if (ownerType == null) {
      throw new ParameterResolutionException(
          Messages.issuedOwnerUnknown(typeName(parameter), access.ownerFieldName()));
    }
    requireListed(parameter, ownerType, session.entities());
    Factory<?> owners = session.factories().factory(ownerType);
    Object owner =
        issued.owner().isBlank()
            ? owners.create()
            : session.namedOwner(ownerType, issued.owner().trim(), owners::create);
    Duration lifetime = expiresIn;
    return tokens.create(
        owner,
        o -> {
          o.revoked(issued.revoked());
          if (lifetime != null) {
            o.expiresIn(lifetime);
          }
        });
  }

  /**
   * The token mapping for {@code entity}, most specific first: the parameter, the test method, the
   * test class and its enclosing classes, the builder, the entity's own factory (a listed {@link
   * io.github.fixturekit.FixtureFactory} of it), the entity class; else the convention.
   */
  private static TokenSchema<?> schema(ParameterContext parameter, Class<?> entity, Scope scope) {
    List<TokenMapping> onParameter = parameter.findRepeatableAnnotations(TokenMapping.class);
    if (!onParameter.isEmpty()) {
      return TokenSchema.of(entity, onParameter.get(0));
    }
    Optional<TokenMapping> found =
        scope
            .testMethod()
            .flatMap(
                m ->
                    pick(
                        AnnotationSupport.findRepeatableAnnotations(m, TokenMapping.class),
                        entity));
    for (Class<?> c = scope.testClass(); found.isEmpty() && c != null; c = c.getEnclosingClass()) {
      found = pick(AnnotationSupport.findRepeatableAnnotations(c, TokenMapping.class), entity);
    }
    if (found.isPresent()) {
      return TokenSchema.of(entity, found.get());
    }
    for (TokenSchema<?> schema : scope.schemas()) {
      if (schema.tokenType() == entity) {
        return schema;
      }
    }
    for (Class<?> factory : scope.testSession().get().factories().userFactoryClasses()) {
      if (UserFactories.entityType(factory) == entity) {
        found =
            pick(AnnotationSupport.findRepeatableAnnotations(factory, TokenMapping.class), entity);
        if (found.isPresent()) {
          return TokenSchema.of(entity, found.get());
        }
      }
    }
    found = pick(AnnotationSupport.findRepeatableAnnotations(entity, TokenMapping.class), entity);
    return found.isPresent() ? TokenSchema.of(entity, found.get()) : TokenSchema.of(entity);
  }

  private static Optional<TokenMapping> pick(List<TokenMapping> mappings, Class<?> entity) {
    return mappings.stream()
        .filter(m -> m.entity() == entity)
        .findFirst()
        .or(() -> mappings.stream().filter(m -> m.entity() == void.class).findFirst());
  }

  private static Class<?> entityArgument(ParameterContext parameter) {
    Type generic = parameter.getParameter().getParameterizedType();
    if (generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
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

  private static void requireListed(
      ParameterContext parameter, Class<?> entity, EntitySet entities) {
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
