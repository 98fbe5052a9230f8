package io.liaison.gateway.interfaces.cli;

/** Exit codes every command shares: 0 done, 1 failed while running, 2 input or settings refused. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;

    private ExitCodes() {}
}
