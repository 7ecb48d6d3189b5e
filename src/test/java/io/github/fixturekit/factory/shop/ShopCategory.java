package io.github.fixturekit.factory.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A category tree: each category has an optional parent and knows its children. */
@Entity
@Table(name = "shop_categories")
public class ShopCategory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 24)
  private String name;

  @ManyToOne
  @JoinColumn(name = "parent_id")
  private ShopCategory parent;

  @OneToMany(mappedBy = "parent")
  private List<ShopCategory> children = new ArrayList<>();

  protected ShopCategory() {}

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public ShopCategory getParent() {
    return parent;
  }

  public void setParent(ShopCategory parent) {
    this.parent = parent;
  }

  public List<ShopCategory> getChildren() {
    return children;
  }
}
