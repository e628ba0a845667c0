package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.tools.passwd.PasswdTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * password_file over a real socket with Paho: files written by Debian's mosquitto_passwd and by culex passwd,
 * CONNACK 5 for wrong passwords, unknown users and (with allow_anonymous false) clients without a username,
 * reload, the log line, and the failed-login throttle.
 */
class PasswordFileTest extends BrokerTestSupport {

    private static final int NOT_AUTHORISED = 5;
    private static final Path MOSQUITTO_PASSWD = Path.of("/usr/bin/mosquitto_passwd");

    @TempDir
    Path dir;

    /** Every message of the broker's loggers (io.culex and below) while open. */
    private static final class AllLines extends Handler implements AutoCloseable {
        private final Logger root = Logger.getLogger("io.culex"); // held strongly
        private final Logger connection = Logger.getLogger("io.culex.connection");
        private final SimpleFormatter formatter = new SimpleFormatter();
        private final List<String> into;

        AllLines(List<String> into) {
            this.into = into;
            setLevel(Level.ALL);
            root.addHandler(this);
            if (!connection.getUseParentHandlers()) {
                connection.addHandler(this);
            }
        }

        @Override
        public void publish(LogRecord record) {
            into.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            root.removeHandler(this);
            connection.removeHandler(this);
        }
    }

    private Path passwd() {
        return dir.resolve("passwd");
    }

    /** Runs {@code culex passwd} in-process; fails the test on a non-zero exit. */
    private static void culexPasswd(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new PasswdTool().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, () -> "culex passwd " + List.of(args) + ": " + out + err);
    }

    /** Runs Debian's mosquitto_passwd; skips locally when it is missing, fails when CI is set. */
    private static void mosquittoPasswd(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(MOSQUITTO_PASSWD)) {
            String message = MOSQUITTO_PASSWD + " not found; install the mosquitto package";
            if (System.getenv("CI") != null) {
                fail("CI is set but " + message);
            }
            Assumptions.abort(message);
        }
        List<String> command = new ArrayList<>(List.of(MOSQUITTO_PASSWD.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "mosquitto_passwd timed out");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "mosquitto_passwd " + List.of(args) + ": " + output);
    }

    private void startWith(String... lines) {
        startBroker(lines);
    }

    private MqttConnectOptions options(String username, String password) {
        MqttConnectOptions options = clients.options(PahoClients.MQTT_3_1_1, true);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    /** Connects, publishes and receives one message, so the session is real, not just a CONNACK. */
    private void assertAccepted(String clientId, String username, String password) throws Exception {
        PahoClients.Client client = clients.connect(clientId, options(username, password));
        client.subscribe("check/" + clientId, 1);
        client.publish("check/" + clientId, "hi", 1, false);
        assertEquals("hi", client.next().payload());
        client.paho.disconnect();
    }

    private void assertRefused(String clientId, String username, String password) {
        MqttException e = assertThrows(MqttException.class, () -> clients.connect(clientId, options(username, password)),
                () -> clientId + " should be refused");
        assertEquals(NOT_AUTHORISED, e.getReasonCode(), () -> clientId + ": " + e);
    }

    @Test
    void aFileWrittenByMosquittoPasswdIsEnforced() throws Exception {
        String file = passwd().toString();
        mosquittoPasswd("-c", "-b", file, "alice", "pbkdf2 pässwörd");
        mosquittoPasswd("-H", "sha512", "-b", file, "bob", "sha512 pw");
        startWith("password_file " + file, "allow_anonymous false");
        assertAccepted("a1", "alice", "pbkdf2 pässwörd");
        assertAccepted("b1", "bob", "sha512 pw");
        assertRefused("a2", "alice", "pbkdf2 passwörd");
        assertRefused("b2", "bob", "pbkdf2 pässwörd");
        assertRefused("m1", "mallory", "sha512 pw");
        assertRefused("a3", "alice", null);
        assertRefused("anon", null, null);
    }

    @Test
    void aFileWrittenByCulexPasswdIsEnforced() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "s3cret");
        culexPasswd("-H", "sha512", "-b", file, "bob", "old style");
        startWith("password_file " + file, "allow_anonymous false");
        assertAccepted("a1", "alice", "s3cret");
        assertAccepted("b1", "bob", "old style");
        assertRefused("a2", "alice", "S3cret");
        assertRefused("x1", "nobody", "s3cret");
        assertRefused("anon", null, null);
    }

    @Test
    void withAllowAnonymousClientsWithoutUsernameAreAcceptedButUsernamesAreStillChecked() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "s3cret");
        startWith("password_file " + file, "allow_anonymous true");
        assertAccepted("anon", null, null);
        assertAccepted("a1", "alice", "s3cret");
        assertRefused("a2", "alice", "wrong");
        assertRefused("x1", "nobody", "");
    }

    @Test
    void theRefusalIsLoggedWithClientIdAddressAndUsernameButNeverThePassword() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "s3cret");
        startWith("password_file " + file, "allow_anonymous false");
        List<String> everything = new CopyOnWriteArrayList<>();
        try (RawLogCapture connection = RawLogCapture.of("io.culex.connection");
             AllLines all = new AllLines(everything)) {
            assertRefused("sensor-7", "alice", "hunter2-guess");
            String line = connection.await(l -> l.contains("sensor-7") && l.contains("refused"), Duration.ofSeconds(10));
            assertTrue(line.matches("Client sensor-7 from 127\\.0\\.0\\.1:\\d+ as u'alice' refused \\(CONNACK 5\\): "
                    + "not authorised\\."), line);
            assertAccepted("sensor-8", "alice", "s3cret");
            connection.await(l -> l.contains("sensor-8") && l.contains("u'alice'"), Duration.ofSeconds(10));
        }
        assertTrue(everything.size() >= 2, everything::toString);
        everything.forEach(l -> assertFalse(l.contains("hunter2") || l.contains("s3cret"), l));
    }

    @Test
    void anUndecodableLineIsReportedAndThatUserCannotLogIn() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "s3cret");
        Files.writeString(passwd(), "carol:$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA\n",
                java.nio.file.StandardOpenOption.APPEND);
        try (RawLogCapture log = RawLogCapture.of("io.culex")) {
            startWith("password_file " + file, "allow_anonymous false");
            log.await(l -> l.equals("Warning: " + file + ":2: user 'carol': unsupported hash type '$argon2id$'."),
                    Duration.ofSeconds(5));
        }
        assertRefused("c1", "carol", "");
        assertAccepted("a1", "alice", "s3cret");
    }

    @Test
    void aMissingFileStopsTheStartUpNamingThePath() {
        Path missing = dir.resolve("no-such-passwd");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunningBroker.start("password_file " + missing));
        assertTrue(e.getMessage().contains("Unable to open pwfile \"" + missing + "\""), e.getMessage());
    }

    @Test
    void reloadAppliesTheChangedFileAndKeepsTheOldUsersWhenItCannotBeRead() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "first");
        startWith("password_file " + file, "allow_anonymous false");
        assertAccepted("a1", "alice", "first");

        culexPasswd("-b", file, "alice", "second");
        culexPasswd("-b", file, "bob", "new user");
        assertRefused("b0", "bob", "new user"); // not before the reload
        broker.broker().reload();
        assertRefused("a2", "alice", "first");
        assertAccepted("a3", "alice", "second");
        assertAccepted("b1", "bob", "new user");

        Files.delete(passwd());
        try (RawLogCapture log = RawLogCapture.of("io.culex")) {
            broker.broker().reload();
            log.await(l -> l.startsWith("Error: Unable to open pwfile \"" + file + "\"") && l.contains("Keeping the previous 2 users"),
                    Duration.ofSeconds(5));
        }
        assertAccepted("a4", "alice", "second");
    }

    @Test
    void repeatedFailuresFromOneHostAreRefusedUncheckedForAWhile() throws Exception {
        String file = passwd().toString();
        culexPasswd("-c", "-b", file, "alice", "s3cret");
        startWith("password_file " + file, "allow_anonymous false");
        try (RawLogCapture log = RawLogCapture.of("io.culex.connection")) {
            for (int i = 0; i < 5; i++) {
                assertRefused("guess" + i, "alice", "guess" + i);
            }
            // The sixth failure locks 127.0.0.1 for 1 s: even the right password is refused meanwhile.
            long beforeLock = System.nanoTime();
            assertRefused("guess5", "alice", "guess5");
            MqttException refused = null;
            try {
                clients.connect("right", options("alice", "s3cret"));
            } catch (MqttException e) {
                refused = e;
            }
            Assumptions.assumeTrue(System.nanoTime() - beforeLock < TimeUnit.MILLISECONDS.toNanos(800),
                    "machine too slow to check a 1 s lockout");
            assertNotNull(refused, "the right password must be refused during the lockout");
            assertEquals(NOT_AUTHORISED, refused.getReasonCode());
            log.await(l -> l.startsWith("Warning: repeated failed logins from 127.0.0.1 (last as u'alice')"),
                    Duration.ofSeconds(5));
            log.await(l -> l.contains("Client right from 127.0.0.1:") && l.contains("too many failed logins"),
                    Duration.ofSeconds(5));
        }
        Thread.sleep(1_100);
        assertAccepted("later", "alice", "s3cret");
    }
}
