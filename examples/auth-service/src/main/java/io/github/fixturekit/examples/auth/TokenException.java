package io.github.fixturekit.examples.auth;

/** Why a presented refresh token was refused. */
public abstract class TokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TokenException(String message) {
        super(message);
    }
}
