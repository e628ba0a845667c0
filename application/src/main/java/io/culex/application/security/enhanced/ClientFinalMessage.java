package io.culex.application.security.enhanced;

/**
 * A checked SCRAM client-final-message (RFC 5802 section 7).
 *
 * @param channelBinding the decoded {@code c=} attribute: the gs2 header again, since there is no binding data
 * @param nonce          the {@code r=} attribute: client nonce followed by server nonce
 * @param proof          the decoded {@code p=} attribute
 * @param withoutProof   client-final-message-without-proof, as sent (part of the AuthMessage)
 */
record ClientFinalMessage(byte[] channelBinding, String nonce, byte[] proof, String withoutProof) {
}
