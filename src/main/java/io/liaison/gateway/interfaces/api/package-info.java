/**
 * The REST API (issue 13): JSON under {@code /api/v1/}, one route table ({@link io.liaison.gateway.interfaces.api.ApiRoutes})
 * from which both the router and the OpenAPI document at {@code /api/openapi.json} are made. Each route
 * authenticates a bearer token, parses its input strictly, calls one application use case and renders it.
 */
package io.liaison.gateway.interfaces.api;
