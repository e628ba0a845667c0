package io.culex.bootstrap.tools.client;

/** libmosquitto's mosquitto_connack_string() for MQTT 3.x return codes. */
final class ConnackText {

    private ConnackText() {
    }

    static String of(int returnCode) {
        switch (returnCode) {
            case 0:
                return "Connection Accepted.";
            case 1:
                return "Connection Refused: unacceptable protocol version.";
            case 2:
                return "Connection Refused: identifier rejected.";
            case 3:
                return "Connection Refused: broker unavailable.";
            case 4:
                return "Connection Refused: bad user name or password.";
            case 5:
                return "Connection Refused: not authorised.";
            default:
                return "Connection Refused: unknown reason.";
        }
    }
}
