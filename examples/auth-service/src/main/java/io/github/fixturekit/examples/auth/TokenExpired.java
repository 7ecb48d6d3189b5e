package io.github.fixturekit.examples.auth;

/** Thrown when the presented refresh token has expired. */
public final class TokenExpired extends TokenException {

    private static final long serialVersionUID = 1L;

    public TokenExpired() {
        super("The refresh token has expired");
    }
}
