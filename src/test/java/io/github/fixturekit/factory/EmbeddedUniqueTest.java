package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.pattern.Coupon;
import io.github.fixturekit.factory.pattern.Voucher;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** A unique column inside an {@code @Embeddable} gets a value that never repeats in the run. */
@FixtureTest(entities = {Coupon.class, Voucher.class})
class EmbeddedUniqueTest {

  @Test
  void uniqueColumnsOfAnEmbeddedValueNeverRepeat(Factory<Coupon> coupons, Session session) {
    List<Coupon> created = coupons.createList(400);

    assertThat(created.stream().map(c -> c.getIssuer().getReference()).collect(Collectors.toSet()))
        .hasSize(400)
        // the run-wide sequence is woven in, not left to random luck
        .allSatisfy(
            reference -> assertThat(reference).hasSizeLessThanOrEqualTo(12).matches(".*_\\d+"));
    assertThat(created.stream().map(c -> c.getIssuer().getBadge()).collect(Collectors.toSet()))
        .hasSize(400)
        .allSatisfy(badge -> assertThat(badge).matches("[A-Z]{2}\\d{3}"));
    assertThat(Rows.number(session, "select count(distinct issuer_reference) from fp_coupons"))
        .isEqualTo(400L);
  }
}
