package io.culex.application.security.enhanced;

import static io.culex.application.security.enhanced.ScramTestClient.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScramMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "user | user",
        "a=2Cb | a,b",
        "a=3Db | a=b",
        "=3D=2C=3D | =,=",
        "=2C=2C | ',,'",
        "ünïcödé | ünïcödé",
    })
    void saslnamesAreUnescaped(String saslname, String username) throws Exception {
        assertEquals(username, ScramMessages.decodeSaslname(saslname));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=", "a=", "a=2", "=2c", "=3d", "a=20b", "=44"})
    void anyOtherEscapeIsRefused(String saslname) {
        assertThrows(ScramFormatException.class, () -> ScramMessages.decodeSaslname(saslname));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "n,,m=ext,n=user,r=abc | mandatory extension ('m=') not supported",
        "n,a=admin,n=user,r=abc | authorization identity ('a=') not supported",
        "y,,n=user,r=abc | channel binding ('y')",
        "p=tls-unique,,n=user,r=abc | requires channel binding",
        "n,,n=user | missing attribute 'r'",
        "n,,r=abc,n=user | attribute 1 is not 'n='",
        "n,,n=user,r=abc,e | attribute 3 is not '<letter>=<value>'",
    })
    void refusalsSayWhy(String clientFirst, String reason) {
        ScramFormatException e = assertThrows(ScramFormatException.class,
                () -> ScramMessages.parseClientFirst(utf8(clientFirst)));
        assertTrue(e.getMessage().contains(reason), e::getMessage);
    }

    @Test
    void clientFirstKeepsTheBareMessageAsSentForTheAuthMessage() throws Exception {
        ClientFirstMessage message = ScramMessages.parseClientFirst(utf8("n,,n=a=2Cb,r=xyz,e=ext"));
        assertEquals("n,,", message.gs2Header());
        assertEquals("n=a=2Cb,r=xyz,e=ext", message.bare());
        assertEquals("a,b", message.username());
        assertEquals("xyz", message.clientNonce());
    }

    @Test
    void clientFinalSplitsOffTheProof() throws Exception {
        String proof = Base64.getEncoder().encodeToString(new byte[32]);
        ClientFinalMessage message = ScramMessages.parseClientFinal(utf8("c=biws,r=abcdef,e=ext,p=" + proof));
        assertArrayEquals(utf8("n,,"), message.channelBinding());
        assertEquals("abcdef", message.nonce());
        assertArrayEquals(new byte[32], message.proof());
        assertEquals("c=biws,r=abcdef,e=ext", message.withoutProof());
    }

    @Test
    void base64MustCarryItsPadding() throws Exception {
        String proof = Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals('=', proof.charAt(proof.length() - 1));
        ScramMessages.parseClientFinal(utf8("c=biws,r=abc,p=" + proof));

        assertThrows(ScramFormatException.class, () -> ScramMessages.parseClientFinal(
                utf8("c=biws,r=abc,p=" + proof.substring(0, proof.length() - 1))));
    }
}
