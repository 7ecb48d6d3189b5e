package io.github.fixturekit;

import io.github.fixturekit.internal.EntitySet;
import io.github.fixturekit.internal.EntitySetResolver;
import io.github.fixturekit.internal.FixtureParameters;
import io.github.fixturekit.internal.FixtureRuntime;
import io.github.fixturekit.internal.FixtureSettings;
import io.github.fixturekit.internal.Messages;
import io.github.fixturekit.internal.Seeds;
import io.github.fixturekit.internal.TestSession;
import io.github.fixturekit.tokens.TokenSchema;
import java.lang.reflect.AnnotatedElement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link FixtureTest}. It can also be used on its own:
 *
 * <pre>{@code
 * @ExtendWith(FixtureExtension.class)          // entities discovered in this package
 * class DiscoveredTest { ... }
 *
 * class ProgrammaticTest {
 *     @RegisterExtension
 *     static FixtureExtension fixtures =
 *         FixtureExtension.builder().entities(User.class, RefreshToken.class).build();
 * }
 * }</pre>
 *
 * <p>Per JVM it starts one database and builds one SessionFactory per distinct entity set. Before
 * each test it opens one session and begins its transaction; after the test (and its
 * {@code @AfterEach} methods) it rolls the transaction back and closes the session, whatever
 * happened in it; in {@link Isolation#TRUNCATE} factories commit and the entity set's tables are
 * emptied instead, and in {@link Isolation#ROLLBACK} rows committed outside the test's transaction
 * are reported ({@link FixtureProperties#LEAKS}). Each test also gets a new {@link TestClock} that
 * follows the configured clock until the test freezes it ({@link FrozenClock}, {@link
 * TestClock#freezeAt(java.time.Instant)}).
 *
 * @since 0.1.0
 */
public final class FixtureExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver, TestWatcher {

  private static final Namespace NAMESPACE = Namespace.create(FixtureExtension.class);
  private static final String SETTINGS = "settings";
  private static final String SEED = "seed";

  private final List<Class<?>> entities;
  private final List<Class<?>> factories;
  private final @Nullable Isolation isolation;
  private final Clock clock;
  private final List<TokenSchema<?>> tokenSchemas;

  /** The extension as {@code @FixtureTest} and {@code @ExtendWith} create it. */
  public FixtureExtension() {
    this(List.of(), List.of(), null, Clock.systemUTC(), List.of());
  }

  private FixtureExtension(
      List<Class<?>> entities,
      List<Class<?>> factories,
      @Nullable Isolation isolation,
      Clock clock,
      List<TokenSchema<?>> tokenSchemas) {
    this.entities = entities;
    this.factories = factories;
    this.isolation = isolation;
    this.clock = clock;
    this.tokenSchemas = tokenSchemas;
  }

  /**
   * Starts a programmatic configuration, for {@code @RegisterExtension}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (context.getStore(NAMESPACE).get(TestSession.class) != null) {
      // A second FixtureExtension on the same test would open a second session over the first.
      throw new ExtensionConfigurationException(Messages.registeredTwice(context.getDisplayName()));
    }
    // A new clock per test, so a frozen clock never reaches the next test.
    TestClock testClock = TestClock.following(clock);
    frozenAt(context).ifPresent(testClock::freezeAt);
    context.getStore(NAMESPACE).put(TestClock.class, testClock);
    Isolation chosen = EntitySetResolver.isolation(context, isolation);
    FixtureSettings settings = settings(context);
    EntitySet entitySet = EntitySetResolver.resolve(context, entities, settings);
    long seed = Seeds.of(context, settings.seed());
    context.getStore(NAMESPACE).put(SEED, seed);
    FixtureRuntime runtime = FixtureRuntime.get(settings);
    String test = testName(context);
    runtime.requireServer(test);
    TestSession session;
    try {
      session =
          TestSession.open(
              runtime,
              entitySet,
              seed,
              EntitySetResolver.userFactories(context, factories),
              chosen,
              settings.leaks(),
              test);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw runtime.explain(e, test);
    }
    context.getStore(NAMESPACE).put(TestSession.class, session);
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
  }

  /** Prints the seed of a failed test's random data, and publishes it as a report entry. */
  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    // A test that failed because the database stopped: the next tests fail at once.
    FixtureRuntime.notice(cause, testName(context));
    // Not for set-up errors (random data did not cause them): a second registration of the
    // extension fails that way too, so the line is printed once.
    Long seed = context.getStore(NAMESPACE).get(SEED, Long.class);
    if (seed != null
        && !(cause instanceof ExtensionConfigurationException)
        && !(cause instanceof ParameterResolutionException)) {
      String test =
          context
              .getTestMethod()
              .map(
                  m ->
                      m.getName().equals(context.getDisplayName().replaceAll("\\(.*", ""))
                          ? context.getDisplayName()
                          : m.getName() + " " + context.getDisplayName())
              .orElse(context.getDisplayName());
      String report = Messages.seedReport(test, seed);
      System.err.println(report);
      context.publishReportEntry("fixturekit.seed", Long.toString(seed));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestSession session = context.getStore(NAMESPACE).remove(TestSession.class, TestSession.class);
    if (session != null) {
      try {
        session.close();
      } catch (RuntimeException e) {
        throw FixtureRuntime.get(settings(context)).explain(e, testName(context));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return FixtureParameters.supports(parameter);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return FixtureParameters.resolve(
        parameter,
        new FixtureParameters.Scope(
            context.getTestMethod().isPresent(),
            () -> testSession(context),
            () -> testClock(context),
            tokenSchemas,
            context.getRequiredTestClass(),
            context.getTestMethod()));
  }

  private static TestClock testClock(ExtensionContext context) {
    TestClock testClock = context.getStore(NAMESPACE).get(TestClock.class, TestClock.class);
    if (testClock == null) {
      throw new ParameterResolutionException(
          "fixturekit has no clock for ["
              + context.getDisplayName()
              + "]: preparing the test failed;"
              + " see the first error of this test");
    }
    return testClock;
  }

  /** {@code @FrozenClock} of the test method, else of its class or an enclosing class. */
  private static Optional<Instant> frozenAt(ExtensionContext context) {
    List<AnnotatedElement> elements = new ArrayList<>();
    context.getTestMethod().ifPresent(elements::add);
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      elements.add(c);
    }
    for (AnnotatedElement element : elements) {
      Optional<FrozenClock> frozen = AnnotationSupport.findAnnotation(element, FrozenClock.class);
      if (frozen.isPresent()) {
        try {
          return Optional.of(Instant.parse(frozen.get().value().trim()));
        } catch (DateTimeParseException e) {
          throw new ExtensionConfigurationException(
              Messages.frozenClockInvalid(describe(element), frozen.get().value()), e);
        }
      }
    }
    return Optional.empty();
  }

  private static String describe(AnnotatedElement element) {
    if (element instanceof java.lang.reflect.Method method) {
      return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
    return ((Class<?>) element).getName();
  }

  private static TestSession testSession(ExtensionContext context) {
    TestSession session = context.getStore(NAMESPACE).get(TestSession.class, TestSession.class);
    if (session == null) {
      throw new ParameterResolutionException(
          "fixturekit has no session for ["
              + context.getDisplayName()
              + "]: opening it failed"
              + " before the test; see the first error of this test");
    }
    return session;
  }

  private static FixtureSettings settings(ExtensionContext context) {
    ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
    FixtureSettings settings = store.get(SETTINGS, FixtureSettings.class);
    if (settings == null) {
      settings = FixtureSettings.read(context);
      store.put(SETTINGS, settings);
    }
    return settings;
  }

  /**
   * Configures a {@link FixtureExtension} for {@code @RegisterExtension}.
   *
   * <pre>{@code
   * @RegisterExtension
   * static FixtureExtension fixtures = FixtureExtension.builder()
   *     .entities(User.class, RefreshToken.class)
   *     .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
   *     .tokenMapping(TokenSchema.of(ApiSession.class).owner("accountId").revoked("revokedAt"))
   *     .build();
   * }</pre>
   *
   * @since 0.1.0
   */
  public static final class Builder {

    private List<Class<?>> entities = List.of();
    private List<Class<?>> factories = List.of();
    private @Nullable Isolation isolation;
    private Clock clock = Clock.systemUTC();
    private final List<TokenSchema<?>> tokenSchemas = new ArrayList<>();

    private Builder() {}

    /**
     * The entity classes of the model under test; when none are given they are discovered.
     *
     * @param entities JPA entity classes
     * @return this builder
     */
    public Builder entities(Class<?>... entities) {
      this.entities = List.of(entities);
      return this;
    }

    /**
     * Custom factories whose defaults apply wherever fixturekit makes their entity on its own, as
     * {@link FixtureTest#factories()}.
     *
     * @param factories {@link FixtureFactory} subclasses
     * @return this builder
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied into an immutable list
    public final Builder factories(Class<? extends FixtureFactory<?>>... factories) {
      this.factories = List.of(factories);
      return this;
    }

    /**
     * How tests are kept apart; {@link Isolated} on a test method overrides it for that method.
     *
     * @param isolation the isolation mode
     * @return this builder
     */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /**
     * The clock each test's {@link TestClock} follows until the test freezes it; the live system
     * UTC clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How a token entity whose fields do not follow the naming convention is mapped, for its {@code
     * RefreshTokenFactory} and {@code @Issued} parameters. A {@code @TokenMapping} on the
     * parameter, test method or test class wins over it.
     *
     * @param schema the mapping of one token entity
     * @return this builder
     */
    public Builder tokenMapping(TokenSchema<?> schema) {
      Objects.requireNonNull(schema, "schema");
      tokenSchemas.removeIf(s -> s.tokenType() == schema.tokenType());
      tokenSchemas.add(schema);
      return this;
    }

    /**
     * The configured extension.
     *
     * @return a new extension
     */
    public FixtureExtension build() {
      return new FixtureExtension(entities, factories, isolation, clock, List.copyOf(tokenSchemas));
    }
  }
}
