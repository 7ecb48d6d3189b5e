package io.github.fixturekit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the annotated class a real PostgreSQL database, a Hibernate session in a
 * transaction that is rolled back after the test, and factories injected as method parameters.
 *
 * <pre>{@code
 * @FixtureTest(entities = {User.class, RefreshToken.class})
 * class RefreshServiceTest {
 *     @Test
 *     void rejectsRevokedToken(Factory<User> users, RefreshTokenFactory<RefreshToken> tokens, Session session) {
 *         User alice = users.create();
 *         IssuedToken<RefreshToken> issued = tokens.create(alice, o -> o.revoked(true));
 *         assertThrows(TokenRevoked.class, () -> new RefreshService(session).refresh(issued.raw()));
 *     }
 * }
 * }</pre>
 *
 * <p>The annotation is inherited by subclasses and by {@code @Nested} classes.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FixtureExtension.class)
public @interface FixtureTest {

  /**
   * The JPA entity classes of the model under test. Each distinct set gets a SessionFactory (and a
   * schema) of its own. When empty, the entities are discovered as for a plain
   * {@code @ExtendWith(FixtureExtension.class)}: the {@value FixtureProperties#ENTITIES} key when
   * it is set, else every {@code @Entity} class in the test class's package and its subpackages.
   *
   * @return the entity classes
   */
  Class<?>[] entities() default {};

  /**
   * How tests are kept apart; {@link Isolated} on a test method overrides it for that method.
   *
   * @return the isolation mode, {@link Isolation#ROLLBACK} by default
   */
  Isolation isolation() default Isolation.ROLLBACK;

  /**
   * Custom factories ({@link FixtureFactory} subclasses) whose defaults apply wherever fixturekit
   * makes their entity on its own: a {@code Factory<User>} parameter, or a required parent. A
   * custom factory declared as a test parameter applies the same way for that test; a listed one
   * wins.
   *
   * <pre>{@code
   * @FixtureTest(entities = {User.class, Order.class}, factories = UserFactory.class)
   * }</pre>
   *
   * @return the custom factory classes
   */
  Class<? extends FixtureFactory<?>>[] factories() default {};
}
