package io.github.fixturekit.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.fixturekit.Factory;
import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.factory.pattern.Coupon;
import io.github.fixturekit.factory.pattern.Voucher;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bean Validation's {@code @Pattern}: values are drawn from the pattern itself. */
@FixtureTest(entities = {Coupon.class, Voucher.class})
class PatternTest {

  private static ValidatorFactory validation;

  @BeforeAll
  static void startValidation() {
    validation = Validation.buildDefaultValidatorFactory();
  }

  @AfterAll
  static void closeValidation() {
    validation.close();
  }

  @Test
  void hundredsOfRowsMatchTheirPatternsAndPassBeanValidation(
      Factory<Coupon> coupons, Session session) {
    List<Coupon> created = coupons.createList(300);

    Validator validator = validation.getValidator();
    assertThat(created).allSatisfy(c -> assertThat(validator.validate(c)).isEmpty());
    assertThat(created)
        .allSatisfy(
            c -> {
              assertThat(c.getCode()).matches("[A-Z]{3}-\\d{4}");
              assertThat(c.getKind()).isIn("gift", "promo", "staff");
              assertThat(c.getSlug()).hasSizeBetween(3, 20);
              assertThat(c.getIssuer().getPostcode()).matches("\\d{5}");
            });
    assertThat(Rows.count(session, "fp_coupons")).isEqualTo(300);
  }

  @Test
  void aUniquePatternColumnNeverRepeatsInTheRun(Factory<Coupon> coupons) {
    List<Coupon> created = coupons.createList(500);

    assertThat(created.stream().map(Coupon::getCode).collect(Collectors.toSet())).hasSize(500);
  }

  @Test
  void aPatternFixturekitCannotReadNamesTheFieldAndTheFix(Factory<Voucher> vouchers) {
    assertThatThrownBy(vouchers::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[io.github.fixturekit.factory.pattern.Voucher.secret]")
        .hasMessageContaining("(?=.*\\d)\\w{8}")
        .hasMessageContaining("the group '(?=' (look-arounds")
        .hasMessageContaining("e.setSecret(...)");
  }
}
