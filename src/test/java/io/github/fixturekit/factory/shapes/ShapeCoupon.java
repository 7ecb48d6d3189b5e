package io.github.fixturekit.factory.shapes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Unique columns that leave little room: a 3-character code and a numeric(5, 2) amount. */
@Entity
@Table(name = "fs_coupons")
public class ShapeCoupon {
  @Id @GeneratedValue private Long id;

  @Column(length = 3, unique = true, nullable = false)
  private String code;

  @Column(unique = true, nullable = false, precision = 5, scale = 2)
  private BigDecimal amount;

  protected ShapeCoupon() {}

  public String getCode() {
    return code;
  }

  public BigDecimal getAmount() {
    return amount;
  }
}
