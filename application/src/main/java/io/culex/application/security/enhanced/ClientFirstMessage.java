package io.culex.application.security.enhanced;

/**
 * A checked SCRAM client-first-message (RFC 5802 section 7).
 *
 * @param gs2Header   always {@code n,,}: no channel binding, no authorization identity
 * @param bare        the client-first-message-bare, as sent (part of the AuthMessage)
 * @param username    the saslname with {@code =2C} and {@code =3D} decoded
 * @param clientNonce the client's nonce
 */
record ClientFirstMessage(String gs2Header, String bare, String username, String clientNonce) {
}
