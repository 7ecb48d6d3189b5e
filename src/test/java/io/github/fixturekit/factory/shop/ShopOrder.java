package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An order of a user, with lines, a status, a priority by ordinal, and money. */
@Entity
@Table(name = "shop_orders")
public class ShopOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "customer_id")
  private ShopUser customer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private OrderStatus status;

  @Enumerated(EnumType.ORDINAL)
  @Column(nullable = false)
  private Priority priority;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal total;

  @Column(name = "placed_at", nullable = false)
  private OffsetDateTime placedAt;

  @OneToMany(mappedBy = "order")
  private List<OrderLine> lines = new ArrayList<>();

  @Version private int version;

  protected ShopOrder() {}

  public Long getId() {
    return id;
  }

  public ShopUser getCustomer() {
    return customer;
  }

  public void setCustomer(ShopUser customer) {
    this.customer = customer;
  }

  public OrderStatus getStatus() {
    return status;
  }

  public void setStatus(OrderStatus status) {
    this.status = status;
  }

  public Priority getPriority() {
    return priority;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
  }

  public OffsetDateTime getPlacedAt() {
    return placedAt;
  }

  public List<OrderLine> getLines() {
    return lines;
  }

  public int getVersion() {
    return version;
  }
}
