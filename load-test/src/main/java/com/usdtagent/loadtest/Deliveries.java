package com.usdtagent.loadtest;

/** Turns every {@code new-message} a socket receives into a delivery latency: its text is the send time. */
final class Deliveries implements WireSocket.Events {

    private static final String NEW_MESSAGE = "42[\"new-message\"";
    private static final String TEXT = "\"text\":\"";

    /** Replaced at each step. */
    volatile Latencies latencies = new Latencies();

    @Override
    public void onEvent(String frame, long receivedNanos) {
        if (!frame.startsWith(NEW_MESSAGE)) {
            return; // the product's ticks, room list updates and presence: not measured
        }
        int start = frame.indexOf(TEXT) + TEXT.length();
        int end = frame.indexOf('"', start);
        latencies.add(receivedNanos - Long.parseLong(frame, start, end, 10));
    }
}
