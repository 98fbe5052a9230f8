/** Tracking: what happened to each delivery of a notice, its chain of forwards and its refusals. */
package io.liaison.gateway.track;
