package io.culex.application.spi;

import io.culex.domain.port.RetainedStore;

/** An opened storage backend: the ports it implements. */
public interface Storage extends AutoCloseable {

    RetainedStore retained();

    @Override
    void close();
}
