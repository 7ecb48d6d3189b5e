package io.github.fixturekit.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How a token mapping is resolved from an entity class and a schema, and how it writes and reads
 * the token roles, asked of the mapping directly (no database). Each token class is made for one
 * case, as mappings are resolved once per class and set of names.
 */
class TokenFieldMappingTest {

  static final Instant NOW = Instant.parse("2026-03-29T01:30:00.123456Z");
  static final Instant LATER = Instant.parse("2026-04-05T01:30:00.123456Z");

  static String name(Field field) {
    return field.getName();
  }

  static String problem(Class<?> tokenType) {
    return problem(TokenSchema.of(tokenType));
  }

  static String problem(TokenSchema<?> schema) {
    try {
      TokenFieldMapping.of(schema);
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("the mapping of " + schema.tokenType() + " was accepted");
  }

  @Entity
  static class Holder {
    @Id @GeneratedValue Long id;
  }

  @Entity
  static class NotAnEntity {}

  @Nested
  class ByConvention {

    @Entity
    static class Conventional {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      @Column(length = 64)
      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      boolean revoked;
    }

    @Test
    void everyRoleIsFoundByItsConventionalName() {
      TokenFieldMapping<Conventional> mapping = TokenFieldMapping.of(Conventional.class);

      assertThat(name(mapping.ownerField())).isEqualTo("user");
      assertThat(mapping.ownerIsAssociation()).isTrue();
      assertThat(mapping.ownerType()).isEqualTo(Holder.class);
      assertThat(name(mapping.hashField())).isEqualTo("tokenHash");
      assertThat(name(mapping.familyField())).isEqualTo("familyId");
      assertThat(name(mapping.expiresAtField())).isEqualTo("expiresAt");
      assertThat(name(mapping.revokedField())).isEqualTo("revoked");
      assertThat(mapping.hasIssuedAt()).isFalse();
      assertThat(mapping.fieldsSet())
          .extracting(Field::getName)
          .containsExactlyInAnyOrder("user", "tokenHash", "familyId", "expiresAt", "revoked");
      assertThat(mapping.hashColumnLength()).isEqualTo(64);
      assertThat(mapping.tokenType()).isEqualTo(Conventional.class);
    }

    @Test
    void aMappingIsResolvedOncePerClass() {
      assertThat(TokenFieldMapping.of(Conventional.class))
          .isSameAs(TokenFieldMapping.of(Conventional.class));
    }

    @Entity
    static class Issued {
      @Id @GeneratedValue Long id;

      @OneToOne Holder owner;

      String tokenHash;

      String familyId;

      OffsetDateTime expiresAt;

      Boolean isRevoked;

      LocalDateTime issuedAt;
    }

    @Test
    void anOwningOneToOneIsAnOwnerAndIssuedAtIsFoundWhenItIsATimestamp() {
      TokenFieldMapping<Issued> mapping = TokenFieldMapping.of(Issued.class);

      assertThat(name(mapping.ownerField())).isEqualTo("owner");
      assertThat(mapping.ownerIsAssociation()).isTrue();
      assertThat(name(mapping.revokedField())).isEqualTo("isRevoked");
      assertThat(mapping.hasIssuedAt()).isTrue();
      assertThat(mapping.fieldsSet()).extracting(Field::getName).contains("issuedAt").hasSize(6);
      assertThat(mapping.hashColumnLength()).as("no @Column(length)").isEqualTo(-1);
    }

    @Entity
    static class IssuedAtOfOtherType {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      boolean revoked;

      LocalDate issuedAt;
    }

    @Test
    void anIssuedAtThatIsNoTimestampIsAnOrdinaryField() {
      assertThat(TokenFieldMapping.of(IssuedAtOfOtherType.class).hasIssuedAt()).isFalse();
    }

    @Entity
    static class ById {
      @Id @GeneratedValue Long id;

      Long userId;

      String tokenHash;

      UUID familyId;

      ZonedDateTime expiresAt;

      Instant revokedAt;
    }

    @Test
    void anOwnerIdColumnAndARevocationTimestamp() {
      TokenFieldMapping<ById> mapping = TokenFieldMapping.of(ById.class);

      assertThat(name(mapping.ownerField())).isEqualTo("userId");
      assertThat(mapping.ownerIsAssociation()).isFalse();
      assertThat(mapping.ownerType()).isNull();
      assertThat(name(mapping.revokedField())).isEqualTo("revokedAt");
    }

    @Entity
    static class ByIdWithOwnerType {
      @Id @GeneratedValue Long id;

      UUID ownerId;

      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      boolean revoked;
    }

    @Test
    void anIdColumnOwnerGetsItsEntityFromTheSchema() {
      TokenFieldMapping<ByIdWithOwnerType> mapping =
          TokenFieldMapping.of(TokenSchema.of(ByIdWithOwnerType.class).ownerType(Holder.class));

      assertThat(name(mapping.ownerField())).isEqualTo("ownerId");
      assertThat(mapping.ownerType()).isEqualTo(Holder.class);
    }

    @Test
    void anOwnerTypeThatIsNoEntityIsRefused() {
      assertThat(
              problem(
                  TokenSchema.of(ByIdWithOwnerType.class).ownerType(TokenFieldMappingTest.class)))
          .contains("ownerType [" + TokenFieldMappingTest.class.getName() + "]")
          .contains("is not a JPA @Entity");
    }
  }

  @Nested
  class Named {

    @Entity
    static class OtherNames {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder account;

      @ManyToOne Holder creator;

      String digest;

      String chain;

      LocalDateTime validUntil;

      OffsetDateTime withdrawnAt;

      LocalDate day;
    }

    @Test
    void aSchemaNamesEveryRole() {
      TokenFieldMapping<OtherNames> mapping =
          TokenFieldMapping.of(
              TokenSchema.of(OtherNames.class)
                  .owner("account")
                  .hash("digest")
                  .family("chain")
                  .expiresAt("validUntil")
                  .revoked("withdrawnAt"));

      assertThat(name(mapping.ownerField())).isEqualTo("account");
      assertThat(name(mapping.hashField())).isEqualTo("digest");
      assertThat(name(mapping.familyField())).isEqualTo("chain");
      assertThat(name(mapping.expiresAtField())).isEqualTo("validUntil");
      assertThat(name(mapping.revokedField())).isEqualTo("withdrawnAt");
    }

    @Test
    void aNamedFieldTheEntityDoesNotHave() {
      assertThat(
              problem(
                  TokenSchema.of(OtherNames.class)
                      .owner("nobody")
                      .hash("digest")
                      .family("chain")
                      .expiresAt("validUntil")
                      .revoked("withdrawnAt")))
          .contains("owner: the mapping names field [nobody], which [OtherNames] does not have");
    }

    @Test
    void aNamedOwnerThatIsNeitherAnAssociationNorAnIdColumn() {
      assertThat(
              problem(
                  TokenSchema.of(OtherNames.class)
                      .owner("day")
                      .hash("digest")
                      .family("chain")
                      .expiresAt("validUntil")
                      .revoked("withdrawnAt")))
          .contains("owner: field [day] is LocalDate, neither an association");
    }

    @Test
    void aNamedRoleOfTheWrongType() {
      assertThat(
              problem(
                  TokenSchema.of(OtherNames.class)
                      .owner("account")
                      .hash("day")
                      .family("chain")
                      .expiresAt("validUntil")
                      .revoked("withdrawnAt")))
          .contains("hash")
          .contains("[day]");
    }

    @Test
    void oneFieldInTwoRoles() {
      assertThat(
              problem(
                  TokenSchema.of(OtherNames.class)
                      .owner("account")
                      .hash("digest")
                      .family("digest")
                      .expiresAt("validUntil")
                      .revoked("withdrawnAt")))
          .contains("family: field [digest] is already mapped as hash");
    }

    @Test
    void twoAssociationsAndNoneNamedByConvention() {
      assertThat(
              problem(
                  TokenSchema.of(OtherNames.class)
                      .hash("digest")
                      .family("chain")
                      .expiresAt("validUntil")
                      .revoked("withdrawnAt")))
          .contains("owner: 2 associations [account, creator] and none is named 'user' or 'owner'");
    }
  }

  @Nested
  class Incomplete {

    @Entity
    static class Bare {
      @Id @GeneratedValue Long id;

      @Version Long version;

      String label;

      Long accountId;
    }

    @Test
    void everyMissingRoleIsListedWithTheMappingThatWouldFixIt() {
      assertThat(problem(Bare.class))
          .contains("[" + Bare.class.getName() + "] does not look like a refresh token entity")
          .contains("owner: no @ManyToOne association and no field named 'user' or 'owner'")
          .contains(
              "revoked: no field named 'revoked' or 'isRevoked' of type Boolean or boolean, nor"
                  + " 'revokedAt' of type Instant or LocalDateTime or OffsetDateTime or"
                  + " ZonedDateTime")
          // the one String field is offered once (hash), the id-like Long for the owner
          .contains(
              "@TokenMapping(entity = Bare.class, owner = \"accountId\", hash = \"label\","
                  + " family = \"<field>\", expiresAt = \"<field>\", revoked = \"<field>\")");
    }

    @Entity
    static class TwoCandidates {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String first;

      String second;

      UUID familyId;

      Instant expiresAt;

      boolean revoked;
    }

    @Test
    void severalCandidatesForARoleAreAllOffered() {
      assertThat(problem(TwoCandidates.class)).contains("hash = \"<first|second>\"");
    }

    @Entity
    static class WrongTypes {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      String revoked;
    }

    @Test
    void aRevokedFlagThatIsNoBoolean() {
      assertThat(problem(WrongTypes.class)).contains("revoked").contains("[revoked]");
    }

    @Entity
    static class RevokedAtOfWrongType {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      LocalDate revokedAt;
    }

    @Test
    void aRevocationTimestampThatIsNoTimestamp() {
      assertThat(problem(RevokedAtOfWrongType.class)).contains("revoked").contains("[revokedAt]");
    }
  }

  @Nested
  class WritingAndReading {

    @Entity
    static class WallTimes {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String tokenHash;

      String familyId;

      LocalDateTime expiresAt;

      ZonedDateTime revokedAt;

      OffsetDateTime issuedAt;
    }

    @Test
    void everyRoleIsWrittenInItsFieldsType() {
      TokenFieldMapping<WallTimes> mapping = TokenFieldMapping.of(WallTimes.class);
      WallTimes token = new WallTimes();
      Holder owner = new Holder();
      UUID family = UUID.randomUUID();

      mapping.apply(token, owner, "hash", family, LATER, false, NOW, NOW);

      assertThat(token.user).isSameAs(owner);
      assertThat(token.tokenHash).isEqualTo("hash");
      assertThat(token.familyId).isEqualTo(family.toString());
      assertThat(token.expiresAt).isEqualTo(LocalDateTime.ofInstant(LATER, ZoneOffset.UTC));
      assertThat(token.revokedAt).isNull();
      assertThat(token.issuedAt).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
      assertThat(mapping.expiresAt(token)).isEqualTo(LATER);
      assertThat(mapping.isRevoked(token)).isFalse();
      assertThat(mapping.owner(token)).isSameAs(owner);
      assertThat(mapping.family(token)).isEqualTo(family.toString());
      assertThat(mapping.storedHash(token)).isEqualTo("hash");
    }

    @Test
    void aRevokedTokenGetsTheRevocationTimeOnceAndKeepsIt() {
      TokenFieldMapping<WallTimes> mapping = TokenFieldMapping.of(WallTimes.class);
      WallTimes token = new WallTimes();

      mapping.apply(token, new Holder(), "hash", UUID.randomUUID(), LATER, true, NOW, NOW);
      assertThat(token.revokedAt).isEqualTo(NOW.atZone(ZoneOffset.UTC));
      assertThat(mapping.isRevoked(token)).isTrue();

      mapping.revoke(token, LATER);
      assertThat(token.revokedAt).as("first revocation kept").isEqualTo(NOW.atZone(ZoneOffset.UTC));
    }

    @Test
    void revokingATokenThatWasNotSetsNow() {
      TokenFieldMapping<WallTimes> mapping = TokenFieldMapping.of(WallTimes.class);
      WallTimes token = new WallTimes();
      mapping.apply(token, new Holder(), "hash", UUID.randomUUID(), LATER, false, NOW, NOW);

      mapping.revoke(token, LATER);

      assertThat(token.revokedAt).isEqualTo(LATER.atZone(ZoneOffset.UTC));
      assertThat(mapping.isRevoked(token)).isTrue();
    }

    @Entity
    static class Flags {
      @Id @GeneratedValue Long id;

      @ManyToOne Holder user;

      String tokenHash;

      UUID familyId;

      Instant expiresAt;

      boolean revoked;
    }

    @Test
    void aRevokedFlagIsSetAndAFamilyGivenAsTextBecomesAUuid() {
      TokenFieldMapping<Flags> mapping = TokenFieldMapping.of(Flags.class);
      Flags token = new Flags();
      UUID family = UUID.randomUUID();

      mapping.apply(token, new Holder(), "hash", family.toString(), LATER, true, NOW, NOW);
      assertThat(token.revoked).isTrue();
      assertThat(token.familyId).isEqualTo(family);
      assertThat(token.expiresAt).isEqualTo(LATER);

      token.revoked = false;
      assertThat(mapping.isRevoked(token)).isFalse();
      mapping.revoke(token, NOW);
      assertThat(token.revoked).isTrue();
    }

    @Test
    void timestampsConvertBothWaysInUtc() {
      for (Class<?> type :
          java.util.List.of(
              Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class)) {
        Object value = TokenFieldMapping.toFieldType(NOW, type);
        assertThat(value).as(type.getSimpleName()).isInstanceOf(type);
        assertThat(TokenFieldMapping.toInstant(value)).as(type.getSimpleName()).isEqualTo(NOW);
      }
      assertThat(TokenFieldMapping.toInstant(null)).isNull();
    }
  }
}
