package io.culex.application.security;

import io.culex.application.security.password.HashAlgorithm;
import io.culex.application.security.password.PasswordEntry;
import io.culex.application.security.password.PasswordFile;
import io.culex.application.security.password.PasswordHash;
import io.culex.application.security.password.PasswordHasher;
import io.culex.domain.port.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Mosquitto 2.0's {@code password_file} check. A client that presents a username must match a usable entry of
 * the file (a user whose line could not be decoded has none, so cannot log in), whatever allow_anonymous says;
 * a client without a username is accepted only when allow_anonymous is true. Every refusal is
 * {@link Verdict#NOT_AUTHORIZED} (CONNACK 0x05), as Mosquitto 2.0 answers an MQTT 3.1.1 client.
 *
 * <p>The file can be {@linkplain #replace replaced} while clients connect (SIGHUP); a check sees either the old
 * or the new file, never a mix.
 */
public final class PasswordFileAuthenticator implements Authenticator {

    private final boolean allowAnonymous;
    /** Hashed against when the user is unknown, so an unknown user costs as much as a known one. */
    private final PasswordHash decoy;
    private volatile PasswordFile passwords;

    public PasswordFileAuthenticator(PasswordFile passwords, boolean allowAnonymous) {
        this.passwords = Objects.requireNonNull(passwords);
        this.allowAnonymous = allowAnonymous;
        this.decoy = new PasswordHasher().hash("culex-decoy", HashAlgorithm.SHA512_PBKDF2,
                PasswordHasher.DEFAULT_ITERATIONS);
    }

    /** From now on, checks use {@code replacement}. */
    public void replace(PasswordFile replacement) {
        passwords = Objects.requireNonNull(replacement);
    }

    /** The file checks currently use. */
    public PasswordFile passwords() {
        return passwords;
    }

    @Override
    public Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password) {
        if (username == null) {
            return allowAnonymous ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
        }
        Optional<PasswordEntry> entry = passwords.entry(username);
        // Mosquitto hashes the bytes the client sent; the hashes hash the UTF-8 form of the text.
        String text = password == null ? "" : new String(password, StandardCharsets.UTF_8);
        boolean matches = entry.map(e -> e.hash()).orElse(decoy).matches(text);
        return entry.isPresent() && password != null && matches ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
    }
}
