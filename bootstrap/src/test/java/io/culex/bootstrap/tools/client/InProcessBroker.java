package io.culex.bootstrap.tools.client;

import io.culex.bootstrap.CulexBroker;
import io.culex.bootstrap.config.ConfigParser;

/** A Culex broker in this JVM on a free 127.0.0.1 port. */
final class InProcessBroker implements AutoCloseable {

    private final CulexBroker broker;

    private InProcessBroker(CulexBroker broker) {
        this.broker = broker;
    }

    static InProcessBroker start(String... extraLines) {
        String config = "listener 0 127.0.0.1\n" + String.join("\n", extraLines) + "\n";
        try {
            return new InProcessBroker(CulexBroker.start(ConfigParser.parse(config, "test.conf")));
        } catch (Exception e) {
            throw new IllegalStateException("test broker did not start: " + e.getMessage(), e);
        }
    }

    static InProcessBroker anonymous() {
        return start("allow_anonymous true");
    }

    int port() {
        return broker.listeners().get(0).getPort();
    }

    /** "-h 127.0.0.1 -p N" followed by {@code args}. */
    String[] args(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "-h";
        all[1] = "127.0.0.1";
        all[2] = "-p";
        all[3] = Integer.toString(port());
        System.arraycopy(args, 0, all, 4, args.length);
        return all;
    }

    @Override
    public void close() {
        broker.close();
    }
}
