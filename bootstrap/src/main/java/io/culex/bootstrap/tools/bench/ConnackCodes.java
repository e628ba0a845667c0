package io.culex.bootstrap.tools.bench;

/** MQTT 3.1.1 CONNACK return codes in words. */
final class ConnackCodes {

    private ConnackCodes() {
    }

    static String describe(int code) {
        switch (code) {
            case 1:
                return "CONNACK 1, unacceptable protocol version";
            case 2:
                return "CONNACK 2, identifier rejected";
            case 3:
                return "CONNACK 3, server unavailable";
            case 4:
                return "CONNACK 4, bad user name or password";
            case 5:
                return "CONNACK 5, not authorised";
            default:
                return "CONNACK " + code;
        }
    }
}
