package io.liaison.gateway.interfaces.web.console;

/**
 * What a page handler answers: the status, the page's title, and its main content; the layout adds
 * the header, navigation and footer. {@code live} marks a page the script refreshes on events.
 */
record View(int status, String title, Html main, boolean live) {
    static View ok(String title, Html main) {
        return new View(200, title, main, false);
    }

    static View live(String title, Html main) {
        return new View(200, title, main, true);
    }

    static View status(int status, String title, Html main) {
        return new View(status, title, main, false);
    }
}
