package io.culex.application.connection;

import io.culex.application.testing.RecordingOutbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.culex.application.Broker;
import io.culex.domain.port.Authenticator;
import io.culex.application.settings.BrokerSettings;
import io.culex.application.spi.StorageProviders;
import io.culex.application.spi.StorageSettings;
import io.culex.domain.session.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a CONNECT reaches the authenticator, and what a refusal sends and logs. */
class ConnectAuthenticationTest {

    /** Accepts only alice/secret; records the address it was given. */
    private static final class Recording implements Authenticator {
        final List<String> addresses = new ArrayList<>();

        @Override
        public Verdict authenticate(String clientId, String remoteAddress, String username, byte[] password) {
            addresses.add(remoteAddress);
            return "alice".equals(username) && password != null
                    && "secret".equals(new String(password, StandardCharsets.UTF_8)) ? Verdict.ACCEPTED : Verdict.NOT_AUTHORIZED;
        }
    }

    private static final class FakeOutbound extends RecordingOutbound {
        FakeOutbound() {
            super("192.0.2.7:40001");
        }

        List<Integer> connackCodes() {
            return connacks.stream().map(Connack::code).toList();
        }
    }

    private final Logger logger = Logger.getLogger("io.culex.connection");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final Recording authenticator = new Recording();
    private final Broker broker = new Broker(BrokerSettings.defaults(),
            StorageProviders.byName("memory").open(StorageSettings.inMemory()).retained(), authenticator);

    {
        capture.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void removeCapture() {
        logger.removeHandler(capture);
        logger.setLevel(null);
    }

    private FakeOutbound connect(String clientId, String username, String password) {
        FakeOutbound outbound = new FakeOutbound();
        broker.accept(outbound).connect(new ConnectRequest(4, clientId, true, 60, username,
                password == null ? null : password.getBytes(StandardCharsets.UTF_8), null));
        return outbound;
    }

    @Test
    void aWrongPasswordGetsNotAuthorisedAndALogLineWithoutThePassword() {
        FakeOutbound outbound = connect("sensor-1", "alice", "hunter2-guess");
        assertEquals(List.of(0x05), outbound.connackCodes());
        
        assertTrue(outbound.closed);
        assertEquals(List.of("192.0.2.7:40001"), authenticator.addresses, "the address reaches the authenticator");
        String line = logged.stream().filter(l -> l.contains("refused")).findFirst().orElseThrow(
                () -> new AssertionError("no refusal logged: " + logged));
        assertEquals("Client sensor-1 from 192.0.2.7:40001 as u'alice' refused (CONNACK 5): not authorised.", line);
        logged.forEach(l -> assertFalse(l.contains("hunter2"), l));
    }

    @Test
    void theRightPasswordConnects() {
        FakeOutbound outbound = connect("sensor-1", "alice", "secret");
        assertEquals(List.of(0x00), outbound.connackCodes());
        assertFalse(outbound.closed);
        logged.forEach(l -> assertFalse(l.contains("secret"), l));
    }

    @Test
    void aRefusedAnonymousClientIsLoggedWithoutUsername() {
        FakeOutbound outbound = connect("anon", null, null);
        assertEquals(List.of(0x05), outbound.connackCodes());
        assertTrue(logged.contains("Client anon from 192.0.2.7:40001 refused (CONNACK 5): not authorised."), logged::toString);
    }
}
