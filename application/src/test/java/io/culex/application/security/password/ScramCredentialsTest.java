package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Vectors computed independently with Python's hashlib/hmac and checked against RFC 7677's example exchange. */
class ScramCredentialsTest {

    /** RFC 7677 section 3: user "user", password "pencil", this salt, 4096 iterations. */
    static final String RFC7677_PENCIL = "$scram-sha-256$4096$W22ZaJ0SNY7soEsUEjb6gQ==$"
            + "WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=$wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";
    /** Password "pässwörd" (UTF-8), salt bytes 0..15, 5000 iterations. */
    static final String NON_ASCII_5000 = "$scram-sha-256$5000$AAECAwQFBgcICQoLDA0ODw==$"
            + "/JI7nN5Q9doTRTEYeT8la902SPQSgUxNCwnUVUFHg6U=$3jXSBMMaHK4xcW0KBIXVrr0zdtb7uDsgTQhEjfmaSoU=";

    private static final byte[] RFC_AUTH_MESSAGE = ("n=user,r=rOprNGfwEbeRWgbNEkqO,"
            + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
            + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0").getBytes(StandardCharsets.US_ASCII);

    private static ScramCredentials decode(String text) throws Exception {
        return PasswordHash.decode(text).scramCredentials().orElseThrow();
    }

    @Test
    void derivingFromTheRfcPasswordGivesTheStoredEntry() throws Exception {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramCredentials derived = ScramCredentials.derive("pencil", salt, 4096);
        assertEquals(RFC7677_PENCIL, derived.encode());
        assertEquals(decode(RFC7677_PENCIL), derived);
    }

    @Test
    void theRfcClientProofVerifiesAndTheServerSignatureIsTheRfcs() throws Exception {
        ScramCredentials credentials = decode(RFC7677_PENCIL);
        byte[] proof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");

        assertTrue(credentials.verifiesProof(RFC_AUTH_MESSAGE, proof));
        assertArrayEquals(Base64.getDecoder().decode("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="),
                credentials.serverSignature(RFC_AUTH_MESSAGE));
    }

    @Test
    void aProofWithOneBitChangedOrTheWrongLengthFails() throws Exception {
        ScramCredentials credentials = decode(RFC7677_PENCIL);
        byte[] proof = Base64.getDecoder().decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        proof[31] ^= 1;
        assertFalse(credentials.verifiesProof(RFC_AUTH_MESSAGE, proof));
        assertFalse(credentials.verifiesProof(RFC_AUTH_MESSAGE, new byte[31]));
    }

    @Test
    void aPlainPasswordVerifiesAgainstTheEntry() throws Exception {
        assertTrue(decode(RFC7677_PENCIL).matches("pencil"));
        assertFalse(decode(RFC7677_PENCIL).matches("Pencil"));
        assertTrue(decode(NON_ASCII_5000).matches("pässwörd"));
        assertFalse(decode(NON_ASCII_5000).matches("passwort"));
        assertEquals(5000, decode(NON_ASCII_5000).iterations());
    }

    @Test
    void keysStayOutOfToString() throws Exception {
        String text = decode(RFC7677_PENCIL).toString();
        assertFalse(text.contains("WG5d8oPm"), text);
        assertFalse(text.contains("wfPLwcE6"), text);
    }

    @Test
    void refusesWeakParameters() {
        byte[] salt = new byte[16];
        assertThrows(IllegalArgumentException.class, () -> ScramCredentials.derive("pw", salt, 4095));
        assertThrows(IllegalArgumentException.class, () -> ScramCredentials.derive("pw", new byte[15], 4096));
        assertThrows(IllegalArgumentException.class,
                () -> ScramCredentials.fromKeys(salt, 4096, new byte[31], new byte[32]));
    }
}
