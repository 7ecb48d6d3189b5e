package io.github.fixturekit.tokens;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a ready refresh token as a test (or {@code @BeforeEach}) parameter. Its owner is made by
 * the owner's factory; parameters that name the same {@link #owner()} share one owner within a
 * test.
 *
 * <pre>{@code
 * @Test
 * void rejectsRevokedToken(@Issued(owner = "alice") IssuedToken<RefreshToken> active,
 *                          @Issued(owner = "alice", revoked = true) IssuedToken<RefreshToken> revoked) {
 *     assertThat(active.entity().getUser()).isSameAs(revoked.entity().getUser());
 * }
 * }</pre>
 *
 * <p>The token entity must be in the test's entity set; its mapping is found as for a {@link
 * RefreshTokenFactory} parameter (a {@link TokenMapping} on this parameter, the test class, the
 * extension's builder or the entity, else the naming convention).
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Issued {

  /**
   * Whether the token is stored as revoked.
   *
   * @return {@code false} by default
   */
  boolean revoked() default false;

  /**
   * How long from now the token expires, as an ISO-8601 duration: {@code "PT1H"}, {@code "P30D"},
   * {@code "-PT5M"} (already expired). Empty means the default of 7 days.
   *
   * @return the time to live
   */
  String expiresIn() default "";

  /**
   * A name for the owner: parameters of one test with the same name get the same owner. Empty means
   * a new owner for this token alone.
   *
   * @return the owner's name
   */
  String owner() default "";
}
