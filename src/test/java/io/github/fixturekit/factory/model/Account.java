package io.github.fixturekit.factory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** A customer account: unique columns, short columns, numbers, temporals, a version. */
@Entity
@Table(name = "fa_accounts")
public class Account {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(unique = true, nullable = false, length = 60)
  private String email;

  @Column(length = 5, nullable = false)
  private String code;

  @Column(unique = true, length = 8)
  private String handle;

  @Column(name = "member_no", unique = true, nullable = false)
  private Integer memberNo;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(length = 20)
  private String nickname;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(precision = 8, scale = 2)
  private BigDecimal balance;

  @Column(name = "discount_rate", precision = 4, scale = 3)
  private BigDecimal discountRate;

  @Column(name = "login_count", nullable = false)
  private int loginCount;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "last_login_at")
  private LocalDateTime lastLoginAt;

  @Column(name = "renewed_at")
  private OffsetDateTime renewedAt;

  @Column(name = "birthday")
  private LocalDate birthday;

  @Column(name = "cutoff_time")
  private LocalTime cutoffTime;

  @Column(name = "grace_period")
  private Duration gracePeriod;

  @ManyToOne
  @JoinColumn(name = "region_id")
  private Region region;

  @Version private long version;

  @Transient private String scratch;

  protected Account() {}

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getHandle() {
    return handle;
  }

  public void setHandle(String handle) {
    this.handle = handle;
  }

  public Integer getMemberNo() {
    return memberNo;
  }

  public void setMemberNo(Integer memberNo) {
    this.memberNo = memberNo;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getNickname() {
    return nickname;
  }

  public void setNickname(String nickname) {
    this.nickname = nickname;
  }

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public BigDecimal getBalance() {
    return balance;
  }

  public void setBalance(BigDecimal balance) {
    this.balance = balance;
  }

  public BigDecimal getDiscountRate() {
    return discountRate;
  }

  public void setDiscountRate(BigDecimal discountRate) {
    this.discountRate = discountRate;
  }

  public int getLoginCount() {
    return loginCount;
  }

  public void setLoginCount(int loginCount) {
    this.loginCount = loginCount;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public void setOpenedAt(Instant openedAt) {
    this.openedAt = openedAt;
  }

  public LocalDateTime getLastLoginAt() {
    return lastLoginAt;
  }

  public void setLastLoginAt(LocalDateTime lastLoginAt) {
    this.lastLoginAt = lastLoginAt;
  }

  public OffsetDateTime getRenewedAt() {
    return renewedAt;
  }

  public void setRenewedAt(OffsetDateTime renewedAt) {
    this.renewedAt = renewedAt;
  }

  public LocalDate getBirthday() {
    return birthday;
  }

  public void setBirthday(LocalDate birthday) {
    this.birthday = birthday;
  }

  public LocalTime getCutoffTime() {
    return cutoffTime;
  }

  public void setCutoffTime(LocalTime cutoffTime) {
    this.cutoffTime = cutoffTime;
  }

  public Duration getGracePeriod() {
    return gracePeriod;
  }

  public void setGracePeriod(Duration gracePeriod) {
    this.gracePeriod = gracePeriod;
  }

  public Region getRegion() {
    return region;
  }

  public void setRegion(Region region) {
    this.region = region;
  }

  public long getVersion() {
    return version;
  }

  public String getScratch() {
    return scratch;
  }

  public void setScratch(String scratch) {
    this.scratch = scratch;
  }
}
