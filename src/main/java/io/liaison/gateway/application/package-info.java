/**
 * The application layer (docs/seams.md §1): one class per use case, each taking the acting
 * {@link io.liaison.gateway.application.Actor} first, asking the one
 * {@link io.liaison.gateway.application.Authorisation} before it does anything, and writing one audit
 * entry once the answer and the outcome are known. Doors (CLI, console, API) call these and render
 * the immutable results; they never reach a store, a dispatcher or Camel.
 */
package io.liaison.gateway.application;
