package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hashes made now by the real mosquitto_passwd are read and verified by our parser and hash code. */
class MosquittoPasswdInteropTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfHashMosquittoPasswdWritesVerifies() throws Exception {
        MosquittoPasswdBinary mosquittoPasswd = MosquittoPasswdBinary.require();
        Path file = dir.resolve("passwords");
        mosquittoPasswd.run("-c", "-b", file.toString(), "pbkdf2", "s3cret");
        mosquittoPasswd.run("-H", "sha512", "-b", file.toString(), "sha512", "s3cret");
        mosquittoPasswd.run("-I", "1234", "-b", file.toString(), "iterations", "s3cret");
        mosquittoPasswd.run("-b", file.toString(), "unicode", "pässwörd €");
        mosquittoPasswd.run("-H", "sha512", "-b", file.toString(), "unicode6", "pässwörd €");
        mosquittoPasswd.run("-b", file.toString(), "empty", "");
        mosquittoPasswd.run("-b", file.toString(), "spaces", " with spaces and : colons ");

        String text = Files.readString(file, StandardCharsets.UTF_8);
        PasswordFile parsed = PasswordFileParser.parse(text);

        assertEquals(List.of(), parsed.problems(), text);
        assertEquals(7, parsed.entries().size(), text);
        assertTrue(parsed.verify("pbkdf2", "s3cret"), text);
        assertTrue(parsed.verify("sha512", "s3cret"), text);
        assertTrue(parsed.verify("iterations", "s3cret"), text);
        assertTrue(parsed.verify("unicode", "pässwörd €"), text);
        assertTrue(parsed.verify("unicode6", "pässwörd €"), text);
        assertTrue(parsed.verify("empty", ""), text);
        assertTrue(parsed.verify("spaces", " with spaces and : colons "), text);
        for (PasswordEntry entry : parsed.entries()) {
            assertFalse(entry.hash().matches("s3cret!"), entry::toString);
        }
        assertEquals(HashAlgorithm.SHA512, parsed.entry("sha512").orElseThrow().hash().algorithm());
        assertEquals(1234, parsed.entry("iterations").orElseThrow().hash().iterations());
        assertEquals(PasswordHasher.DEFAULT_ITERATIONS, parsed.entry("pbkdf2").orElseThrow().hash().iterations());
        // Our encoder reproduces each line byte for byte.
        List<String> rewritten = parsed.entries().stream()
                .map(entry -> entry.username() + ":" + entry.hash().encode()).toList();
        assertEquals(text, String.join("\n", rewritten) + "\n");
    }
}
