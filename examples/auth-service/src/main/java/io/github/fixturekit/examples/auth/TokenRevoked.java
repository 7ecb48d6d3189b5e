package io.github.fixturekit.examples.auth;

/** Thrown when the presented refresh token has been revoked. */
public final class TokenRevoked extends TokenException {

    private static final long serialVersionUID = 1L;

    public TokenRevoked() {
        super("The refresh token has been revoked");
    }
}
