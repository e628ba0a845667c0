package io.culex.application.bridge;

/** Which way a bridge {@code topic} line carries messages: {@code in} is remote to local. */
public enum BridgeDirection {
    IN, OUT, BOTH;

    public boolean carriesIn() {
        return this != OUT;
    }

    public boolean carriesOut() {
        return this != IN;
    }
}
