package io.github.fixturekit.tokens.schemas;

import io.github.fixturekit.FixtureTest;
import io.github.fixturekit.model.Member;
import io.github.fixturekit.model.SessionToken;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one entity set of the token-toolkit tests (one schema, one SessionFactory): the convention
 * model and every token schema of this package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@FixtureTest(
    entities = {
      Member.class,
      SessionToken.class,
      TsUser.class,
      TsApiToken.class,
      TsLegacyToken.class,
      TsWebToken.class,
      TsBrokenToken.class
    })
public @interface TsFixtureTest {}
