package io.liaison.gateway.app;

import io.liaison.gateway.dispatch.TransportFailure;
import io.liaison.gateway.dispatch.sms.SmsTransport;
import io.liaison.gateway.marking.DemoMarking;

/** In demo mode, the short answers to SMS replies carry the demo label too (notices get it from their marking). */
final class DemoMarkedSms implements SmsTransport {
    private final SmsTransport real;

    private DemoMarkedSms(SmsTransport real) {
        this.real = real;
    }

    static SmsTransport around(SmsTransport real) {
        return new DemoMarkedSms(real);
    }

    @Override
    public String submit(String destination, String text) throws TransportFailure {
        return real.submit(destination, DemoMarking.sms(text));
    }

    @Override
    public void close() {
        // the real transport is the gateway's own; it closes it
    }
}
