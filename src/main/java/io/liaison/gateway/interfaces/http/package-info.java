/**
 * The gateway's HTTP door (issue 13): one Vert.x server on {@code gateway.http.host:port} (loopback by
 * default, TLS and client certificates optional) carrying the REST API ({@code interfaces.api}) and the
 * console ({@code interfaces.web}). Here: the server, the headers every answer carries (a strict
 * Content-Security-Policy without inline script or style), body size limits, content-type checks and
 * RFC 9457 problem details. Nothing is reachable without authentication except health and static assets.
 */
package io.liaison.gateway.interfaces.http;
