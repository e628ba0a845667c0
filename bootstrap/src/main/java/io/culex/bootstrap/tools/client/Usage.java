package io.culex.bootstrap.tools.client;

/** The --help text of each tool: mosquitto's, less what culex does not support yet. */
final class Usage {

    private static final String CONNECTION = String.join("\n",
            " -d : enable debug messages.",
            " -h : mqtt host to connect to. Defaults to localhost.",
            " -i : id to use for this client. Defaults to none (the broker assigns one) for MQTT 3.1.1,",
            "      a random one for MQTT 3.1.",
            " -I : define the client id as id_prefix appended with the process id.",
            " -k : keep alive in seconds for this client. Defaults to 60.",
            " -L : specify user, password, hostname, port and topic as a URL in the form:",
            "      mqtt://[username[:password]@]host[:port]/topic",
            " -p : network port to connect to. Defaults to 1883.",
            " -P : provide a password",
            " -u : provide a username",
            " -V : specify the version of the MQTT protocol to use when connecting.",
            "      Can be mqttv311 (311) or mqttv31 (31). Defaults to mqttv311. MQTT 5 is not supported yet.",
            " -c : disable clean session/enable persistent client mode (requires -i).",
            " --help : display this message.",
            " --quiet : don't print error messages.",
            " --will-payload : payload for the client Will. Defaults to a zero length message.",
            " --will-qos : QoS level for the client Will.",
            " --will-retain : if given, make the client Will retained.",
            " --will-topic : the topic on which to publish the client Will.",
            " --cafile : path to a file containing trusted CA certificates to enable encrypted",
            "            communication.",
            " --capath : path to a directory containing trusted CA certificates to enable encrypted",
            "            communication.",
            " --cert : client certificate for authentication, if required by server.",
            " --key : client private key for authentication, if required by server.",
            " --insecure : do not check that the server certificate hostname matches the remote",
            "              hostname.",
            " --tls-version : TLS protocol version, can be one of tlsv1.3 tlsv1.2.",
            " --tls-use-os-certs : Load and trust OS provided CA certificates.",
            "MQTT 5 (-V 5, -D, -x) is not supported yet.");

    private Usage() {
    }

    static String of(ToolKind kind) {
        switch (kind) {
            case PUB:
                return String.join("\n",
                        "culex pub is a simple mqtt client that will publish a message on a single topic and exit.",
                        "",
                        "Usage: culex pub {[-h host] [-p port] [-u username] [-P password] -t topic | -L URL}",
                        "                 {-f file | -l | -n | -m message | -s}",
                        "                 [-c] [-k keepalive] [-q qos] [-r] [--repeat N] [--repeat-delay time]",
                        "                 [-i id] [-I id_prefix] [-d] [--quiet] [-V protocol-version]",
                        "                 [--will-topic [--will-payload payload] [--will-qos qos] [--will-retain]]",
                        "",
                        " -f : send the contents of a file as the message.",
                        " -l : read messages from stdin, sending a separate message for each line.",
                        " -m : message payload to send.",
                        " -n : send a null (zero length) message.",
                        " -q : quality of service level to use for all messages. Defaults to 0.",
                        " -r : message should be retained.",
                        " -s : read message from stdin, sending the entire input as a message.",
                        " -t : mqtt topic to publish to.",
                        " --repeat : if publish mode is -m, -f, or -s, then repeat the publish N times.",
                        " --repeat-delay : the time in seconds to wait between repeats.",
                        CONNECTION);
            case SUB:
                return String.join("\n",
                        "culex sub is a simple mqtt client that will subscribe to a set of topics and print all"
                                + " messages it receives.",
                        "",
                        "Usage: culex sub {[-h host] [-p port] [-u username] [-P password] -t topic | -L URL [-t topic]}",
                        "                 [-c] [-k keepalive] [-q qos] [-C msg_count] [-E] [-R] [-T filter_out]"
                                + " [-U topic ...]",
                        "                 [-F format] [-W timeout_secs] [-i id] [-I id_prefix] [-d] [-N] [--quiet] [-v]",
                        "                 [--will-topic [--will-payload payload] [--will-qos qos] [--will-retain]]",
                        "",
                        " -C : disconnect and exit after receiving the 'msg_count' messages.",
                        " -E : Exit once all subscriptions have been acknowledged by the broker.",
                        " -F : output format: %t topic, %p payload, %q qos, %r retain, %m message id,",
                        "      %l payload length, %% a percent sign; \\n \\t \\\\ escapes.",
                        " -N : do not add an end of line character when printing the payload.",
                        " -q : quality of service level to use for the subscription. Defaults to 0.",
                        " -R : do not print stale messages (those with retain set).",
                        " -t : mqtt topic to subscribe to. May be repeated multiple times.",
                        " -T : topic string to filter out of results. May be repeated.",
                        " -U : unsubscribe from a topic. May be repeated.",
                        " -v : print published messages verbosely.",
                        " -W : Specifies a timeout in seconds how long to process incoming MQTT messages"
                                + " (exit code 27 on timeout).",
                        CONNECTION);
            case RR:
                return String.join("\n",
                        "culex rr is an mqtt client that can be used to publish a request message and wait for a"
                                + " response.",
                        "On MQTT 3.x the responder must know the response topic by convention.",
                        "",
                        "Usage: culex rr {[-h host] [-p port] [-u username] [-P password] -t topic | -L URL}",
                        "                -e response-topic {-f file | -n | -m message | -s}",
                        "                [-c] [-k keepalive] [-q qos] [-F format] [-N] [-v] [-W timeout_secs]",
                        "                [-i id] [-I id_prefix] [-d] [--quiet] [-V protocol-version]",
                        "",
                        " -e : response topic. The client subscribes to it and prints the first message received.",
                        " -t : topic to publish the request to.",
                        " -m, -f, -n, -s : the request payload, as for culex pub.",
                        " -W : give up after this many seconds (exit code 27).",
                        CONNECTION);
            default:
                throw new IllegalStateException("unknown tool " + kind);
        }
    }
}
