package io.culex.bootstrap.logging;

import io.culex.bootstrap.config.LoggingConfig.LogType;

/**
 * The Mosquitto log type of one record, and whether it is a connection message
 * (which {@code connection_messages false} suppresses).
 */
record Classification(LogType type, boolean connectionMessage) {
}
