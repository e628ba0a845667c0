package io.culex.bootstrap.tools.bench;

/** Who publishes where and who receives what, per scenario. */
record Topology(Scenario scenario, String prefix, int publishers, int subscribers) {

    String publishTopic(int publisher) {
        switch (scenario) {
            case FANOUT:
                return prefix + "/out";
            case P2P:
                return prefix + "/p2p/" + publisher;
            case DRAIN:
                return prefix + "/drain";
            default:
                return prefix + "/in/" + publisher; // fanin and latency
        }
    }

    String filter(int subscriber) {
        switch (scenario) {
            case FANOUT:
                return prefix + "/out";
            case P2P:
                return prefix + "/p2p/" + subscriber;
            case DRAIN:
                return prefix + "/drain";
            default:
                return prefix + "/in/+";
        }
    }

    boolean delivers(int publisher, int subscriber) {
        return scenario != Scenario.P2P || publisher == subscriber;
    }
}
