package io.culex.adapters.netty;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One TLS listener's {@link SslContext}, replaceable while the listener runs (mosquitto#2038): each new
 * connection takes the current context, so connections already open keep their own TLS engine. A reload
 * re-reads certfile, keyfile, cafile, capath and crlfile and swaps the context only if they all load;
 * otherwise the previous context stays and the error, naming the file, is logged.
 */
final class ReloadableTls {

    private static final System.Logger LOG = System.getLogger("io.culex.transport");

    private final TlsSettings settings;
    private final AtomicReference<SslContext> context;
    private volatile String listener;
    /** The files' state when they were last read, and when the watcher last looked (guarded by this). */
    private List<String> seen;
    private boolean changePending;

    private ReloadableTls(TlsSettings settings, SslContext context, List<String> seen, String listener) {
        this.settings = settings;
        this.context = new AtomicReference<>(context);
        this.seen = seen;
        this.listener = listener;
    }

    /** @throws TransportException naming the file or option at fault */
    static ReloadableTls load(TlsSettings settings, InetSocketAddress requested) {
        List<String> stamp = stamp(settings);
        return new ReloadableTls(settings, TlsContexts.serverContext(settings), stamp, describe(requested));
    }

    void boundTo(InetSocketAddress bound) {
        listener = describe(bound);
    }

    String listener() {
        return listener;
    }

    /** The context a connection accepted now uses. */
    SslContext current() {
        return context.get();
    }

    /**
     * Re-reads every TLS file now.
     *
     * @return null once the new context is in use, else why the files could not be used (the old context stays)
     */
    synchronized String reload() {
        List<String> stamp = stamp(settings); // before reading: a change made meanwhile is seen by the next poll
        seen = stamp;
        changePending = false;
        try {
            context.set(TlsContexts.serverContext(settings));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Error: unable to reload the TLS files of the listener on " + listener
                    + ": " + e.getMessage() + "; new connections keep using the previous certificate.");
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
        LOG.log(System.Logger.Level.INFO, "Reloaded TLS certificate and key for the listener on " + listener
                + " from " + settings.certFile() + " and " + settings.keyFile() + ".");
        return null;
    }

    /**
     * Called periodically by the file watcher: reloads once a change to the files has been stable for one
     * poll, so that a certificate and key written one after the other are read together.
     */
    synchronized void poll() {
        List<String> now = stamp(settings);
        if (!now.equals(seen)) {
            seen = now;
            changePending = true;
        } else if (changePending) {
            reload();
        }
    }

    private static String describe(InetSocketAddress address) {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return host + " port " + address.getPort();
    }

    /** Identity, modification time and size of every file the context is read from (a capath's files too). */
    static List<String> stamp(TlsSettings settings) {
        List<String> stamp = new ArrayList<>();
        stamp(settings.certFile(), stamp);
        stamp(settings.keyFile(), stamp);
        stamp(settings.caFile(), stamp);
        stamp(settings.crlFile(), stamp);
        Path caPath = settings.caPath();
        if (caPath != null) {
            stamp(caPath, stamp);
            try (Stream<Path> files = Files.list(caPath)) {
                files.sorted().forEach(file -> stamp(file, stamp));
            } catch (IOException | RuntimeException e) {
                stamp.add(caPath + " unlistable");
            }
        }
        return stamp;
    }

    private static void stamp(Path file, List<String> stamp) {
        if (file == null) {
            return;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamp.add(file + " " + attributes.fileKey() + " " + attributes.lastModifiedTime()
                    + " " + attributes.size());
        } catch (NoSuchFileException e) {
            stamp.add(file + " missing");
        } catch (IOException | RuntimeException e) {
            stamp.add(file + " unreadable");
        }
    }
}
