/** Dispatch: one independent sender per channel, each behind a small transport port with its adapter beside it. */
package io.liaison.gateway.dispatch;
