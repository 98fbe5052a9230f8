/**
 * The command-line door: each command parses its arguments, calls the gateway and prints. Commands
 * live here, never in the domain packages; {@code app.Main} only registers them.
 */
package io.liaison.gateway.interfaces.cli;
