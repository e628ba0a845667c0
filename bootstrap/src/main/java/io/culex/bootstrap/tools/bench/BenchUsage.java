package io.culex.bootstrap.tools.bench;

/** {@code culex bench --help}. */
final class BenchUsage {

    static final String TEXT = String.join("\n",
            "culex bench measures an MQTT broker (Culex, Mosquitto or any other) from one process.",
            "",
            "Usage: culex bench {fanin|fanout|p2p|latency|drain|conn} [-h host] [-p port] [-V 311|31]",
            "                   [-u username [-P password]] [--cafile file | --capath dir [--cert file --key file]",
            "                   [--insecure] [--tls-version tlsv1.2|tlsv1.3]] [-q qos] [-s bytes]",
            "                   [-m count | -d duration] [--publishers N] [--subscribers N] [--rate R]",
            "                   [--inflight N] [--warmup duration] [--connections N] [--hold duration]",
            "                   [-k keepalive] [--threads N] [--progress] [--json]",
            "",
            "Scenarios (defaults in brackets):",
            " fanin   : N publishers [4], each on its own topic, to subscribers [1] of one wildcard filter.",
            " fanout  : publishers [1] on one topic to N subscribers [10].",
            " p2p     : N publisher/subscriber pairs [10], one topic each.",
            " latency : publishers [1] at a fixed rate [--rate 1000 msg/s each] to subscribers [1];",
            "           p50/p90/p99/max from the send time carried in each payload.",
            " drain   : a persistent subscriber (clean session off) subscribes and goes offline, the publisher",
            "           sends --messages at QoS 1 [or -q 2], the subscriber reconnects: drain time and rate.",
            " conn    : opens --connections idle connections [1000], reports the connect rate and holds them",
            "           open for --hold [10s].",
            "",
            "Options:",
            " -h, --host       : broker host. Defaults to localhost.",
            " -p, --port       : broker port. Defaults to 1883, or 8883 with TLS.",
            " -V               : MQTT version, 311 (mqttv311, default) or 31 (mqttv31). MQTT 5 is not yet available.",
            " -u, -P           : username and password.",
            " --cafile, --capath, --cert, --key, --insecure, --tls-version : TLS, as for culex pub/sub.",
            " -q, --qos        : QoS of publications and subscriptions, 0, 1 or 2. Defaults to 0 (drain: 1).",
            " -s, --size       : payload bytes, at least 20 (publisher, sequence number, send time). Defaults to 64.",
            " -m, --messages   : messages per publisher. Defaults to 10000.",
            " -d, --duration   : publish for this long instead (10s, 500ms, 2m).",
            " --rate           : messages per second per publisher. Defaults to unlimited (latency: 1000).",
            " --inflight       : QoS 1/2 messages each publisher keeps unacknowledged. Defaults to 100.",
            "                    Keep it at or below the broker's max_inflight_messages: Mosquitto drops a client",
            "                    that has more QoS 2 messages in flight.",
            " --warmup         : first run the same traffic this long on other connections, results discarded.",
            " -k, --keepalive  : keepalive seconds (0 = none). Defaults to 60.",
            " --threads        : I/O threads shared by all connections. Defaults to the number of cores.",
            " --progress       : a progress line on stderr every second (on by default on a terminal).",
            " --json           : print the results as one JSON object instead of a table.",
            " --help           : display this message.",
            "",
            "Every message carries its publisher and sequence number: lost messages, duplicates and reordering",
            "are counted and reported. Exit status: 0 ok; 1 messages lost at QoS 1/2, duplicates at QoS 2, or",
            "connections failed; 2 bad command line; 3 the broker could not be reached or refused a connection.");

    private BenchUsage() {
    }
}
