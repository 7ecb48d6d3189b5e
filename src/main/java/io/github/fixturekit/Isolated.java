package io.github.fixturekit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the isolation of one test method, overriding the class's ({@link FixtureTest#isolation()}
 * or {@link FixtureExtension.Builder#isolation(Isolation)}).
 *
 * <pre>{@code
 * @FixtureTest(entities = {User.class, Order.class})        // ROLLBACK for the class
 * class CheckoutTest {
 *
 *     @Test
 *     @Isolated(Isolation.TRUNCATE)                           // this test's rows are committed
 *     void theBillingJobSeesTheOrder(Factory<Order> orders) {
 *         Order order = orders.create();
 *         billingJob.runWithItsOwnConnection();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Isolated {

  /**
   * The isolation of the annotated test.
   *
   * @return the isolation mode
   */
  Isolation value();
}
