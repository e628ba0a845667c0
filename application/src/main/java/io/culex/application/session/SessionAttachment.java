package io.culex.application.session;

import io.culex.domain.session.Transmitter;
import java.util.concurrent.Executor;

/** The live connection a session is attached to, as the session sees it. */
public interface SessionAttachment {

    /** Writes the session's PUBLISH/PUBREL packets to the connection. */
    Transmitter transmitter();

    /** Flushes what the session wrote during its last batch of work. */
    void flush();

    /** The event loop that owns the connection; the session's work moves there. */
    Executor eventLoop();

    /** False while the connection's outbound buffer is above its high-water mark. */
    boolean isWritable();

    /**
     * The session fell behind: its connection must keep reading (its acknowledgements drain the
     * session), even if it was paused as a publisher. Called on the session's thread.
     */
    void readingNeeded();

    /** Another connection took this session over: end this one (will, close). Called on the session's thread. */
    void takenOver();
}
