package io.culex.bootstrap.tools.client;

/** The --help text of each tool: mosquitto's 2.0.11, less what culex does not support (listed at the end). */
final class Usage {

    private static final String CONNECTION = String.join("\n",
            " -c : disable clean session/enable persistent client mode",
            "      When this argument is used, the broker will be instructed not to clean existing sessions",
            "      for the same client id when the client connects, and sessions will never expire when the",
            "      client disconnects. MQTT v5 clients can change their session expiry interval with the -x",
            "      argument.",
            " -d : enable debug messages.",
            " -D : Define MQTT v5 properties: -D command identifier value, or",
            "      -D command user-property name value. Commands: connect, publish, subscribe,",
            "      unsubscribe, disconnect, will. Implies -V 5.",
            " -h : mqtt host to connect to. Defaults to localhost.",
            " -i : id to use for this client. Defaults to none (the broker assigns one) for MQTT 3.1.1",
            "      and 5, a random one for MQTT 3.1.",
            " -I : define the client id as id_prefix appended with the process id. Useful for when the",
            "      broker is using the clientid_prefixes option.",
            " -k : keep alive in seconds for this client. Defaults to 60.",
            " -L : specify user, password, hostname, port and topic as a URL in the form:",
            "      mqtt(s)://[username[:password]@]host[:port]/topic",
            " -M : the maximum inflight messages for QoS 1/2.",
            " -p : network port to connect to. Defaults to 1883 for plain MQTT and 8883 for MQTT over TLS.",
            " -P : provide a password",
            " -u : provide a username",
            " -x : Set the session-expiry-interval property on the CONNECT packet. Applies to MQTT v5",
            "      clients only. Set to 0-4294967294 to specify the session will expire in that many",
            "      seconds after the client disconnects, or use -1, 4294967295, or \u221e for a session",
            "      that does not expire. Defaults to -1 if -c is also given, or 0 if -c not given.",
            " --help : display this message.",
            " --nodelay : accepted; Nagle's algorithm is always disabled.",
            " --quiet : don't print error messages.",
            " --will-payload : payload for the client Will, which is sent by the broker in case of",
            "                  unexpected disconnection. If not given and will-topic is set, a zero",
            "                  length message will be sent.",
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
            "",
            "Not supported by culex tools (each fails with a clear message): -A, --unix, --proxy, --ciphers,",
            "--psk, --psk-identity, --tls-alpn, --tls-engine, --keyform, --tls-engine-kpass-sha1.");

    private static final String VERSIONS = String.join("\n",
            " -V : specify the version of the MQTT protocol to use when connecting.",
            "      Can be mqttv5 (5), mqttv311 (311) or mqttv31 (31). Defaults to mqttv311.");

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
                        "                 [-c] [-k keepalive] [-q qos] [-r] [--repeat N] [--repeat-delay time]"
                                + " [-x session-expiry]",
                        "                 [--nodelay] [-i id] [-I id_prefix] [-d] [--quiet] [-M max_inflight]",
                        "                 [-V protocol-version]",
                        "                 [--will-topic [--will-payload payload] [--will-qos qos] [--will-retain]]",
                        "                 [{--cafile file | --capath dir} [--cert file] [--key file] [--insecure]"
                                + " [--tls-version version]]",
                        "                 [--tls-use-os-certs]",
                        "                 [-D command identifier value]",
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
                        " With -l at QoS 1/2, up to -M messages (default 20) are in flight at once, in order.",
                        VERSIONS,
                        CONNECTION);
            case SUB:
                return String.join("\n",
                        "culex sub is a simple mqtt client that will subscribe to a set of topics and print all"
                                + " messages it receives.",
                        "",
                        "Usage: culex sub {[-h host] [-p port] [-u username] [-P password] -t topic | -L URL [-t topic]}",
                        "                 [-c] [-k keepalive] [-q qos] [-x session-expiry-interval]",
                        "                 [-C msg_count] [-E] [-R] [--retained-only] [--remove-retained] [-T filter_out]"
                                + " [-U topic ...]",
                        "                 [-F format] [--pretty] [--random-filter chance] [--retain-as-published]",
                        "                 [-W timeout_secs] [--nodelay] [-i id] [-I id_prefix] [-d] [-N] [--quiet] [-v]",
                        "                 [--will-topic [--will-payload payload] [--will-qos qos] [--will-retain]]",
                        "                 [{--cafile file | --capath dir} [--cert file] [--key file] [--insecure]"
                                + " [--tls-version version]]",
                        "                 [--tls-use-os-certs]",
                        "                 [-D command identifier value]",
                        "",
                        " -C : disconnect and exit after receiving the 'msg_count' messages.",
                        " -E : Exit once all subscriptions have been acknowledged by the broker.",
                        " -F : output format: %t topic, %p payload, %x / %X payload in hex, %q qos, %r retain,",
                        "      %m message id, %l payload length, MQTT v5 properties %A topic alias, %C content type,",
                        "      %D correlation data, %E message expiry interval, %F payload format indicator,",
                        "      %P user properties, %R response topic, %S subscription identifier; %j / %J JSON,",
                        "      %I ISO-8601 time, %U Unix time, @X strftime's %X (@N nanoseconds, @@ an @), %% a",
                        "      percent sign; flags (- 0), width and precision as in printf; \\n \\t \\0 \\e \\\\"
                                + " escapes.",
                        " -N : do not add an end of line character when printing the payload.",
                        " -q : quality of service level to use for the subscription. Defaults to 0.",
                        " -R : do not print stale messages (those with retain set).",
                        " -t : mqtt topic to subscribe to. May be repeated multiple times.",
                        " -T : topic string to filter out of results. May be repeated.",
                        " -U : unsubscribe from a topic. May be repeated.",
                        " -v : print published messages verbosely.",
                        " -W : Specifies a timeout in seconds how long to process incoming MQTT messages"
                                + " (exit code 27 on timeout).",
                        " --pretty : print formatted output rather than minimised output when using the",
                        "            JSON output format option.",
                        " --random-filter : only print a percentage of received messages. Set to 100 to have all",
                        "                   messages printed, 50.0 to have half of the messages received on average",
                        "                   printed, and so on.",
                        " --retain-as-published : MQTT v5: the retain flag of a message is as its publisher set it.",
                        " --retained-only : only handle messages with the retained flag set, and exit when the",
                        "                   first non-retained message is received.",
                        " --remove-retained : send a message to the server to clear any received retained messages",
                        "                     Use -T to filter out messages you do not want to be cleared.",
                        "A lost connection is re-established every second, as mosquitto_sub does; an MQTT v5",
                        "DISCONNECT from the broker ends the run.",
                        VERSIONS,
                        CONNECTION);
            case RR:
                return String.join("\n",
                        "culex rr is an mqtt client that can be used to publish a request message and wait for a"
                                + " response.",
                        "         Defaults to MQTT v5, where the Request-Response feature will be used, but v3.1.1 can"
                                + " also be used",
                        "         with v3.1.1 brokers (the responder must then know the response topic by convention).",
                        "",
                        "Usage: culex rr {[-h host] [-p port] [-u username] [-P password] -t topic | -L URL}",
                        "                -e response-topic {-f file | -n | -m message | -s}",
                        "                [-c] [-k keepalive] [-q qos] [-R] [-x session-expiry-interval]",
                        "                [-F format] [--pretty] [-N] [-v] [-W timeout_secs] [--nodelay]",
                        "                [-i id] [-I id_prefix] [-d] [--quiet] [-V protocol-version]",
                        "                [--will-topic [--will-payload payload] [--will-qos qos] [--will-retain]]",
                        "                [{--cafile file | --capath dir} [--cert file] [--key file] [--insecure]"
                                + " [--tls-version version]]",
                        "                [--tls-use-os-certs]",
                        "                [-D command identifier value]",
                        "",
                        " -e : response topic. The client subscribes to it and prints the first message received.",
                        " -t : topic to publish the request to.",
                        " -m, -f, -n, -s : the request payload, as for culex pub.",
                        " -F : output format, as for culex sub. -R is accepted and, as in mosquitto_rr, ignored.",
                        " -W : give up after this many seconds (exit code 27).",
                        " -V : specify the version of the MQTT protocol to use when connecting.",
                        "      Can be mqttv5 (5), mqttv311 (311) or mqttv31 (31). Defaults to 5.",
                        CONNECTION);
            default:
                throw new IllegalStateException("unknown tool " + kind);
        }
    }
}
