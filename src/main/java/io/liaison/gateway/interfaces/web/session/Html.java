package io.liaison.gateway.interfaces.web.session;

import io.vertx.ext.web.RoutingContext;

/** The login door's few pages: escaped text, the console's stylesheet, no inline script or style (the CSP stays strict). */
final class Html {
    private Html() {
    }

    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String attr(String s) {
        return text(s);
    }

    static void send(RoutingContext ctx, int status, String title, String bodyHtml) {
        String page = "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + text(title) + " — Liaison Gateway</title><link rel=\"stylesheet\" href=\"/assets/console.css\"></head>"
                + "<body class=\"login\"><main><h1>" + text(title) + "</h1>" + bodyHtml + "</main></body></html>";
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(page);
    }
}
