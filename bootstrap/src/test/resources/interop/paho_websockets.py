"""Publish and subscribe through a Culex WebSocket listener with Debian's python3-paho-mqtt.

Usage: paho_websockets.py PORT PATH [CAFILE]   (with CAFILE: wss://, else ws://)
Prints one line per message received, "topic payload qos", and exits 0 once all three arrive.
"""
import sys
import threading

import paho.mqtt.client as mqtt

port, path = int(sys.argv[1]), sys.argv[2]
cafile = sys.argv[3] if len(sys.argv) > 3 else None
expected = 3
received = []
done = threading.Event()
subscribed = threading.Event()


def client(client_id):
    c = mqtt.Client(client_id=client_id, protocol=mqtt.MQTTv311, transport="websockets")
    c.ws_set_options(path=path)
    if cafile:
        c.tls_set(ca_certs=cafile)
    return c


def on_message(_client, _userdata, message):
    received.append("%s %s %d" % (message.topic, message.payload.decode(), message.qos))
    if len(received) == expected:
        done.set()


sub = client("py-ws-sub")
sub.on_message = on_message
sub.on_subscribe = lambda *_args: subscribed.set()
sub.connect("127.0.0.1", port)
sub.loop_start()
sub.subscribe("py/ws/#", qos=2)
if not subscribed.wait(10):
    sys.exit("no SUBACK within 10 s")

pub = client("py-ws-pub")
pub.connect("127.0.0.1", port)
pub.loop_start()
for qos in (0, 1, 2):
    pub.publish("py/ws/q%d" % qos, "hello-%d" % qos, qos=qos).wait_for_publish()

ok = done.wait(10)
for line in sorted(received):
    print(line)
for c in (pub, sub):
    c.disconnect()
    c.loop_stop()
sys.exit(0 if ok else "only %d of %d messages arrived" % (len(received), expected))
