package io.liaison.gateway.keys.rollover;

/** A key announcement that must not go out (after the switch, from a sender outside NISC); nothing was stored. */
public final class KeyAnnouncementException extends Exception {
    public KeyAnnouncementException(String message) {
        super(message);
    }
}
