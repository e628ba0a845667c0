/**
 * MQTT topic model (MQTT 3.1.1 and MQTT 5, section 4.7): validation of topic names and
 * topic filters, filter matching, and the subscription index the broker consults for
 * every published message.
 */
package io.culex.domain.topic;
