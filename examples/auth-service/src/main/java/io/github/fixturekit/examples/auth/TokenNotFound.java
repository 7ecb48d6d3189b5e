package io.github.fixturekit.examples.auth;

/** Thrown when no refresh token matches the presented value. */
public final class TokenNotFound extends TokenException {

    private static final long serialVersionUID = 1L;

    public TokenNotFound() {
        super("No refresh token matches the presented value");
    }
}
